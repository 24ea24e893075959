import DraftText

/// Where the current draft's date was read from.
public enum DraftDateSource: Equatable, Sendable {
  /// The record written when the draft was produced.
  case recorded
  /// The draft's own date line.
  case dateLine
}

/// The next draft cannot be produced.
public enum NextDraftError: Error, Equatable, Sendable {
  /// Session `name` is still open.
  case sessionStillOpen(name: String)
  /// The proposal's decisions conflict (histories merged); the chair must decide it again before draft `next`.
  case inConflict(proposal: String, delegation: String, decisions: [EventRecord], next: Int)
  /// Draft `draft` is recorded twice (event record paths `records`) with different proposals applied.
  case recordedTwice(draft: Int, records: [String])
  /// Nothing has been decided since draft `since`.
  case nothingDecided(since: Int)
  /// Draft `current` + 1 would be dated `date`, before draft `current`'s `previous` date.
  case datedBefore(date: CalendarDate, previous: CalendarDate, source: DraftDateSource, current: Int)
  /// An accepted proposal no longer applies to the current draft.
  case noLongerApplies(proposal: String, delegation: String, problem: ApplyProblem)
  /// Two accepted proposals both change `words` in `clause`, unresolved.
  case unresolvedCollision(proposal: String, delegation: String, words: String, clause: ClauseID)
  /// An accepted proposal cannot be applied with the others.
  case cannotApply(proposal: String, delegation: String, problem: ApplyProblem)
  /// The title cannot be advanced or replaced.
  case title(DraftError)
  /// Other writers kept moving the branch while the draft was being produced.
  case branchKeptMoving
}
