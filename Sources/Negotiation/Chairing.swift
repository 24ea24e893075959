import DraftText
import Foundation

/// A decision the chair takes on a proposal.
public enum Decision: String, Sendable {
  case accept, reject, deferral, reopen

  var kind: EventRecord.Kind {
    switch self {
    case .accept: .accepted
    case .reject: .rejected
    case .deferral: .deferred
    case .reopen: .reopened
    }
  }
}

extension Workspace {
  /// Opens a session; there can be only one open at a time.
  public func openSession(name: String, chair: String, date: String?) throws -> Session {
    let name = name.trimmingCharacters(in: .whitespaces)
    let chair = chair.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw AmendError("the session needs a name: amend session open NAME --chair NAME") }
    guard !chair.isEmpty else { throw AmendError("the session needs a chair: add --chair NAME") }
    let day = try date.map(CalendarDate.parse) ?? CalendarDate(context.now(), in: context.timeZone)
    var event: EventRecord?
    try commit(
      author: Person.named(chair),
      message: { _ in "Open session \(name) (\(day)), chaired by \(chair)\n\nAmend-Event: session-opened\nAmend-Session: \(event?.session ?? "")" }
    ) { snapshot in
      _ = try snapshot.currentDraft()
      let ledger = try snapshot.ledger.get()
      if let open = ledger.openSession {
        throw AmendError("session '\(open.name)' is still open: close it with 'amend session close' first")
      }
      var made = EventRecord(
        id: try newID("session\n\(name)\n\(day)", length: 12, attempt: ledger.nextSeq), seq: ledger.nextSeq,
        kind: .sessionOpened, time: Context.timestamp(context.now()))
      made.session = "\(day)-\(Self.slug(name))"
      if ledger.sessions.contains(where: { $0.id == made.session }) {
        made.session = "\(day)-\(Self.slug(name))-\(ledger.sessions.count + 1)"
      }
      made.sessionName = name
      made.chair = chair
      made.date = day.description
      made.by = chair
      event = made
      return [EventRecord.path(for: made.id): Data(try RecordCoding.encode(made).utf8)]
    }
    return Session(
      id: event?.session ?? "", name: name, chair: chair, date: day.description, isOpen: true, decisions: [])
  }

  /// Closes the open session and returns it with its decisions, for the minutes.
  public func closeSession() throws -> Session {
    var closed: Session?
    try commit(
      authoredBy: Self.chairOfOpenSession,
      message: { _ in "Close session \(closed?.name ?? "")\n\nAmend-Event: session-closed\nAmend-Session: \(closed?.id ?? "")" }
    ) { snapshot in
      let ledger = try snapshot.ledger.get()
      guard var open = ledger.openSession else {
        throw AmendError("no session is open: 'amend session' shows the sessions held")
      }
      var made = EventRecord(
        id: try newID("close\n\(open.id)", length: 12, attempt: ledger.nextSeq), seq: ledger.nextSeq,
        kind: .sessionClosed, time: Context.timestamp(context.now()))
      made.session = open.id
      made.by = open.chair
      open.isOpen = false
      closed = open
      return [EventRecord.path(for: made.id): Data(try RecordCoding.encode(made).utf8)]
    }
    guard let closed else { throw AmendError("the session was not closed") }
    return closed
  }

  /// Takes a decision on a proposal in the open session, committed with the chair as author.
  public func decide(
    _ decision: Decision, on id: String, asRevised: String? = nil, note: String? = nil
  ) throws -> EventRecord {
    var event: EventRecord?
    try commit(
      authoredBy: Self.chairOfOpenSession,
      message: { _ in Self.decisionMessage(event) }
    ) { snapshot in
      let ledger = try snapshot.ledger.get()
      guard let session = ledger.openSession else {
        throw AmendError("no session is open: decisions are taken in a session ('amend session open NAME --chair NAME')")
      }
      let state = try ledger.proposal(id)
      try checkDecision(decision, on: state, in: session, asRevised: asRevised, snapshot: snapshot, ledger: ledger)
      var made = EventRecord(
        id: try newID("\(decision.rawValue)\n\(state.id)\n\(session.id)", length: 12, attempt: ledger.nextSeq),
        seq: ledger.nextSeq, kind: decision.kind, time: Context.timestamp(context.now()))
      made.proposal = state.id
      made.session = session.id
      made.chair = session.chair
      made.by = session.chair
      made.date = session.date
      made.asRevised = asRevised?.trimmingCharacters(in: .whitespacesAndNewlines)
      made.note = note
      event = made
      return [EventRecord.path(for: made.id): Data(try RecordCoding.encode(made).utf8)]
    }
    guard let event else { throw AmendError("the decision was not recorded") }
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
    _ decision: Decision, on state: ProposalState, in session: Session, asRevised: String?, snapshot: Snapshot,
    ledger: Ledger
  ) throws {
    let id = state.id
    switch (decision, state.status) {
    case (_, .withdrawn):
      throw AmendError("\(id) was withdrawn by \(state.withdrawal?.by ?? state.record.delegation): there is nothing to decide")
    case (_, .applied):
      throw AmendError("\(id) was applied in the \(Ordinal.words(state.appliedIn ?? 0)) draft: it can no longer change")
    case (.reopen, .pending):
      throw AmendError("\(id) has no decision to take back")
    case (.reopen, _):
      guard state.decision?.session == session.id else {
        throw AmendError("\(id) was decided in session \(state.decision?.session ?? "?"): only this session's decisions can be reopened")
      }
      return
    case (_, .accepted), (_, .rejected):
      throw AmendError(
        "\(id) is already \(state.status.rawValue) in session \(state.decision?.session ?? "?"): 'amend reopen \(id)' takes the decision back")
    case (.deferral, .deferred):
      throw AmendError("\(id) is already deferred")
    default:
      break
    }
    if let asRevised {
      guard decision == .accept else { throw AmendError("--as-revised goes with accept only") }
      guard !asRevised.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw AmendError("the revised text is empty: give the clause's whole text as the chair read it out")
      }
    }
    guard decision == .accept else { return }
    try checkAcceptance(state, asRevised: asRevised, snapshot: snapshot, ledger: ledger)
  }

  /// Refuses an acceptance that cannot stand with what is already accepted in this round.
  func checkAcceptance(_ state: ProposalState, asRevised: String?, snapshot: Snapshot, ledger: Ledger) throws {
    let version = try snapshot.currentDraft()
    let placement = try snapshot.placement(of: state.record, in: version)
    let operation = try state.record.operation.operation()
    if let reason = placement.needsRevision, asRevised == nil || placement.clause == nil {
      throw AmendError("\(state.id) cannot be accepted as tabled: \(reason); accept it with --as-revised TEXT or reject it")
    }
    guard let clause = placement.clause else { return }
    let name = clause.id.display
    let draft = version.draft
    let acceptedAll = try snapshot.marshalledList(version) { $0 == .accepted }
      .sorted { ($0.state.decision?.seq ?? 0) < ($1.state.decision?.seq ?? 0) }
    // A clause goes with the paragraph it stands under: nothing may change what an accepted
    // deletion takes away, and nothing may be deleted from under an accepted change.
    for other in acceptedAll {
      guard let otherClause = other.placement.clause else { continue }
      if case .deleteClause = other.operation,
        Self.stands(clause.key, under: otherClause.key, in: draft, orIs: !operation.isNewClause)
      {
        let what = otherClause.key == clause.key ? name : "\(otherClause.id.display), which \(name) stands under,"
        throw AmendError(
          "\(what) is already accepted for deletion (\(other.id), \(other.record.delegation)): \(state.id) cannot stand with it; reopen \(other.id) first, or reject \(state.id)")
      }
      if case .deleteClause = operation,
        Self.stands(otherClause.key, under: clause.key, in: draft, orIs: !other.operation.isNewClause)
      {
        throw AmendError(
          "\(name) has an accepted change in it (\(other.id), \(other.record.delegation)): reopen \(other.id) before accepting the deletion")
      }
      if case .moveClause = operation, case .moveClause = other.operation, otherClause.key == clause.key {
        throw AmendError("\(name) is already accepted to move (\(other.id)): reopen it first")
      }
    }
    let changesText = operation.changesWording || (asRevised != nil && !operation.isNewClause)
    guard changesText, asRevised == nil, let proposed = placement.proposedText else { return }
    let wording = acceptedAll.filter { $0.placement.clause?.key == clause.key && $0.changesWording }
    var combined = clause.text
    do {
      for other in wording {
        guard let text = other.wanted else { continue }
        combined = try AcceptedWording.adding(text, asRevised: other.asRevised != nil, to: combined, base: clause.text)
      }
      _ = try AcceptedWording.adding(proposed, asRevised: false, to: combined, base: clause.text)
    } catch {
      let culprit = wording.first { other in
        (try? WordMerge.merge(base: clause.text, ours: other.wanted ?? clause.text, theirs: proposed)) == nil
      } ?? wording.last
      let with = culprit.map { "\($0.id) (\($0.record.delegation))" } ?? "what is already accepted"
      throw AmendError(
        "\(state.id) (\(state.record.delegation)) collides with \(with), already accepted: both change '\(error.words)' in \(name); accept \(state.id) with --as-revised TEXT giving the merged wording")
    }
  }

  /// Whether `key` is `ancestor` (when `orIs`) or stands somewhere under it.
  static func stands(_ key: ClauseKey, under ancestor: ClauseKey, in draft: Draft, orIs: Bool) -> Bool {
    if key == ancestor { return orIs }
    var parent = draft.clause(key: key)?.parentKey
    while let current = parent {
      if current == ancestor { return true }
      parent = draft.clause(key: current)?.parentKey
    }
    return false
  }

  static func slug(_ text: String) -> String {
    text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
      .split(separator: "-").joined(separator: "-")
  }
}
