import Foundation

extension Workspace {
  /// `delegation` joins the pending proposal `id` as co-sponsor, or leaves it (`leaving`). Each is its
  /// own event record, authored by the delegation, so the record shows who joined when.
  public func cosponsor(_ id: ProposalID, by delegation: String, leaving: Bool = false) throws -> EventRecord {
    guard !delegation.trimmingCharacters(in: .whitespaces).isEmpty else { throw CosponsorError.noDelegation }
    let delegation = try Names.checked(delegation, .delegation)
    let kind: EventRecord.Kind = leaving ? .cosponsorLeft : .cosponsorJoined
    var event: EventRecord?
    try commit(
      author: Person.named(delegation, email: nil),
      message: { _ in
        "\(leaving ? "Leave" : "Co-sponsor") \(event?.proposal ?? id.rawValue) (\(CommitText.line(delegation)))"
          + "\n\nAmend-Event: \(kind.rawValue)\nAmend-Proposal: \(event?.proposal ?? id.rawValue)"
      }
    ) { snapshot in
      try requireDelegation(delegation, at: snapshot)
      let ledger = try snapshot.ledger.get()
      let state = try ledger.proposal(id)
      guard state.status.isUndecided else { throw CosponsorError.notPending(proposal: state.id, status: state.status) }
      guard !state.isProposer(delegation) else { throw CosponsorError.isProposer(delegation: delegation, proposal: state.id) }
      if leaving {
        guard state.isCosponsor(delegation) else {
          throw CosponsorError.notCosponsor(delegation: delegation, proposal: state.id, cosponsors: state.cosponsors)
        }
      } else if state.isCosponsor(delegation) {
        throw CosponsorError.alreadyCosponsor(delegation: delegation, proposal: state.id)
      }
      var made = try newEvent(kind, content: state.id + kind.rawValue + delegation, after: ledger)
      made.proposal = state.id
      made.by = delegation
      event = made
      return try made.file()
    }
    guard let event else { throw RepositoryError.notRecorded(.cosponsorship) }
    return event
  }
}
