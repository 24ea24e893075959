/// Where a proposal stands in its life: tabled → accepted | rejected | withdrawn | deferred, and once
/// a draft takes it in, applied.
public enum ProposalStatus: String, Codable, Sendable, CaseIterable {
  case pending, accepted, rejected, deferred, withdrawn, applied

  /// Still to be decided: on the chair's list.
  public var isUndecided: Bool { self == .pending || self == .deferred }
}
