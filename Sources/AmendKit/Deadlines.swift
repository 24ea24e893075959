import Foundation

extension Workspace {
  /// Sets the deadline for tabling (`nil` lifts it): an event record made by the person at the keyboard,
  /// the secretariat.
  public func setDeadline(_ deadline: Deadline?) throws -> EventRecord {
    let person = try committer()
    var event: EventRecord?
    try commit(
      author: person,
      message: { _ in
        (deadline.map { "Set the deadline for amendments: \($0.recorded)" } ?? "Lift the deadline for amendments")
          + "\n\nAmend-Event: deadline-set"
      }
    ) { snapshot in
      try requireSecretariat(person, at: snapshot)
      let ledger = try snapshot.ledger.get()
      var made = try newEvent(.deadlineSet, content: "deadline\n\(deadline?.recorded ?? "none")", after: ledger)
      made.id = EventRecord.deadlinePrefix + made.id
      made.by = person.name
      made.deadline = deadline?.recorded
      event = made
      return try made.file()
    }
    guard let event else { throw RepositoryError.notRecorded(.deadline) }
    return event
  }

  /// Whether a proposal tabled now, on `snapshot`, is late; refuses it when late and not asked `late`.
  func lateness(on snapshot: Snapshot, tabledAsLate late: Bool) throws -> Bool {
    guard let deadline = try snapshot.deadline(), context.now() > deadline.moment else { return false }
    guard late else { throw DeadlineError.passed(deadline: deadline.recorded) }
    return true
  }
}
