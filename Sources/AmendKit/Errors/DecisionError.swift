import DraftText

/// How a decision is taken back: in the session that took it, or on the record in a later one.
public enum TakeBack: Equatable, Sendable {
  /// Taken back in the session that took it, as if never taken.
  case reopen
  /// Taken back in a later session; the record keeps both.
  case reconsider
}

/// A session or a decision refused by the chairing rules.
public enum DecisionError: Error, Equatable, Sendable {
  /// A session was opened without a name.
  case sessionNeedsName
  /// A session was opened without a chair.
  case sessionNeedsChair
  /// Session `name` is still open.
  case sessionStillOpen(name: String)
  /// A session was to be closed, and none is open.
  case noSessionToClose
  /// A decision was asked for, and no session is open.
  case noOpenSession
  /// The proposal was withdrawn by `by`.
  case withdrawn(proposal: String, by: String)
  /// The proposal was applied in draft `inDraft`.
  case applied(proposal: String, inDraft: Int)
  /// The proposal has no decision to take back.
  case nothingToTakeBack(proposal: String)
  /// Reopen was asked for a decision of an earlier session (`session`).
  case decidedInEarlierSession(proposal: String, session: String)
  /// Reconsider was asked for a decision of this session.
  case decidedInThisSession(proposal: String)
  /// The proposal is already accepted or rejected (`status`) in `session`; `takeBack` says how to undo it.
  case alreadyDecided(proposal: String, status: ProposalStatus, session: String, takeBack: TakeBack)
  /// The proposal is already deferred.
  case alreadyDeferred(proposal: String)
  /// A revised text was given with a decision other than accept.
  case revisionWithoutAccept
  /// The revised text is empty.
  case emptyRevision
  /// The proposal cannot be accepted as tabled; `revisable` says whether a revised text could carry it.
  case cannotAcceptAsTabled(proposal: String, problem: ApplyProblem, revisable: Bool)
  /// An already accepted proposal (`accepted`, by `delegation`) can no longer be applied.
  case acceptedNoLongerApplies(accepted: String, delegation: String, problem: ApplyProblem, takeBack: TakeBack)
  /// `clause` (or `deleted`, which it stands under) is already accepted for deletion by `deletion`.
  case deletedByAccepted(
    proposal: String, clause: ClauseID, deleted: ClauseID?, deletion: String, delegation: String, takeBack: TakeBack)
  /// The deletion of `clause` would take away the accepted change `change` in it.
  case acceptedChangeInside(clause: ClauseID, change: String, delegation: String, takeBack: TakeBack)
  /// `clause` is already accepted to move by `move`.
  case alreadyMoving(clause: ClauseID, move: String, takeBack: TakeBack)
  /// The proposal and an accepted one (`with`, by `withDelegation`; nil when it cannot be told which)
  /// both change `words` in `clause`.
  case collides(
    proposal: String, delegation: String, with: String?, withDelegation: String?, words: String, clause: ClauseID)
  /// The proposal cannot stand with what is already accepted: `failing` cannot be applied.
  case cannotStand(proposal: String, delegation: String, failing: String, problem: ApplyProblem)
}

/// Why an accepted proposal cannot be applied to the current draft.
public enum ApplyProblem: Equatable, Sendable {
  /// Its place in the draft needs revision, said in words (as `compile` shows it).
  case needsRevision(String)
  /// Its clause no longer exists.
  case clauseGone
  /// Its words no longer stand in `clause`.
  case wordsGone(clause: ClauseID)
  /// It has no text.
  case noText
  /// The clause it was to follow no longer exists.
  case followGone
  /// The chair's revised text breaks the one-clause rule.
  case text(ClauseTextError)
  /// The draft refused the edit.
  case edit(DraftError)
  /// Its wording collides with an earlier accepted one.
  case wordingCollides
  /// Together the accepted wordings would not stay one clause each.
  case notOneClauseEach
}
