/// The old → new clause numbers published with a draft, stored beside it as
/// `drafts/NN-<ordinal>-draft.numbering.yaml`.
public struct NumberingTable: Codable, Equatable, Sendable {
  /// One clause's id in the old draft and in the new.
  public struct Change: Codable, Equatable, Sendable {
    /// The id in the previous draft; absent for a new clause.
    public var old: String?
    /// The id in this draft; absent for a deleted clause.
    public var new: String?
    /// The proposal that made the change, when one did.
    public var proposal: String?

    /// A change of id from `old` to `new` (nil for a clause added or deleted), made by `proposal`.
    public init(old: String?, new: String?, proposal: String? = nil) {
      self.old = old
      self.new = new
      self.proposal = proposal
    }
  }

  /// The number of the old draft.
  public var from: Int
  /// The number of the new draft.
  public var to: Int
  /// Only the clauses whose id changed, were added or were deleted.
  public var changes: [Change]

  /// The table from draft `from` to draft `to`.
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
