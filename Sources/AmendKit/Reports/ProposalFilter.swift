import DraftText
import Foundation

/// Which proposals `amend proposals` lists: on one clause, by one delegation, with one status.
public struct ProposalFilter: Sendable {
  /// A clause as people cite it, resolved in the current draft.
  public var clause: String?
  /// A delegation that tabled or co-sponsored it, in any letter case.
  public var delegation: String?
  public var status: ProposalStatus?

  public init(clause: String? = nil, delegation: String? = nil, status: ProposalStatus? = nil) {
    self.clause = clause
    self.delegation = delegation
    self.status = status
  }
}

extension Snapshot {
  /// The proposals `filter` selects, placed in `current`, in the order the chair takes them.
  /// Damaged records are left out (and reported by the ledger's warnings).
  public func proposals(in current: DraftVersion, matching filter: ProposalFilter) throws -> [MarshalledProposal] {
    // An unknown clause is DraftText's own refusal, which names the nearest clauses.
    let clauseKey = try filter.clause.map { try current.draft.resolve($0).key }
    let wanted = filter.status
    return try marshalledList(current, toleratingDamage: true) { wanted == nil || $0 == wanted }.filter { item in
      let onClause = item.placement.clause?.key == clauseKey || item.placement.throughout?.contains { $0.clause.key == clauseKey } == true
      guard clauseKey == nil || onClause else { return false }
      guard let delegation = filter.delegation else { return true }
      return item.state.isProposer(delegation) || item.state.isCosponsor(delegation)
    }
  }

  /// One proposal, by its id or the id's first characters, placed in `current`.
  public func proposal(_ id: ProposalID, in current: DraftVersion) throws -> MarshalledProposal {
    let state = try ledger.get().proposal(id)
    guard
      let item = try marshalledList(current, toleratingDamage: true, include: { _ in true })
        .first(where: { $0.id == state.id })
    else { throw LookupError.unknownProposal(id.rawValue) }
    return item
  }
}
