import DraftText

/// A draft, a clause or a proposal asked for by number, spelling or id is not there.
public enum LookupError: Error, Equatable, Sendable {
  /// The repository holds no draft yet.
  case noDraftYet
  /// There is no draft `number`; `drafts` lists the numbers there are.
  case noSuchDraft(Int, drafts: [Int])
  /// There is no draft before `draft` to compare it with; `drafts` lists the numbers there are.
  case nothingBefore(draft: Int, drafts: [Int])
  /// A comparison was asked from a later draft to an earlier one.
  case outOfOrder(from: Int, to: Int)
  /// The clause's spelling does not resolve in draft `inDraft`.
  case clause(DraftError, inDraft: Int)
  /// The clause `spelling` names is not a clause of draft `inDraft`.
  case clauseNotInDraft(spelling: String, inDraft: Int)
  /// No proposal's id is or starts with `prefix`.
  case unknownProposal(String)
  /// Several proposals' ids start with `prefix`.
  case ambiguousProposal(String, matches: [String])
}
