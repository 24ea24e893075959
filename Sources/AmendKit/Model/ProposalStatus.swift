/// Where a proposal stands in its life: tabled → accepted | rejected | withdrawn | deferred, and once
/// a draft takes it in, applied. `conflict` when merged histories decided it in opposite ways and the
/// chair has not decided again.
public enum ProposalStatus: String, Codable, Sendable, CaseIterable {
  /// Tabled and not yet decided.
  case pending
  /// Accepted in a session; the next draft applies it.
  case accepted
  /// Rejected in a session.
  case rejected
  /// Deferred to a later session.
  case deferred
  /// Withdrawn by its delegation before it was decided.
  case withdrawn
  /// Taken into a draft.
  case applied
  /// Decided both ways in merged histories; the chair must decide it again.
  case conflict
  /// A sub-amendment whose parent was rejected or withdrawn before it was applied: the question lapsed.
  case fallen

  /// Still to be decided: on the chair's list.
  public var isUndecided: Bool { self == .pending || self == .deferred }

  /// On the chair's list: undecided, or decided both ways and to be decided again.
  public var isOnAgenda: Bool { isUndecided || self == .conflict }
}
