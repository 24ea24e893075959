import DraftText

/// The compilation text: the current draft with every pending proposal under its clause.
public enum Compilation {
  /// The compilation's format.
  public enum Format: String, CaseIterable, Sendable {
    /// Plain text, each proposal indented under its clause.
    case text
    /// Markdown: the title in bold, each proposal quoted under its clause.
    case markdown
  }

  /// The compilation of `proposals` against `version`, in `format`; with each proposal's explanatory
  /// statement under it when `statements` is set, and each clause's line number in the draft when
  /// `lineNumbers` is.
  public static func render(
    _ version: DraftVersion, proposals: [MarshalledProposal], format: Format, statements: Bool = false,
    lineNumbers: Bool = false
  ) -> String {
    let width = lineNumbers ? LineNumbers.width(for: version.text) : 0
    let pages = lineNumbers ? PagedLayout(version.draft) : nil
    let groups = CompilationGroups(proposals)
    let (byClause, orphans, globals) = (groups.byClause, groups.gone, groups.throughout)
    let globalsByClause = globalReferences(globals)
    var out: [String] = []
    if let title = version.draft.titleBlock {
      // Markdown joins consecutive lines into one paragraph; two trailing spaces keep the breaks.
      out += [title.subject, title.title, title.dateLine].compactMap { $0 }.map { format == .markdown ? "**\($0)**  " : $0 }
    }
    out.append(
      "Compilation of proposals: \(proposals.count) pending on the \(Ordinal.words(version.number)) draft")
    let brackets = BracketReport(version)
    if brackets.total > 0 { out.append(brackets.summary) }
    let bracketed = Dictionary(brackets.clauses.map { ($0.clause, $0.brackets.count) }, uniquingKeysWith: +)
    let conflicts = proposals.filter { $0.state.status == .conflict }.count
    if conflicts > 0 {
      out.append("\(conflicts) of them in conflict: decided both ways in merged histories, to be decided again")
    }
    out += throughoutSection(globals, format: format, statements: statements)
    for clause in version.draft.clausesAndHeadings {
      out.append("")
      let depth = depth(of: clause, in: version.draft)
      // With line numbers, proposals stay aligned under their clause's text.
      let number = lineNumbers ? LineNumbers.label(clause.line, width: width) : ""
      let indent = String(repeating: " ", count: number.count) + String(repeating: "  ", count: depth)
      out.append(
        format == .markdown ? number + clause.marker + clause.text : number + String(indent.dropFirst(number.count)) + clause.marker + clause.text)
      if let count = bracketed[clause.id.rawValue] {
        out.append((format == .markdown ? "> " : indent + "    ") + "(\(count) bracket\(count == 1 ? "" : "s") remain\(count == 1 ? "s" : ""))")
      }
      var bis = 0
      for item in subAmendmentsUnderParents(byClause[clause.key] ?? []) {
        if case .newClause(_, false) = item.operation { bis += 1 }
        out.append(
          contentsOf: entry(item, bisIndex: max(bis, 1), format: format, indent: indent, statements: statements, cited: pages?.citationNote(item)))
      }
      out += (globalsByClause[clause.key] ?? []).flatMap { reference($0, format: format, indent: indent) }
    }
    if !orphans.isEmpty {
      out.append("")
      out.append("Proposals whose clause no longer exists:")
      for item in orphans { out.append(contentsOf: entry(item, bisIndex: 1, format: format, indent: "", statements: statements)) }
    }
    return out.joined(separator: "\n") + "\n"
  }

  static func entry(_ item: MarshalledProposal, bisIndex: Int, format: Format, indent: String, statements: Bool, cited: String? = nil) -> [String] {
    let summary = ProposalSummary(item, bisIndex: bisIndex)
    let lead = format == .markdown ? (summary.to == nil ? "> " : "> > ") : indent + (summary.to == nil ? "    " : "      ")
    var lines = [
      "\(lead)[\(summary.id)] \(summary.sponsors): \(summary.description)",
      "\(lead)\(summary.clauseName) \(cited.map { $0 + " " } ?? "")\(summary.redline)",
    ]
    if let parent = summary.to {
      lines = [
        "\(lead)[\(summary.id)] \(summary.sponsors), sub-amendment to [\(parent)]: \(summary.description)",
        "\(lead)\(parent)'s text: \(summary.redline)",
      ]
    }
    if summary.late == true {
      lines.append("\(lead)LATE: tabled after the deadline; the chair decides whether to take it")
    }
    if !summary.collidesWith.isEmpty {
      lines.append("\(lead)COLLIDES with \(summary.collidesWith.joined(separator: ", ")): they change the same words")
    }
    if let conflict = summary.conflictLine { lines.append("\(lead)CONFLICT: \(conflict.dropFirst("conflict: ".count))") }
    if let reason = summary.needsRevision { lines.append("\(lead)NEEDS REVISION: \(reason)") }
    if statements && !summary.rationale.isEmpty {
      // One line, like every line of the compilation: a statement's own line breaks become spaces.
      let statement = summary.rationale.split(whereSeparator: \.isNewline).joined(separator: " ")
      lines.append("\(lead)Explanatory statement: \(statement)")
    }
    if format == .markdown {
      lines = lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + "  " : $0.element } + [""]
    }
    return lines
  }

  static func depth(of clause: Clause, in draft: Draft) -> Int {
    var depth = 0
    var parent = clause.parentKey
    while let key = parent, depth < 10 {
      depth += 1
      parent = draft.clause(key: key)?.parentKey
    }
    return depth
  }
}
