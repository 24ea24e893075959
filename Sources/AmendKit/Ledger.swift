import DraftText

/// A proposal and what has happened to it since it was tabled.
public struct ProposalState: Equatable, Sendable {
  /// The proposal as tabled.
  public var record: ProposalRecord
  /// Where it stands now.
  public var status: ProposalStatus
  /// The decision in force (accepted, rejected or deferred), if any.
  public var decision: EventRecord?
  /// The withdrawal, if it was withdrawn.
  public var withdrawal: EventRecord?
  /// The draft that took it in, once applied.
  public var appliedIn: Int?
  /// Opposite decisions taken without knowledge of each other (histories merged): while the chair has
  /// not decided again, the status is `conflict`; afterwards they stay here, for the record.
  public var conflict: [EventRecord] = []
  /// The later decision that settled a conflict.
  public var settledBy: EventRecord?
  /// Its co-sponsors now: those named at tabling, then those who joined, less those who left.
  public var cosponsors: [String]
  /// Every delegation joining or leaving after tabling, in order (`cosponsor-joined`, `cosponsor-left`).
  public var cosponsorships: [EventRecord] = []
  /// Its revisions, in order; `record` carries the latest one's clause, operation and texts.
  public var revisions: [EventRecord] = []
  /// The proposal as tabled, before any revision.
  public var tabled: ProposalRecord
  /// The proposal that took it up after it was withdrawn (`amend take-up`), if one did.
  public var takenUpBy: String?
  /// Its sub-amendments (`amend propose --to`), in the order they were tabled.
  public var subAmendments: [String] = []
  /// The accepted sub-amendments that changed its proposed text (`sub-amended` events), in order;
  /// `record` carries the text they made.
  public var subAmendedBy: [EventRecord] = []
  /// The proposal as its latest revision (or tabling) left it, before the sub-amendments accepted
  /// since; nil when none was.
  public var unamended: ProposalRecord?
  /// For a fallen sub-amendment: its parent's rejection or withdrawal.
  public var fellWith: EventRecord?
  /// For a fallen sub-amendment: its status before it fell, restored if the parent's decision is taken back.
  var statusBeforeFalling: ProposalStatus?
  /// The proposal's record before each `sub-amended` event, by event id, so a sub-amendment's
  /// acceptance taken back restores it.
  var beforeSubAmendment: [String: ProposalRecord] = [:]

  /// The proposal's id.
  public var id: String { record.id }
  /// The proposal's id, typed.
  public var proposalID: ProposalID { ProposalID(record.id) }

  /// A proposal with `status` and nothing yet decided on it.
  public init(record: ProposalRecord, status: ProposalStatus) {
    self.record = record
    self.status = status
    cosponsors = record.cosponsors
    tabled = record
  }

  /// The proposal as `revision` left it: its clause, operation and texts; its id, delegation and
  /// tabling time as they were.
  mutating func revise(_ revision: EventRecord) {
    revisions.append(revision)
    if let draft = revision.draft { record.draft = draft }
    if let clause = revision.clause { record.clause = clause }
    if let operation = revision.operation { record.operation = operation }
    if let textBefore = revision.textBefore { record.textBefore = textBefore }
    record.textProposed = revision.textProposed
    if let rationale = revision.rationale { record.rationale = rationale }
  }

  /// Whether `delegation` is one of its co-sponsors now (names compared without regard to case).
  public func isCosponsor(_ delegation: String) -> Bool {
    cosponsors.contains { $0.caseInsensitiveCompare(delegation) == .orderedSame }
  }

  /// Whether `delegation` tabled it.
  public func isProposer(_ delegation: String) -> Bool {
    record.delegation.caseInsensitiveCompare(delegation) == .orderedSame
  }
}

/// The negotiation's present state: a fold over its immutable records, in the order they were written.
///
/// The fold never drops a record silently. What it cannot read, what names a proposal it does not
/// have, and what merged histories made contradictory are kept in `damaged` and `notices`, so that
/// reading commands can warn and writers that depend on them can refuse.
public struct Ledger: Sendable {
  /// Every readable proposal, by id.
  public internal(set) var proposals: [String: ProposalState] = [:]
  /// Every session, in the order they were opened.
  public private(set) var sessions: [Session] = []
  /// Every readable event, in the order the fold applied them.
  public private(set) var events: [EventRecord]
  /// Record files that could not be read.
  public var problems: [RecordProblem]
  /// Proposal records that could not be read or are missing although events name them, and event
  /// records that could not be read, by path.
  public private(set) var damaged: [String: DamagedRecord] = [:]
  /// Things the fold had to decide that merged histories made ambiguous: sessions open at once, a
  /// draft recorded twice, conflicting decisions. One line each.
  public private(set) var notices: [String] = []
  /// Drafts recorded by more than one draft-produced event that disagree about what was applied.
  public private(set) var disputedDrafts: [Int: [EventRecord]] = [:]
  /// The draft-produced event of each draft number (the first, when merged histories recorded two).
  public private(set) var producedDrafts: [Int: EventRecord] = [:]
  /// Sessions that were already open when each session opened (only ever non-empty after a merge).
  private var openAlongside: [String: Set<String>] = [:]

  /// Where records that do not stand at their layout's path (`ProposalRecord.path(for:)`,
  /// `EventRecord.path(for:)`) were read, by id: those written before the sharded layout.
  public private(set) var recordPaths: [String: String] = [:]

  /// Folds `proposals` and `events` into the negotiation's state; `paths` names, by id, records read
  /// from elsewhere than their layout's path (see `recordPaths`).
  public init(
    proposals records: [ProposalRecord], events: [EventRecord], problems: [RecordProblem],
    paths: [String: String] = [:], restore: (String) -> String? = { _ in nil }
  ) {
    self.recordPaths = paths
    self.events = events.sorted { ($0.seq, $0.time, $0.id) < ($1.seq, $1.time, $1.id) }
    self.problems = problems
    for record in records {
      proposals[record.id] = ProposalState(record: record, status: .pending)
    }
    for record in records {
      if let original = record.takenUpFrom { proposals[original]?.takenUpBy = record.id }
    }
    linkSubAmendments()
    for problem in problems {
      let id = DamagedRecord.proposalID(inPath: problem.path)
      damaged[problem.path] = DamagedRecord(path: problem.path, proposal: id, reason: problem.message, restore: nil)
    }
    for event in self.events { apply(event) }
    for path in damaged.keys { damaged[path]?.restore = restore(path) }
  }

  /// The path event `id`'s record was read from (or, for one not read, where it would stand).
  public func path(ofEvent id: String) -> String { recordPaths[id] ?? EventRecord.path(for: id) }

  /// The path proposal `id`'s record was read from (or, for one not read, where it would stand).
  public func path(ofProposal id: String) -> String { recordPaths[id] ?? ProposalRecord.path(for: id) }

  /// The path of proposal `id`'s unreadable record, in whichever layout it stands.
  private func damagedPath(ofProposal id: String) -> String? {
    ProposalRecord.paths(for: id).first { damaged[$0] != nil }
  }

  private mutating func apply(_ event: EventRecord) {
    switch event.kind {
    case .withdrawn:
      update(event) {
        $0.status = .withdrawn
        $0.withdrawal = event
      }
      settleSubAmendments(of: event.proposal)
    case .accepted, .rejected, .deferred:
      if var state = readable(event.proposal, by: event) {
        decide(&state, event)
        proposals[state.id] = state
      }
      settleSubAmendments(of: event.proposal)
      recordInSession(event)
    case .reopened:
      if var state = readable(event.proposal, by: event) {
        reopen(&state, event)
        proposals[state.id] = state
      }
      takeBackSubAmendment(event)
      recordInSession(event)
    case .reconsidered:
      // A later session takes back whatever stands, a conflict included: the proposal is open again.
      update(event) { state in
        if state.status == .conflict { state.settledBy = event }
        state.status = .pending
        state.decision = nil
      }
      takeBackSubAmendment(event)
      recordInSession(event)
    case .sessionOpened:
      let id = event.session ?? event.id
      let open = sessions.filter(\.isOpen)
      openAlongside[id] = Set(open.map(\.id))
      for other in open {
        notices.append(
          "sessions '\(other.name)' (\(other.date), chair \(other.chair)) and '\(event.sessionName ?? id)' (\(event.date ?? "?"), chair "
            + "\(event.chair ?? "?")) were open at the same time (histories merged): "
            + "decisions go to the later one; close each with 'amend session close'"
        )
      }
      sessions.append(
        Session(
          id: id, name: event.sessionName ?? "", chair: event.chair ?? "",
          date: event.date ?? "", isOpen: true, decisions: []))
    case .proposalRevised:
      update(event) {
        $0.revise(event)
        $0.unamended = nil
      }
    case .subAmended:
      update(event) { $0.subAmend(event) }
    case .deadlineSet:
      break  // Read by Snapshot.deadline, without folding the ledger.
    case .cosponsorJoined, .cosponsorLeft:
      update(event) { state in
        guard let name = event.by else { return }
        state.cosponsorships.append(event)
        if event.kind == .cosponsorJoined {
          if !state.isCosponsor(name) { state.cosponsors.append(name) }
        } else {
          state.cosponsors.removeAll { $0.caseInsensitiveCompare(name) == .orderedSame }
        }
      }
    case .sessionClosed:
      if let index = sessions.lastIndex(where: { $0.id == event.session }) {
        sessions[index].isOpen = false
      }
    case .draftProduced:
      let number = event.draft ?? 0
      if let first = producedDrafts[number] {
        // Merged histories both produced this draft: the first record stands; the other is reported.
        let agree = Set(first.applied ?? []) == Set(event.applied ?? [])
        notices.append(
          "the \(Ordinal.words(number)) draft is recorded twice (\(path(ofEvent: first.id)) and \(path(ofEvent: event.id)))"
            + "\(agree ? ", alike" : ", applying different proposals"); "
            + "the first is kept\(agree ? "" : ": remove the record that does not match the draft with 'git rm'")"
        )
        if !agree { disputedDrafts[number, default: [first]].append(event) }
        return
      }
      producedDrafts[number] = event
      for id in event.applied ?? [] {
        update(id, by: event) {
          $0.status = .applied
          $0.appliedIn = event.draft
        }
      }
    }
  }

  /// A decision on a proposal: in force, or in conflict with the one already in force when the two
  /// could not have been taken one after the other in a single history.
  private func decide(_ state: inout ProposalState, _ event: EventRecord) {
    if state.status == .conflict {
      let sessions = Set(state.conflict.compactMap(\.session))
      if let session = event.session, !sessions.contains(session) {
        // A later session decided again: that settles it.
        state.settledBy = event
        state.decision = event
        state.status = ProposalStatus(rawValue: event.kind.rawValue) ?? .pending
      } else {
        state.conflict.append(event)
      }
      return
    }
    if let previous = state.decision, isContradiction(previous, event) {
      state.conflict = [previous, event]
      state.decision = nil
      state.status = .conflict
      return
    }
    if let previous = state.decision, Self.agree(previous, event) { return }
    state.status = ProposalStatus(rawValue: event.kind.rawValue) ?? .pending
    state.decision = event
  }

  /// Whether `event` contradicts `previous`, the decision in force: a single history cannot decide
  /// again on an accepted or rejected proposal without taking the decision back first, nor decide
  /// a deferred one in a session that was open at the same time as the deferral's.
  private func isContradiction(_ previous: EventRecord, _ event: EventRecord) -> Bool {
    guard !Self.agree(previous, event) else { return false }
    if previous.kind != .deferred { return true }
    guard let one = previous.session, let other = event.session, one != other else { return false }
    return openAlongside[one, default: []].contains(other) || openAlongside[other, default: []].contains(one)
  }

  static func agree(_ one: EventRecord, _ other: EventRecord) -> Bool {
    one.kind == other.kind && one.asRevised == other.asRevised
  }

  /// A decision taken back: in a conflict, only the decision of the reopening session goes.
  private func reopen(_ state: inout ProposalState, _ event: EventRecord) {
    guard state.status == .conflict else {
      state.status = .pending
      state.decision = nil
      return
    }
    let left = state.conflict.filter { $0.session != event.session }
    if left.count == state.conflict.count || left.count > 1 { return }
    state.settledBy = event
    state.decision = left.first
    state.status = left.first.flatMap { ProposalStatus(rawValue: $0.kind.rawValue) } ?? .pending
  }

  private mutating func update(_ event: EventRecord, _ change: (inout ProposalState) -> Void) {
    update(event.proposal, by: event, change)
  }

  /// Applies `change` to the proposal `id`.
  private mutating func update(_ id: String?, by event: EventRecord, _ change: (inout ProposalState) -> Void) {
    guard var state = readable(id, by: event) else { return }
    change(&state)
    proposals[state.id] = state
  }

  /// The proposal `id` names, if its record was read. An event naming a proposal whose record is
  /// unreadable or missing still moves that proposal's status, so writers know whether they need it.
  private mutating func readable(_ id: String?, by event: EventRecord) -> ProposalState? {
    guard let id else { return nil }
    guard let state = proposals[id] else {
      let path = damagedPath(ofProposal: id) ?? ProposalRecord.path(for: id)
      var damage =
        damaged[path]
        ?? DamagedRecord(
          path: path, proposal: id,
          reason: "missing, although \(self.path(ofEvent: event.id)) names it", restore: nil,
          namedBy: self.path(ofEvent: event.id))
      damage.status = DamagedRecord.status(after: event, from: damage.status)
      damaged[path] = damage
      return nil
    }
    return state
  }

  private mutating func recordInSession(_ event: EventRecord) {
    if let index = sessions.lastIndex(where: { $0.id == event.session }) {
      sessions[index].decisions.append(event)
    }
  }

  /// The session now open, if any: the last opened, should merged histories have left two open.
  public var openSession: Session? { sessions.last(where: \.isOpen) }

  /// The number the next event gets.
  public var nextSeq: Int { (events.last?.seq ?? 0) + 1 }  // events are in seq order

  /// Proposals in the order they were tabled.
  public var byTablingOrder: [ProposalState] {
    Self.inTablingOrder(Array(proposals.values))
  }

  /// `states` in tabling order: time tabled, then id. The keys are sorted, not the states, which are
  /// large: moving them for every comparison was a third of `proposals` at 4,000 proposals.
  static func inTablingOrder(_ states: [ProposalState]) -> [ProposalState] {
    states.indices.map { (states[$0].record.tabled, states[$0].id, $0) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { states[$0.2] }
  }

  /// Proposals whose decisions conflict and that the chair has not decided again.
  public var conflicts: [ProposalState] {
    Self.inTablingOrder(proposals.values.filter { $0.status == .conflict })
  }

  /// One line for each thing a reading command should warn about: damaged records (with how to
  /// restore them), conflicts, and what merged histories left ambiguous.
  public var warnings: [String] {
    let damage = damaged.values.sorted { $0.path < $1.path }.map { $0.warning }
    let conflicting = conflicts.map { "\($0.id) is in conflict: \(DecisionWords.conflict($0.conflict)); the chair must decide it again" }
    return damage + notices + conflicting
  }

  /// The damaged records a writer needs: proposal records whose status passes `include` (judged
  /// from the events), and every unreadable event, since any of them may change a status.
  public func damage(neededBy include: (ProposalStatus) -> Bool) -> [DamagedRecord] {
    damaged.values.filter { damage in
      guard damage.proposal != nil else { return true }
      return include(damage.status)
    }.sorted { $0.path < $1.path }
  }

  /// Refuses, naming the first damaged record a writer listing `include` needs and how to restore it.
  public func requireReadable(_ include: (ProposalStatus) -> Bool) throws {
    if let first = damage(neededBy: include).first { throw RecordError.damaged(first) }
  }

  /// The proposal whose id is `id`, or starts with it (at least four characters), or a clear error.
  public func proposal(_ id: ProposalID) throws -> ProposalState {
    let wanted = id.rawValue.lowercased()
    if let exact = proposals[wanted] { return exact }
    let readable = wanted.count >= 4 ? proposals.keys.filter { $0.hasPrefix(wanted) } : []
    let unreadable =
      wanted.count >= 4 ? damaged.values.compactMap(\.proposal).filter { $0.hasPrefix(wanted) && proposals[$0] == nil } : []
    let matches = readable + unreadable
    if matches.count == 1, let only = matches.first, let state = proposals[only] { return state }
    if matches.count == 1, let only = matches.first, let path = damagedPath(ofProposal: only), let damage = damaged[path] {
      throw RecordError.damaged(damage)
    }
    if matches.count > 1 {
      throw LookupError.ambiguousProposal(id.rawValue, matches: matches.sorted())
    }
    throw LookupError.unknownProposal(id.rawValue)
  }
}

extension Ledger {
  /// Adds `proposals` and `events`, exactly as folding the whole record with them would; false (the
  /// ledger then unusable) when that cannot be done one record at a time: a proposal that links to
  /// another (a sub-amendment, a take-up) or is there already, an event that does not come after every
  /// event already folded, or damaged records the new ones might concern. Used by a sitting
  /// (`Workspace.inOneSitting`).
  mutating func add(proposals added: [ProposalRecord], events newEvents: [EventRecord]) -> Bool {
    guard damaged.isEmpty, problems.isEmpty else { return false }
    for record in added {
      guard record.to == nil, record.takenUpFrom == nil, proposals[record.id] == nil else { return false }
      proposals[record.id] = ProposalState(record: record, status: .pending)
    }
    for event in newEvents.sorted(by: { ($0.seq, $0.time, $0.id) < ($1.seq, $1.time, $1.id) }) {
      if let last = events.last, !((last.seq, last.time, last.id) < (event.seq, event.time, event.id)) { return false }
      events.append(event)
      apply(event)
    }
    return true
  }
}
