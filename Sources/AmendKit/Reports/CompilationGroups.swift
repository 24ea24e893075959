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

  /// `proposals` (in the chair's order) filed by that rule.
  public init(_ proposals: [MarshalledProposal]) {
    for item in proposals {
      if item.operation.isThroughout {
        throughout.append(item)
      } else if let key = item.placement.clause?.key {
        byClause[key, default: []].append(item)
      } else {
        gone.append(item)
      }
    }
  }
}
