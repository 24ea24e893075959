import DraftText

/// Where a compilation lists each pending proposal — the one rule the text, HTML, Word and Akoma Ntoso
/// compilations share: global amendments once, before the clauses ("horizontal" amendments come first);
/// every other proposal under the clause it now targets; those whose clause is gone, at the end.
public struct CompilationGroups {
  /// Global amendments (`propose --throughout`), in the order given.
  public var throughout: [MarshalledProposal] = []
  /// The others, by the clause they now target, in the order given.
  public var byClause: [ClauseKey: [MarshalledProposal]] = [:]
  /// Proposals whose clause no longer exists.
  public var gone: [MarshalledProposal] = []

  /// `proposals` (in the chair's order) filed by that rule. With `draft` (a compilation that lists
  /// only clauses, not article headings), a proposal on an article's heading is filed under the
  /// article's first clause, and one on an unnumbered line under the clause it belongs to; without it,
  /// under the heading or the line (listed by `Draft.clausesAndHeadings`).
  public init(_ proposals: [MarshalledProposal], foldingHeadingsIn draft: Draft? = nil) {
    for item in proposals {
      if item.operation.isThroughout {
        throughout.append(item)
      } else if let draft, let heading = item.placement.clause, heading.id.isHeading {
        let first = draft.clauses.first { $0.line > heading.line && $0.article?.lowercased() == heading.article?.lowercased() }
        if let first { byClause[first.key, default: []].append(item) } else { gone.append(item) }
      } else if let draft, let line = item.placement.clause, line.id.isUnnumbered {
        // An unnumbered line (an option, a title, a paragraph without a number): under the clause it belongs to.
        var owner = line.parentKey
        while let key = owner, let found = draft.clause(key: key), found.id.isUnnumbered { owner = found.parentKey }
        let target =
          owner.flatMap { key in draft.clauses.first { $0.key == key } }
          ?? draft.clauses.first { $0.line > line.line && $0.article?.lowercased() == line.article?.lowercased() }
          ?? draft.clauses.last { $0.line < line.line }
        if let target { byClause[target.key, default: []].append(item) } else { gone.append(item) }
      } else if let key = item.placement.clause?.key {
        byClause[key, default: []].append(item)
      } else {
        gone.append(item)
      }
    }
  }
}
