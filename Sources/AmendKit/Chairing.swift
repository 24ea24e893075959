import DraftText
import Foundation
import Wording

extension Workspace {
  /// Opens a session; there can be only one open at a time.
  public func openSession(name: String, chair: String, date: CalendarDate?) throws -> Session {
    guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw DecisionError.sessionNeedsName
    }
    guard !chair.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw DecisionError.sessionNeedsChair
    }
    let name = try Names.checked(name, .sessionName)
    let chair = try Names.checked(chair, .chair)
    let day = date ?? CalendarDate(context.now(), in: context.timeZone)
    var event: EventRecord?
    try commit(
      author: Person.named(chair),
      message: { _ in
        "Open session \(CommitText.line(name)) (\(day)), chaired by \(CommitText.line(chair))\n\n"
          + "Amend-Event: session-opened\nAmend-Session: \(event?.session ?? "")"
      }
    ) { snapshot in
      try requireChairOrSecretariat(.openSession, at: snapshot)
      try requireChair(chair, at: snapshot)
      _ = try snapshot.currentDraft()
      let ledger = try snapshot.ledger.get()
      if let open = ledger.openSession {
        throw DecisionError.sessionStillOpen(name: open.name)
      }
      var made = try newEvent(.sessionOpened, content: "session\n\(name)\n\(day)", after: ledger)
      made.session = "\(day)-\(Self.slug(name))"
      if ledger.sessions.contains(where: { $0.id == made.session }) {
        made.session = "\(day)-\(Self.slug(name))-\(ledger.sessions.count + 1)"
      }
      made.sessionName = name
      made.chair = chair
      made.date = day.description
      made.by = chair
      event = made
      return try made.file()
    }
    return Session(
      id: event?.session ?? "", name: name, chair: chair, date: day.description, isOpen: true, decisions: [])
  }

  /// Closes the open session and returns it with its decisions, for the minutes.
  public func closeSession() throws -> Session {
    var closed: Session?
    try commit(
      authoredBy: Self.chairOfOpenSession,
      message: { _ in "Close session \(CommitText.line(closed?.name ?? ""))\n\nAmend-Event: session-closed\nAmend-Session: \(closed?.id ?? "")" }
    ) { snapshot in
      try requireChairOrSecretariat(.closeSession, at: snapshot)
      let ledger = try snapshot.ledger.get()
      guard var open = ledger.openSession else {
        throw DecisionError.noSessionToClose
      }
      var made = try newEvent(.sessionClosed, content: "close\n\(open.id)", after: ledger)
      made.session = open.id
      made.by = open.chair
      open.isOpen = false
      closed = open
      return try made.file()
    }
    guard let closed else { throw RepositoryError.notRecorded(.sessionClosing) }
    return closed
  }

  /// Takes a decision on a proposal in the open session, committed with the chair as author.
  public func decide(
    _ decision: ChairAction, on id: ProposalID, asRevised: String? = nil, note: String? = nil
  ) throws -> EventRecord {
    var event: EventRecord?
    var markerNote: String?
    try commit(
      authoredBy: Self.chairOfOpenSession,
      message: { _ in Self.decisionMessage(event) }
    ) { snapshot in
      try requireChairOrSecretariat(.decide, at: snapshot)
      let ledger = try snapshot.ledger.get()
      guard let session = ledger.openSession else {
        throw DecisionError.noOpenSession
      }
      let state = try ledger.proposal(id)
      var revised = asRevised?.trimmingCharacters(in: .whitespacesAndNewlines)
      if let text = revised, decision == .accept,
        let clause = try snapshot.placement(of: state.record, in: snapshot.currentDraft()).clause
      {
        (revised, markerNote) = ClauseText.withoutOwnMarker(text, like: clause, what: "the revised text")
      }
      try checkDecision(decision, on: state, in: session, asRevised: revised, snapshot: snapshot, ledger: ledger)
      var made = try newEvent(decision.kind, content: "\(decision.rawValue)\n\(state.id)\n\(session.id)", after: ledger)
      made.proposal = state.id
      made.session = session.id
      made.chair = session.chair
      made.by = session.chair
      made.date = session.date
      made.asRevised = revised
      made.note = note
      event = made
      var files = try made.file()
      if decision == .accept, let adoption = try subAmendmentAdoption(of: state, accepted: made, snapshot: snapshot, ledger: ledger) {
        files.merge(try adoption.file()) { one, _ in one }
      }
      return files
    }
    guard let event else { throw RepositoryError.notRecorded(.decision) }
    if let markerNote { warnings.append(markerNote) }
    return event
  }

  /// A session's records are written by its chair.
  static func chairOfOpenSession(_ snapshot: Snapshot) throws -> Person {
    Person.named(try snapshot.ledger.get().openSession?.chair ?? "Chair")
  }

  static func decisionMessage(_ event: EventRecord?) -> String {
    guard let event, let proposal = event.proposal else { return "Record a decision" }
    let verb =
      switch event.kind {
      case .accepted: event.asRevised == nil ? "Accept" : "Accept as orally revised"
      case .rejected: "Reject"
      case .deferred: "Defer"
      case .reconsidered: "Reconsider"
      default: "Reopen"
      }
    return """
      \(verb) \(proposal) in session \(event.session ?? "")

      Amend-Event: \(event.kind.rawValue)
      Amend-Proposal: \(proposal)
      Amend-Session: \(event.session ?? "")
      """
  }

  func checkDecision(
    _ decision: ChairAction, on state: ProposalState, in session: Session, asRevised: String?, snapshot: Snapshot,
    ledger: Ledger
  ) throws {
    let id = state.id
    let thisSession = state.decision?.session == session.id
    try checkSubAmendmentDecision(decision, on: state, ledger: ledger)
    switch (decision, state.status) {
    case (_, .withdrawn):
      throw DecisionError.withdrawn(proposal: id, by: state.withdrawal?.by ?? state.record.delegation)
    case (_, .applied):
      throw DecisionError.applied(proposal: id, inDraft: state.appliedIn ?? 0)
    case (.reopen, .pending), (.reconsider, .pending):
      throw DecisionError.nothingToTakeBack(proposal: id)
    case (.reopen, _):
      guard thisSession else {
        throw DecisionError.decidedInEarlierSession(proposal: id, session: state.decision?.session ?? "?")
      }
      return
    case (.reconsider, _):
      guard !thisSession else {
        throw DecisionError.decidedInThisSession(proposal: id)
      }
      return
    case (_, .accepted), (_, .rejected):
      throw DecisionError.alreadyDecided(
        proposal: id, status: state.status, session: state.decision?.session ?? "?", takeBack: Self.takeBack(state, in: session))
    case (.deferral, .deferred):
      throw DecisionError.alreadyDeferred(proposal: id)
    default:
      break
    }
    if let asRevised {
      guard decision == .accept else { throw DecisionError.revisionWithoutAccept }
      guard !asRevised.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw DecisionError.emptyRevision
      }
    }
    guard decision == .accept, !state.isSubAmendment else { return }
    try checkAcceptance(state, asRevised: asRevised, snapshot: snapshot, ledger: ledger)
  }

  /// How `state`'s decision is taken back from `session`: reopen for this session's own, reconsider for
  /// an earlier one's.
  static func takeBack(_ state: ProposalState, in session: Session?) -> TakeBack {
    state.decision?.session == session?.id && session != nil ? .reopen : .reconsider
  }

  /// Refuses an acceptance that cannot stand with what is already accepted in this round: it is
  /// tried with the others exactly as `next` will apply them.
  func checkAcceptance(_ state: ProposalState, asRevised: String?, snapshot: Snapshot, ledger: Ledger) throws {
    let version = try snapshot.currentDraft()
    let draft = version.draft
    let operation = try state.record.operation.decoded()
    let placement = try snapshot.placement(of: state.record, in: version)
    let item = MarshalledProposal(state: state, operation: operation, placement: placement, distance: 0)
    try Self.refuseOralRevision(of: state, operation: operation, asRevised: asRevised)
    let candidate: AcceptedChange
    do {
      candidate = try AcceptedChange(item, revision: .some(asRevised), in: draft)
    } catch let error as AcceptedChange.CannotApply {
      throw DecisionError.cannotAcceptAsTabled(proposal: state.id, problem: error.problem, revisable: error.revisable)
    }
    // A global amendment has no single clause: only the dry run below applies to it.
    let clause = placement.clause
    let session = ledger.openSession
    var others: [AcceptedChange] = []
    for other in try AcceptedChange.accepted(in: snapshot, version) {
      do {
        others.append(try AcceptedChange(other, in: draft))
      } catch {
        throw DecisionError.acceptedNoLongerApplies(
          accepted: other.id, delegation: other.record.delegation, problem: try Self.problem(error),
          takeBack: Self.takeBack(other.state, in: session))
      }
    }
    // A clause goes with the paragraph it stands under: nothing may change what an accepted
    // deletion takes away, and nothing may be deleted from under an accepted change — unless an
    // accepted move (or this one) takes the clause out first, as next applies moves before deletions.
    let moving = Set((others + [candidate]).compactMap(\.movedClause))
    for other in others {
      guard let clause, let otherClause = other.item.placement.clause else { continue }
      let name = clause.id
      let back = Self.takeBack(other.item.state, in: session)
      if other.isDeletion,
        Self.stands(clause.key, under: otherClause.key, in: draft, orIs: !candidate.isInsertion, unlessMoved: moving)
      {
        throw DecisionError.deletedByAccepted(
          proposal: state.id, clause: name, deleted: otherClause.key == clause.key ? nil : otherClause.id,
          deletion: other.id, delegation: other.delegation, takeBack: back)
      }
      if candidate.isDeletion,
        Self.stands(otherClause.key, under: clause.key, in: draft, orIs: !other.isInsertion, unlessMoved: moving)
      {
        throw DecisionError.acceptedChangeInside(
          clause: name, change: other.id, delegation: other.delegation, takeBack: back)
      }
      if case .move = candidate.list, case .move = other.list, otherClause.key == clause.key {
        throw DecisionError.alreadyMoving(clause: name, move: other.id, takeBack: back)
      }
    }
    do {
      _ = try AcceptedChange.apply(others + [candidate], to: draft, memory: (memory.trial, version.text))
    } catch let failure as ApplyFailure {
      if let conflict = failure.conflict, failure.change.id == state.id, let clause {
        let wording = others.filter { $0.reworded?.key == clause.key && $0.wording != nil }
        let proposed = candidate.tabled ?? clause.text
        let culprit =
          wording.first { other in
            (try? WordMerge.merge(base: clause.text, ours: other.wording ?? clause.text, theirs: proposed)) == nil
          } ?? wording.last
        throw DecisionError.collides(
          proposal: state.id, delegation: state.record.delegation, with: culprit?.id,
          withDelegation: culprit?.delegation, words: conflict.words, clause: clause.id)
      }
      throw DecisionError.cannotStand(
        proposal: state.id, delegation: state.record.delegation, failing: failure.change.id, problem: failure.problem)
    }
  }

  /// Why an accepted proposal cannot be built against the current draft, from what `AcceptedChange`
  /// threw; anything else is thrown on as it is.
  static func problem(_ error: any Error) throws -> ApplyProblem {
    if let cannot = error as? AcceptedChange.CannotApply { return cannot.problem }
    if let text = error as? ClauseTextError { return .text(text) }
    throw error
  }

  /// Whether clause `key` is `ancestor` (when `orIs`) or stands under it, and is not taken out from
  /// under it by a move of itself or of a clause between them (`unlessMoved`).
  static func stands(
    _ key: ClauseKey, under ancestor: ClauseKey, in draft: Draft, orIs: Bool, unlessMoved moved: Set<ClauseKey> = []
  ) -> Bool {
    if key == ancestor { return orIs }
    if moved.contains(key) { return false }
    var parent = draft.clause(key: key)?.parentKey
    while let current = parent {
      if current == ancestor { return true }
      if moved.contains(current) { return false }
      parent = draft.clause(key: current)?.parentKey
    }
    return false
  }

  static func slug(_ text: String) -> String {
    text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
      .split(separator: "-").joined(separator: "-")
  }
}
