import AmendKit
import DraftText
import Foundation

/// Builds a whole negotiation in a real repository through amend's own library, from a seed: a first
/// draft, proposals tabled one commit each, a session per draft where the chair accepts, rejects or
/// defers them, and the next draft produced after each session. The last session is left open with
/// proposals still to decide, as a chair would find it in the middle of a meeting.
public struct NegotiationGenerator {
  public var scale: Scale
  public var seed: UInt64
  /// The text the S scale starts from (the seed draft); larger scales write their own.
  public var seedDraft: String
  /// Told how far the run has got, now and then.
  public var progress: (String) -> Void

  public init(scale: Scale, seed: UInt64, seedDraft: String, progress: @escaping (String) -> Void = { _ in }) {
    self.scale = scale
    self.seed = seed
    self.seedDraft = seedDraft
    self.progress = progress
  }

  /// Makes the negotiation in `folder`, which must not hold one yet.
  public func generate(into folder: String) throws -> GeneratorReport {
    var random = SeededRandom(seed: seed)
    let start = Date(timeIntervalSince1970: 1_709_542_800)  // 4 March 2024, 09:00 UTC
    let clock = GeneratorClock(start: start, seed: seed)
    var report = GeneratorReport(scale: scale, folder: folder)
    let began = Date()

    let source = try firstDraft(using: &random)
    let initialised = try Workspace.initialise(folder: folder, source: source, number: nil, context: clock.context())
    report.drafts = initialised.file.number
    let workspace = try Workspace.open(at: folder, context: clock.context())
    let maker = ProposalMaker(delegations: Delegations.first(scale.delegations))

    for round in 1...scale.drafts {
      let share = scale.proposals / scale.drafts + (round <= scale.proposals % scale.drafts ? 1 : 0)
      let day = start.addingTimeInterval(Double(round) * 86_400)
      let date = CalendarDate(day, in: TimeZone(identifier: "UTC") ?? .current)
      let last = round == scale.drafts
      // A round's tablings and decisions are each one commit, chained at one sitting: the branch
      // moves once, after the last decision (Workspace.inOneSitting).
      try workspace.inOneSitting {
        let tabling = Date()
        try table(share, in: workspace, maker: maker, report: &report, using: &random)
        report.tablingSeconds += Date().timeIntervalSince(tabling)

        clock.advance(to: day)
        let deciding = Date()
        _ = try workspace.openSession(name: "Session \(round)", chair: "Chair", date: date)
        try decide(in: workspace, share: last ? 0.5 : 1.0, report: &report, using: &random)
        report.decidingSeconds += Date().timeIntervalSince(deciding)
      }
      guard !last else { break }
      _ = try workspace.closeSession()
      let producing = Date()
      let next = try workspace.produceNextDraft(date: date, title: nil, dryRun: false)
      report.nextSeconds += Date().timeIntervalSince(producing)
      report.drafts = next.file.number
      progress(
        "round \(round)/\(scale.drafts): \(report.tabled) tabled, draft \(next.file.number) applies \(next.applied.count) "
          + "(\(Int(Date().timeIntervalSince(began))) s)"
      )
    }
    report.totalSeconds = Date().timeIntervalSince(began)
    return report
  }

  /// The seed draft at the S scale, else a generated one with the scale's number of clauses.
  func firstDraft(using random: inout SeededRandom) throws -> DraftSource {
    guard let clauses = scale.clauses else { return try DraftSource(path: seedDraft) }
    // The file's name goes into the first commit's message: a folder of its own keeps the name the
    // same from run to run, so the same seed makes the same commits.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amend-generate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("amend-generate-\(scale.name)-\(seed).md").path
    try Data(SyntheticDraft.text(clauses: clauses, using: &random).utf8).write(to: URL(fileURLWithPath: path))
    return try DraftSource(path: path)
  }

  /// Tables `count` proposals against the current draft, one commit each. A tenth of the clauses draw
  /// half the proposals, as the contested ones do in a real room.
  func table(
    _ count: Int, in workspace: Workspace, maker: ProposalMaker, report: inout GeneratorReport,
    using random: inout SeededRandom
  ) throws {
    let clauses = try workspace.snapshot().currentDraft().draft.clauses
    guard !clauses.isEmpty else { return }
    let siblings = Dictionary(grouping: clauses, by: \.parentKey)
    let hot = Array(clauses.shuffled(using: &random).prefix(max(1, clauses.count / 10)))
    var tabled = 0
    var attempts = 0
    while tabled < count, attempts < count * 3 {
      attempts += 1
      guard let clause = random.chance(0.5) ? random.pick(hot) : random.pick(clauses) else { continue }
      let request = maker.request(
        on: clause, siblings: siblings[clause.parentKey] ?? [], hasChildren: siblings[clause.key] != nil,
        using: &random)
      do {
        _ = try workspace.table(request)
        tabled += 1
        report.tabled += 1
        if report.tabled % 500 == 0 { progress("\(report.tabled) proposals tabled") }
      } catch let refusal where refusal is TablingError || refusal is ClauseTextError || refusal is LookupError {
        report.refused += 1
        report.lastRefusal = String(describing: refusal)
      }
    }
  }

  /// Takes a decision on `share` of the undecided proposals, in tabling order: about a third
  /// accepted, a third rejected, one in ten deferred, the rest left for later. An acceptance the
  /// chair must refuse (it collides with one already accepted, or its words are gone) becomes a
  /// rejection, as it would in the room.
  func decide(
    in workspace: Workspace, share: Double, report: inout GeneratorReport, using random: inout SeededRandom
  ) throws {
    let snapshot = try workspace.snapshot()
    let current = try snapshot.currentDraft()
    let undecided = try snapshot.ledger.get().byTablingOrder.filter { $0.status.isUndecided }
    var deleted: Set<ClauseKey> = []
    var reworded: Set<ClauseKey> = []
    for state in undecided.prefix(Int(Double(undecided.count) * share)) {
      let roll = Double.random(in: 0..<1, using: &random)
      var decision: ChairAction? =
        switch roll {
        case ..<0.35: .accept
        case ..<0.70: .reject
        case ..<0.80: state.status == .deferred ? nil : .deferral
        default: nil
        }
      // The chair accepts at most one deletion and one change of wording per clause and round:
      // `amend next` cannot yet apply a second deletion, nor some pairs of word changes that each
      // merge with the text alone (see BENCHMARKS.md), so the others are rejected.
      if decision == .accept, let operation = try? state.record.operation.decoded(),
        operation == .deleteClause || operation.changesWording,
        let key = try snapshot.placement(of: state.record, in: current).clause?.key
      {
        if operation == .deleteClause {
          if deleted.contains(key) { decision = .reject } else { deleted.insert(key) }
        } else {
          if reworded.contains(key) { decision = .reject } else { reworded.insert(key) }
        }
      }
      guard let decision else { continue }
      do {
        _ = try workspace.decide(decision, on: state.proposalID)
        report.count(decision)
      } catch is DecisionError where decision == .accept {
        _ = try workspace.decide(.reject, on: state.proposalID)
        report.count(.reject)
      }
    }
  }
}
