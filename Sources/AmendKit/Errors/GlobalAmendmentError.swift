import DraftText

/// A global amendment (`propose --throughout`) refused when it is tabled, revised or accepted.
public enum GlobalAmendmentError: Error, Equatable, Sendable {
  /// The words occur in no clause of the current draft (`draft`).
  case wordsNowhere(words: String, draft: Int)
  /// The words would be replaced with themselves.
  case replacedWithItself(words: String)
  /// Deleting the words would leave `clause` with no text.
  case leavesNoText(words: String, clause: ClauseID)
  /// The chair's words replace one clause's text; a global amendment changes many.
  case oralRevision(proposal: String)
  /// A global amendment is revised by withdrawing it and tabling the new wording.
  case cannotRevise(proposal: String)
}
