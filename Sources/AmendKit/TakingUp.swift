import Foundation

extension Workspace {
  /// Another delegation re-tables the withdrawn proposal `id` as its own: a new proposal with the same
  /// operation and statement, on the clause where the original stands now, linked to it
  /// (`taken-up-from`). It is checked against the current draft like any proposal.
  public func takeUp(_ id: ProposalID, by delegation: String, cosponsors: [String] = []) throws -> ProposalRecord {
    guard !delegation.trimmingCharacters(in: .whitespaces).isEmpty else { throw RevisionError.noDelegation }
    let snapshot = try snapshot()
    let state = try snapshot.ledger.get().proposal(id)
    if let parent = state.record.to { throw SubAmendmentError.notForSubAmendments(command: "taken up", proposal: state.id, parent: parent) }
    let current = try snapshot.currentDraft()
    // A global amendment is tabled again throughout the text; any other on the clause where it stands now.
    let clause = try snapshot.placement(of: state.record, in: current).clause
    guard clause != nil || state.record.isThroughout else {
      throw RevisionError.clauseGone(proposal: state.id)
    }
    let request = ProposalRequest(
      clause: clause?.id.rawValue ?? "", delegation: delegation, operation: try state.record.operation.decoded(),
      cosponsors: cosponsors, rationale: state.record.rationale)
    return try table(request, takingUp: state.id) { ledger, delegation in
      // Checked again in the commit itself, against the record it is written on.
      let original = try ledger.proposal(id)
      guard original.status == .withdrawn else { throw RevisionError.notWithdrawn(proposal: original.id, status: original.status) }
      if let other = original.takenUpBy { throw RevisionError.alreadyTakenUp(proposal: original.id, by: other) }
      if original.isProposer(delegation) { throw RevisionError.ownProposal(delegation: delegation, proposal: original.id) }
    }
  }
}
