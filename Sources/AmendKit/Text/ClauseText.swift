import DraftText
import Foundation

/// The rule that one clause's text is one clause, decided at one boundary for every way a text comes
/// in (--text, --with, --insert, --new-clause, --as-revised, and the wordings next combines): the
/// text is put in the draft, the draft read back, and it must hold the same clauses in the same
/// places with only this clause's text changed.
enum ClauseText {
  /// Refuses `text` as the wording of `clause` when the draft would not read back so.
  static func checkWording(
    _ text: String, of clause: Clause, in draft: Draft, what: ClauseTextSubject
  ) throws(ClauseTextError) {
    try checkCharacters(text, lineBreaksAllowed: isMultiLine(clause.text), what: what)
    let readsBack: Bool
    do {
      readsBack = try draft.readsBack(replacingTextOf: clause.key, with: text)
    } catch {
      throw .edit(what, error)
    }
    guard readsBack else { throw refusal(text, what) }
  }

  /// Refuses `text` as a new clause next to `anchor` when the draft would not read back with it as
  /// one clause.
  static func checkNewClause(
    _ text: String, next anchor: Clause, before: Bool, in draft: Draft, what: ClauseTextSubject
  ) throws(ClauseTextError) {
    let listsSubItems = try checkNewClauseCharacters(text, ownKind: anchor.labelKind, what: what)
    var edited = draft
    let key: ClauseKey
    do {
      key = before ? try edited.insertClause(text, before: anchor.key) : try edited.insertClause(text, after: anchor.key)
      // Sub-items carry provisional labels until renumbered, as next renumbers them.
      if listsSubItems { edited.renumberLists() }
    } catch {
      throw .edit(what, error)
    }
    // A new unnumbered line must read back as one.
    let reads = !before && anchor.takesUnnumberedAfter ? edited.readsBack(unnumbered: key) : edited.readsBack
    guard reads else { throw refusal(text, what) }
  }

  /// A new clause's text is one line, or one line and the sub-items listed under it on the lines
  /// after it (`Draft.subItems(of:ownKind:)`). Returns whether it lists sub-items.
  static func checkNewClauseCharacters(
    _ text: String, ownKind: LabelKind, what: ClauseTextSubject
  ) throws(ClauseTextError) -> Bool {
    let (own, items) = Draft.subItems(of: text, ownKind: ownKind)
    try checkCharacters(own, lineBreaksAllowed: false, what: what)
    for item in items { try checkCharacters(item, lineBreaksAllowed: false, what: what) }
    return !items.isEmpty
  }

  /// A clause's text is one line, as the record keeps it (so that git blame and amend agree), unless
  /// the clause already ran over several lines in the source; control characters other than a tab
  /// are never part of a text.
  static func checkCharacters(_ text: String, lineBreaksAllowed: Bool, what: ClauseTextSubject) throws(ClauseTextError) {
    for scalar in text.unicodeScalars where Names.isBreakOrControl(scalar) && scalar != "\t" {
      if isLineBreak(scalar) {
        if !lineBreaksAllowed { throw .notOneClause(what) }
      } else {
        throw .controlCharacter(what, scalar: scalar.value)
      }
    }
  }

  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
  }

  static func isMultiLine(_ text: String) -> Bool { text.unicodeScalars.contains(where: isLineBreak) }

  /// The refusal for a text that does not read back: its line breaks start other clauses, or,
  /// with none, its opening words are read as a marker or as another kind of clause (a preambular
  /// paragraph that no longer opens with its participle). Every text is read back, not only those
  /// with line breaks: the tabling fuzzer found the second kind (docs/RELIABILITY.md).
  static func refusal(_ text: String, _ what: ClauseTextSubject) -> ClauseTextError {
    mayBreak(text) ? .notOneClause(what) : .notReadAsItself(what)
  }

  /// Whether a text holds a line break or control character, or a space at either end, which the
  /// parser may read as the start of another clause.
  static func mayBreak(_ text: String) -> Bool {
    text.unicodeScalars.contains(where: Names.isBreakOrControl) || text.first?.isWhitespace == true
      || text.last?.isWhitespace == true
  }

  /// `text` without a number or letter of its clause's own kind at its start ("2. The Working
  /// Group…" for a paragraph), which amend writes itself, and a note saying it was left out.
  static func withoutOwnMarker(_ text: String, like clause: Clause, what: String) -> (text: String, note: String?) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let (marker, rest) = Draft.leadingMarker(of: trimmed, like: clause) else { return (text, nil) }
    return (
      rest.trimmingCharacters(in: .whitespacesAndNewlines),
      "\(what) began with '\(marker)', which was left out: amend numbers the clause from its place"
    )
  }
}
