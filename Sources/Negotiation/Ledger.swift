/// A proposal and what has happened to it since it was tabled.
public struct ProposalState: Equatable, Sendable {
  public var record: ProposalRecord
  public var status: ProposalStatus
  /// The decision in force (accepted, rejected or deferred), if any.
  public var decision: EventRecord?
  public var withdrawal: EventRecord?
  /// The draft that took it in, once applied.
  public var appliedIn: Int?

  public var id: String { record.id }
}

/// The negotiation's present state: a fold over its immutable records, in the order they were written.
public struct Ledger: Sendable {
  public private(set) var proposals: [String: ProposalState] = [:]
  public private(set) var sessions: [Session] = []
  public private(set) var events: [EventRecord]
  public var problems: [RecordProblem]

  public init(proposals records: [ProposalRecord], events: [EventRecord], problems: [RecordProblem]) {
    self.events = events.sorted { ($0.seq, $0.time, $0.id) < ($1.seq, $1.time, $1.id) }
    self.problems = problems
    for record in records {
      proposals[record.id] = ProposalState(record: record, status: .pending)
    }
    for event in self.events { apply(event) }
  }

  private mutating func apply(_ event: EventRecord) {
    switch event.kind {
    case .withdrawn:
      update(event.proposal) {
        $0.status = .withdrawn
        $0.withdrawal = event
      }
    case .accepted, .rejected, .deferred:
      update(event.proposal) {
        $0.status = ProposalStatus(rawValue: event.kind.rawValue) ?? .pending
        $0.decision = event
      }
      recordInSession(event)
    case .reopened, .reconsidered:
      update(event.proposal) {
        $0.status = .pending
        $0.decision = nil
      }
      recordInSession(event)
    case .sessionOpened:
      sessions.append(
        Session(
          id: event.session ?? event.id, name: event.sessionName ?? "", chair: event.chair ?? "",
          date: event.date ?? "", isOpen: true, decisions: []))
    case .sessionClosed:
      if let index = sessions.lastIndex(where: { $0.id == event.session }) {
        sessions[index].isOpen = false
      }
    case .draftProduced:
      for id in event.applied ?? [] {
        update(id) {
          $0.status = .applied
          $0.appliedIn = event.draft
        }
      }
    }
  }

  private mutating func update(_ id: String?, _ change: (inout ProposalState) -> Void) {
    guard let id, var state = proposals[id] else { return }
    change(&state)
    proposals[id] = state
  }

  private mutating func recordInSession(_ event: EventRecord) {
    if let index = sessions.lastIndex(where: { $0.id == event.session }) {
      sessions[index].decisions.append(event)
    }
  }

  /// The session now open, if any: there is at most one.
  public var openSession: Session? { sessions.last(where: \.isOpen) }

  /// The number the next event gets.
  public var nextSeq: Int { (events.map(\.seq).max() ?? 0) + 1 }

  /// Proposals in the order they were tabled.
  public var byTablingOrder: [ProposalState] {
    proposals.values.sorted { ($0.record.tabled, $0.id) < ($1.record.tabled, $1.id) }
  }

  /// The proposal whose id is `id`, or starts with it (at least four characters), or a clear error.
  public func proposal(_ id: String) throws -> ProposalState {
    let wanted = id.lowercased()
    if let exact = proposals[wanted] { return exact }
    let matches = wanted.count >= 4 ? proposals.keys.filter { $0.hasPrefix(wanted) } : []
    if matches.count == 1, let only = matches.first, let state = proposals[only] { return state }
    if matches.count > 1 {
      throw AmendError("proposal id '\(id)' is ambiguous: \(matches.sorted().joined(separator: ", ")); type more of it")
    }
    throw AmendError("no proposal '\(id)': 'amend proposals' lists them")
  }
}
