import DraftText
import Foundation

extension Workspace {
  /// Replaces the wording of the pending proposal `id`: by its proposer, or by a co-sponsor on its
  /// behalf. The proposal keeps its id, sponsors and place on the list; the revision is its own event
  /// record, checked against the current draft exactly as tabling checks a proposal. `clause` names
  /// the clause when the one it stood on is gone (default: where it stands now).
  public func revise(
    _ id: ProposalID, by delegation: String, operation: ProposalOperation, clause: String? = nil, rationale: String? = nil
  ) throws -> EventRecord {
    guard !delegation.trimmingCharacters(in: .whitespaces).isEmpty else { throw RevisionError.noDelegation }
    let delegation = try Names.checked(delegation, .delegation)
    var event: EventRecord?
    var markerNote: String?
    try commit(
      author: Person.named(delegation, email: nil),
      message: { _ in
        let proposal = event?.proposal ?? id.rawValue
        let on = event?.clause.map { " on \(ClauseID(rawValue: $0).display)" } ?? ""
        return "Revise \(proposal): \(CommitText.line(delegation))\(on)\n\nAmend-Event: proposal-revised\nAmend-Proposal: \(proposal)"
      }
    ) { snapshot in
      try requireDelegation(delegation, at: snapshot)
      let ledger = try snapshot.ledger.get()
      let state = try ledger.proposal(id)
      guard state.status.isUndecided else { throw RevisionError.notPending(proposal: state.id, status: state.status) }
      if state.record.isThroughout { throw GlobalAmendmentError.cannotRevise(proposal: state.id) }
      if let parent = state.record.to { throw SubAmendmentError.notForSubAmendments(command: "revised", proposal: state.id, parent: parent) }
      guard state.isProposer(delegation) || state.isCosponsor(delegation) else {
        throw RevisionError.cannotRevise(
          delegation: delegation, proposal: state.id, proposer: state.record.delegation, cosponsors: state.cosponsors)
      }
      let current = try snapshot.currentDraft()
      var target: Clause
      if let clause {
        target = try Self.resolve(clause, in: current)
      } else if let standing = try snapshot.placement(of: state.record, in: current).clause {
        target = standing
      } else {
        throw RevisionError.clauseGone(proposal: state.id)
      }
      // An article operation stands on the article's heading; no other operation does.
      target = try Self.target(operation, target, in: current)
      let checked = try Self.check(operation, on: target, in: current)
      let revised = OperationRecord(checked.operation)
      let newRationale = rationale?.trimmingCharacters(in: .whitespacesAndNewlines)
      guard
        revised != state.record.operation || target.id.rawValue != state.record.clause || current.number != state.record.draft
          || (newRationale != nil && newRationale != state.record.rationale)
      else { throw RevisionError.unchanged(proposal: state.id) }
      markerNote = checked.note
      var made = try newEvent(.proposalRevised, content: state.id + "revised" + revised.kind + (checked.textProposed ?? ""), after: ledger)
      made.proposal = state.id
      made.by = delegation
      made.onBehalfOf = state.isProposer(delegation) ? nil : state.record.delegation
      made.draft = current.number
      made.clause = target.id.rawValue
      made.operation = revised
      made.textBefore = checked.textBefore
      made.textProposed = checked.textProposed
      made.rationale = newRationale
      event = made
      return try made.file()
    }
    guard let event else { throw RepositoryError.notRecorded(.revision) }
    if let markerNote { warnings.append(markerNote) }
    return event
  }
}
