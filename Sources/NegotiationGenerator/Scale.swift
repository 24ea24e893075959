/// How big a generated negotiation is: the sizes the benchmarks run at.
public struct Scale: Sendable, Equatable {
  /// "S", "M" or "L".
  public var name: String
  /// Clauses of the first draft; nil to start from the seed draft instead of a generated one.
  public var clauses: Int?
  /// Proposals tabled over the whole negotiation.
  public var proposals: Int
  /// How many delegations table them.
  public var delegations: Int
  /// Drafts in the repository at the end, the first one included.
  public var drafts: Int

  public init(name: String, clauses: Int?, proposals: Int, delegations: Int, drafts: Int) {
    self.name = name
    self.clauses = clauses
    self.proposals = proposals
    self.delegations = delegations
    self.drafts = drafts
  }

  /// The seed draft and 50 proposals, with one draft produced from it.
  public static let small = Scale(name: "S", clauses: nil, proposals: 50, delegations: 12, drafts: 2)
  /// A committee's worth: 500 clauses, 4,000 proposals from 190 delegations, 10 drafts.
  public static let medium = Scale(name: "M", clauses: 500, proposals: 4_000, delegations: 190, drafts: 10)
  /// Far beyond it: 5,000 clauses, 40,000 proposals, 50 drafts.
  public static let large = Scale(name: "L", clauses: 5_000, proposals: 40_000, delegations: 190, drafts: 50)

  /// The scale named `name` (S, M or L, in any case).
  public static func named(_ name: String) -> Scale? {
    switch name.uppercased() {
    case "S": small
    case "M": medium
    case "L": large
    default: nil
    }
  }
}
