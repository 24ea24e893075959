import DraftText

/// The text a one-clause refusal is about.
public enum ClauseTextSubject: Equatable, Sendable {
  /// A proposal's wording for an existing clause.
  case proposedText(ClauseID)
  /// A new clause proposed before (or after) clause `next`.
  case newClause(next: ClauseID, before: Bool)
  /// The chair's revised text of `proposal` for an existing clause.
  case revisedText(proposal: String, clause: ClauseID)
  /// The chair's revised text of `proposal` where it adds a new clause.
  case revisedNewClause(proposal: String)
}

/// A text refused by the rule that one clause's text is one clause: put in the draft and read back,
/// it must leave the same clauses in the same places.
public enum ClauseTextError: Error, Equatable, Sendable {
  /// The draft refused the edit outright.
  case edit(ClauseTextSubject, DraftError)
  /// Read back, the text's line breaks would start another clause or renumber the others.
  case notOneClause(ClauseTextSubject)
}
