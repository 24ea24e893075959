/// A sub-amendment (an amendment to a pending proposal's proposed text) refused when it is tabled or
/// decided, or a decision refused because of one.
public enum SubAmendmentError: Error, Equatable, Sendable {
  /// The operation does not change words (`kind`: delete-clause, new-clause, move-clause): a
  /// sub-amendment changes the text a proposal proposes.
  case notOnText(kind: String)
  /// The parent is decided, withdrawn or fallen (`status`): only a pending proposal can be amended.
  case parentNotPending(parent: String, status: ProposalStatus)
  /// The parent is itself a sub-amendment (of `itsParent`): one level only.
  case parentIsSubAmendment(parent: String, itsParent: String)
  /// The parent proposes no text to amend (a deletion or a move, `kind`).
  case parentProposesNoText(parent: String, kind: String)
  /// The parent's clause is gone from the current draft: it must be revised first.
  case parentClauseGone(parent: String)
  /// The words are not in the parent's proposed text.
  case wordsNotInParent(words: String, parent: String)
  /// The words occur `count` times in the parent's proposed text, and no occurrence was chosen.
  case wordsAmbiguousInParent(words: String, count: Int, parent: String)
  /// The occurrence chosen is past the `count` the parent's text has.
  case noSuchOccurrenceInParent(words: String, occurrence: Int, count: Int, parent: String)
  /// The operation would leave the parent's proposed text as it is.
  case noChangeToParent(parent: String)
  /// The parent cannot be accepted while these sub-amendments (`pending`, with their delegations) are undecided.
  case subAmendmentsUndecided(parent: String, pending: [String], delegations: [String])
  /// The sub-amendment fell with its parent (rejected or withdrawn, `how`): there is nothing to decide.
  case fallen(proposal: String, parent: String, how: String)
  /// The sub-amendment's parent is no longer pending (`status`): it cannot be accepted now.
  case parentDecided(proposal: String, parent: String, status: ProposalStatus)
  /// The words the sub-amendment changes are no longer in its parent's proposed text (a revision or
  /// another sub-amendment changed them).
  case noLongerInParent(proposal: String, parent: String, words: String)
  /// An accepted sub-amendment cannot be taken back while its parent is decided.
  case parentDecidedFirst(proposal: String, parent: String)
  /// An accepted sub-amendment cannot be taken back after a later change to its parent's text (`by`:
  /// a later sub-amendment or a revision).
  case laterChangeToParent(proposal: String, parent: String, by: String)
  /// A sub-amendment is accepted as tabled: the chair's words go on its parent.
  case noOralRevision(proposal: String, parent: String)
  /// A sub-amendment is not revised or taken up (`command`); it is withdrawn and tabled again.
  case notForSubAmendments(command: String, proposal: String, parent: String)
}
