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
  /// A new clause proposed under clause `parent`.
  case newClauseUnder(parent: ClauseID)
}

/// A text refused by the rule that one clause's text is one clause: put in the draft and read back,
/// it must leave the same clauses in the same places.
public enum ClauseTextError: Error, Equatable, Sendable {
  /// The draft refused the edit outright.
  case edit(ClauseTextSubject, DraftError)
  /// The text has a line break where the clause is one line, or, read back, its line breaks would
  /// start another clause or renumber the others.
  case notOneClause(ClauseTextSubject)
  /// The text holds a control character (`scalar`, other than a tab or line break).
  case controlCharacter(ClauseTextSubject, scalar: UInt32)
  /// Read back, the text (with no line break) would not be the same clause: its opening words read as
  /// a marker or as another kind of clause, such as a preambular paragraph without its participle.
  case notReadAsItself(ClauseTextSubject)
}
