import DraftText

/// What must hold for any text the parser is given: parse then render is the identity, byte for
/// byte; every line that looks like a marker (``MarkerGrammar``) starts a clause or is named in a
/// warning; every labelled clause starts on such a line; ids and eIds are distinct and each id,
/// as stored and as displayed, resolves to its own clause.
public enum ParserOracle {
  /// The problems found in `text`, empty when all holds. `markerLines` are lines the caller wrote
  /// as markers (1-based), checked against the grammar too.
  public static func problems(in text: String, markerLines: [Int] = []) -> [String] {
    let draft: Draft
    do {
      draft = try Draft(parsing: text)
    } catch DraftError.empty {
      return []
    } catch DraftError.noClauses {
      return []
    } catch {
      return ["parsing threw \(error)"]
    }
    var problems: [String] = []
    if !draft.render().utf8.elementsEqual(text.utf8) { problems.append("render differs from the text") }

    let lines = contents(text)
    let clauseLines = Set(draft.clauses.map(\.line))
    let warned = Set(draft.warnings.map(\.line))
    let written = Set(markerLines)
    for (offset, content) in lines.enumerated() {
      let number = offset + 1
      let looks = MarkerGrammar.looksLikeMarker(content)
      if written.contains(number), !looks { problems.append("line \(number) was written as a marker but the grammar disagrees") }
      if looks || written.contains(number), !clauseLines.contains(number), !warned.contains(number) {
        problems.append("line \(number) looks like a marker but is neither a clause nor warned about")
      }
    }
    for clause in draft.clauses where clause.labelKind != .none {
      let index = clause.line - 1
      if index < 0 || index >= lines.count || !MarkerGrammar.looksLikeMarker(lines[index]) {
        problems.append("clause \(clause.id) starts on line \(clause.line), which has no marker")
      }
    }
    let ids = draft.clauses.map(\.id)
    if Set(ids).count != ids.count { problems.append("two clauses share an id") }
    if Set(draft.clauses.map(\.eId)).count != ids.count { problems.append("two clauses share an eId") }
    if Set(draft.clauses.map(\.key)).count != ids.count { problems.append("two clauses share a key") }
    // Resolving is linear in the clauses: check every clause of a small draft, a sample of a big one.
    let stride = max(1, draft.clauses.count / 200)
    for clause in draft.clauses.enumerated().filter({ $0.offset % stride == 0 }).map(\.element) {
      for spelling in [clause.id.rawValue, clause.id.display] {
        let found = try? draft.resolve(spelling)
        if found?.key != clause.key {
          problems.append("\"\(spelling)\" resolves to \(found.map { "\($0.id)" } ?? "nothing"), not \(clause.id)")
        }
      }
    }
    var renumbered = draft
    renumbered.renumber()
    if !renumbered.render().utf8.elementsEqual(text.utf8) { problems.append("renumbering without an edit changed the text") }
    return problems
  }

  /// The lines' contents as the parser reads them: split at LF, a CR before the LF dropped.
  public static func contents(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    var lines: [String] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
      lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
      start = index + 1
    }
    if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return lines
  }
}
