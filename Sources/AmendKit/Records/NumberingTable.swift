/// The old → new clause numbers published with a draft, stored beside it as
/// `drafts/NN-<ordinal>-draft.numbering.yaml`.
public struct NumberingTable: Codable, Equatable, Sendable {
  public struct Change: Codable, Equatable, Sendable {
    /// The id in the previous draft; absent for a new clause.
    public var old: String?
    /// The id in this draft; absent for a deleted clause.
    public var new: String?
    /// The proposal that made the change, when one did.
    public var proposal: String?

    public init(old: String?, new: String?, proposal: String? = nil) {
      self.old = old
      self.new = new
      self.proposal = proposal
    }
  }

  public var from: Int
  public var to: Int
  /// Only the clauses whose id changed, were added or were deleted.
  public var changes: [Change]

  public init(from: Int, to: Int, changes: [Change]) {
    self.from = from
    self.to = to
    self.changes = changes
  }

  /// Where the clause `id` of the previous draft stands in this one: `.some(nil)` when deleted,
  /// `nil` when unchanged.
  public func follow(_ id: String) -> String?? {
    guard let change = changes.first(where: { $0.old == id }) else { return nil }
    return .some(change.new)
  }
}
