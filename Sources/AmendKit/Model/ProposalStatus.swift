/// Where a proposal stands in its life: tabled → accepted | rejected | withdrawn | deferred, and once
/// a draft takes it in, applied. `conflict` when merged histories decided it in opposite ways and the
/// chair has not decided again.
public enum ProposalStatus: String, Codable, Sendable, CaseIterable {
  case pending, accepted, rejected, deferred, withdrawn, applied, conflict

  /// Still to be decided: on the chair's list.
  public var isUndecided: Bool { self == .pending || self == .deferred }

  /// On the chair's list: undecided, or decided both ways and to be decided again.
  public var isOnAgenda: Bool { isUndecided || self == .conflict }
}
