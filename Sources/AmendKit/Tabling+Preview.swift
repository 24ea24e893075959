import Foundation

extension Workspace {
  /// What `table(request)` would record, checked exactly as tabling checks it (names, co-sponsors, the
  /// roles, the deadline, the clause, the words, the read-back) against the tip of the branch, with
  /// nothing written: the proposal placed in the current draft, for a preview of its redline. Its id is
  /// empty and its status pending.
  public func previewTabling(_ request: ProposalRequest) throws -> MarshalledProposal {
    guard !request.delegation.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw TablingError.noDelegation
    }
    let delegation = try Names.checked(request.delegation, .delegation)
    let cosponsors = try Self.cosponsors(request.cosponsors, of: delegation)
    let email = try request.email.map { try Names.checkedEmail($0, .delegationEmail) }
    let snapshot = try snapshot()
    let late = try lateness(on: snapshot, tabledAsLate: request.late)
    try requireDelegation(delegation, at: snapshot)
    let current = try snapshot.currentDraft()
    let clause = try Self.target(request.operation, try Self.resolve(request.clause, in: current), in: current)
    let checked = try Self.check(request.operation, on: clause, in: current)
    var record = ProposalRecord(
      id: "", draft: current.number, clause: clause.id.rawValue, operation: checked.operation,
      delegation: delegation, email: Person.named(delegation, email: email).email, cosponsors: cosponsors, tabled: Context.timestamp(context.now()),
      tabledBy: try committer().description, textBefore: checked.textBefore, textProposed: checked.textProposed,
      rationale: request.rationale.trimmingCharacters(in: .whitespacesAndNewlines))
    record.late = late ? true : nil
    if let note = checked.note { warnings.append(note) }
    return try snapshot.marshalled(record, in: current)
  }
}
