import AmendKit
import Foundation
import GitCLISupport
import Glibc
import Testing

/// The negotiations the records cases run against, each built once (through the real `amend` and
/// `git`) and copied for every case that uses it.
///
/// `decided`: the seventh draft with four proposals: `accepted` (7 (b), European Union), `pending`
/// (2, Brazil), `withdrawn` (4 (h), United States) and `rejected` (3, Mexico), decided in session
/// "Second reading" (2010-10-13), which is closed. The other stages damage or extend it.
enum RecordsStage: String, CaseIterable, Sendable {
  case decided
  /// Nothing decided at all since `amend init`.
  case undecided
  case brokenAccepted, truncatedAccepted, brokenPending, brokenWithdrawn, brokenRejected, notUTF8Pending
  case deletedAccepted, deletedWithdrawn
  case brokenAcceptedOpen, brokenPendingOpen, brokenEventOpen
  case brokenDecisionEvent, unknownKindEvent, eventNamingMissingAccepted, eventNamingMissingWithdrawn
  /// The eighth draft produced (2010-10-13) from `decided`.
  case produced
  /// `produced`, then `pending` accepted in session "Third reading" (2010-10-14).
  case producedThenDecided
  /// Two clones decided `accepted` in opposite ways, then one pulled the other.
  case mergedConflict
  /// Both clones produced the eighth draft applying different proposals, then were merged by hand.
  case draftRecordedTwice
}

/// Builds each stage once per test process, under one folder removed when the process ends.
final class RecordsStages: @unchecked Sendable {
  static let shared = RecordsStages()
  private let lock = NSLock()
  private var built: [RecordsStage: String] = [:]
  let root: String

  private init() {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("amend-records-stages-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    RecordsStages.cleanup = root
    atexit { if let root = RecordsStages.cleanup { try? FileManager.default.removeItem(atPath: root) } }
  }

  nonisolated(unsafe) static var cleanup: String?

  /// A fresh copy of `stage` in `scratch`.
  func copy(_ stage: RecordsStage, into scratch: Scratch) throws -> String {
    let source = try template(stage)
    let target = scratch.path + "/repo"
    try FileManager.default.copyItem(atPath: source, toPath: target)
    return target
  }

  func template(_ stage: RecordsStage) throws -> String {
    lock.lock()
    defer { lock.unlock() }
    return try templateLocked(stage)
  }

  private func templateLocked(_ stage: RecordsStage) throws -> String {
    if let path = built[stage] { return path }
    let folder = root + "/" + stage.rawValue
    if stage == .decided || stage == .undecided {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try buildDecided(in: folder, deciding: stage == .decided)
    } else {
      let base: RecordsStage =
        switch stage {
        case .brokenAcceptedOpen: .brokenAccepted
        case .brokenPendingOpen: .brokenPending
        case .brokenEventOpen: .brokenDecisionEvent
        case .producedThenDecided: .produced
        default: .decided
        }
      try FileManager.default.copyItem(atPath: try templateLocked(base), toPath: folder)
      try damage(stage, in: folder)
    }
    built[stage] = folder
    return folder
  }

  @discardableResult
  func amend(_ arguments: [String], in folder: String, extra: [String: String] = [:]) throws -> Run {
    let run = try CLI.run(arguments, in: folder, extra: extra)
    guard run.status == 0 else {
      throw StageError("amend \(arguments.joined(separator: " ")) failed: \(run.stderr)")
    }
    return run
  }

  private func buildDecided(in folder: String, deciding: Bool) throws {
    try amend(["init", "--from", CLI.seed], in: folder)
    func table(_ arguments: [String]) throws -> String {
      String(try amend(["propose"] + arguments, in: folder).stdout.prefix(8))
    }
    let accepted = try table(["7 (b)", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"])
    let pending = try table(["2", "--by", "Brazil", "--replace", "as a matter of priority", "--with", "urgently"])
    let withdrawn = try table(["4 (h)", "--by", "United States", "--delete-clause"])
    let rejected = try table(["3", "--by", "Mexico", "--replace", "fully", "--with", "completely"])
    try amend(["withdraw", withdrawn, "--by", "United States"], in: folder)
    if deciding {
      try amend(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], in: folder)
      try amend(["accept", accepted], in: folder)
      try amend(["reject", rejected], in: folder)
      try amend(["session", "close"], in: folder)
    }
    let roles = "accepted \(accepted)\npending \(pending)\nwithdrawn \(withdrawn)\nrejected \(rejected)\n"
    try roles.write(toFile: folder + "/.roles", atomically: true, encoding: .utf8)
    try git(["update-index", "--refresh"], in: folder)
    // The roles file is the tests' own: git must not see it.
    try FileManager.default.createDirectory(atPath: folder + "/.git/info", withIntermediateDirectories: true)
    try "/.roles\n".write(toFile: folder + "/.git/info/exclude", atomically: true, encoding: .utf8)
  }

  /// The proposal ids of a stage by role (accepted, pending, withdrawn, rejected).
  static func roles(in folder: String) -> [String: String] {
    ((try? String(contentsOfFile: folder + "/.roles", encoding: .utf8)) ?? "").split(separator: "\n")
      .reduce(into: [:]) { roles, line in
        let parts = line.split(separator: " ")
        if parts.count == 2 { roles[String(parts[0])] = String(parts[1]) }
      }
  }

  /// Commits what is in the working tree, as a careless hand would.
  static func commitByHand(_ message: String, in folder: String) throws {
    try git(["-c", "user.name=Hand", "-c", "user.email=hand@example.org", "add", "-A", "."], in: folder)
    let run = try CLIGit.run(
      ["-c", "user.name=Hand", "-c", "user.email=hand@example.org", "commit", "-q", "-m", message], in: folder)
    guard run.status == 0 else { throw StageError("git commit failed: \(run.output)") }
  }

  /// The event file that records `kind` for `proposal`.
  static func eventFile(kind: String, proposal: String, in folder: String) throws -> String {
    for path in try eventFiles(in: folder) {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      if text.contains("kind: \(kind)\n"), text.contains("proposal: \(proposal)\n") { return path }
    }
    throw StageError("no \(kind) event for \(proposal)")
  }

  /// Every event file in the working tree, in either layout (docs/RECORDS-LAYOUT.md), sorted.
  static func eventFiles(in folder: String) throws -> [String] {
    let events = folder + "/proposals/events"
    return try FileManager.default.subpathsOfDirectory(atPath: events).filter { $0.hasSuffix(".yaml") }.sorted().map { events + "/" + $0 }
  }

  private func damage(_ stage: RecordsStage, in folder: String) throws {
    let ids = Self.roles(in: folder)
    func record(_ role: String) -> String { folder + "/" + ProposalRecord.path(for: ids[role] ?? role) }
    let broken = "---\nid: [unclosed\ndraft: 7\n---\n"
    switch stage {
    case .decided, .undecided:
      return
    case .brokenAccepted:
      try broken.write(toFile: record("accepted"), atomically: true, encoding: .utf8)
    case .truncatedAccepted:
      let data = try Data(contentsOf: URL(fileURLWithPath: record("accepted")))
      try data.prefix(60).write(to: URL(fileURLWithPath: record("accepted")))
    case .brokenPending:
      try broken.write(toFile: record("pending"), atomically: true, encoding: .utf8)
    case .brokenWithdrawn:
      try broken.write(toFile: record("withdrawn"), atomically: true, encoding: .utf8)
    case .brokenRejected:
      try "---\nid: \(ids["rejected"] ?? "")\n---\n".write(toFile: record("rejected"), atomically: true, encoding: .utf8)
    case .notUTF8Pending:
      try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: record("pending")))
    case .deletedAccepted:
      try FileManager.default.removeItem(atPath: record("accepted"))
    case .deletedWithdrawn:
      try FileManager.default.removeItem(atPath: record("withdrawn"))
    case .brokenAcceptedOpen, .brokenPendingOpen, .brokenEventOpen:
      try amend(["session", "open", "Third reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-14"], in: folder)
      return
    case .brokenDecisionEvent:
      let file = try Self.eventFile(kind: "accepted", proposal: ids["accepted"] ?? "", in: folder)
      try "kind: accepted\nproposal: \(ids["accepted"] ?? "")\nseq: [2\n".write(toFile: file, atomically: true, encoding: .utf8)
    case .unknownKindEvent:
      try "id: 0123456789ab\nseq: 9\nkind: ratified\ntime: 2010-10-14T09:00:00Z\nproposal: \(ids["pending"] ?? "")\n"
        .write(toFile: folder + "/proposals/events/0123456789ab.yaml", atomically: true, encoding: .utf8)
    case .eventNamingMissingAccepted:
      try "id: 0123456789ac\nseq: 9\nkind: accepted\ntime: 2010-10-13T10:00:00Z\nproposal: deadbeef\nsession: 2010-10-13-second-reading\n"
        .write(toFile: folder + "/proposals/events/0123456789ac.yaml", atomically: true, encoding: .utf8)
    case .eventNamingMissingWithdrawn:
      try "id: 0123456789ad\nseq: 9\nkind: withdrawn\ntime: 2010-10-13T10:00:00Z\nproposal: feedface\nby: Chile\n"
        .write(toFile: folder + "/proposals/events/0123456789ad.yaml", atomically: true, encoding: .utf8)
    case .produced:
      try amend(["next"], in: folder)
      return
    case .producedThenDecided:
      try amend(["session", "open", "Third reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-14"], in: folder)
      try amend(["accept", ids["pending"] ?? ""], in: folder)
      try amend(["session", "close"], in: folder)
      return
    case .mergedConflict:
      try buildConflict(in: folder, ids: ids)
      return
    case .draftRecordedTwice:
      try amend(["next"], in: folder)
      let produced = try Self.eventFiles(in: folder).first { path in
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").contains("kind: draft-produced")
      }
      let original = try String(contentsOfFile: produced ?? "", encoding: .utf8)
      let other = original.replacingOccurrences(of: "- \(ids["accepted"] ?? "")", with: "- \(ids["pending"] ?? "")")
        .replacingOccurrences(of: "id: ", with: "id: f").replacingOccurrences(of: "seq: ", with: "seq: 1")
      let name = URL(fileURLWithPath: produced ?? "").lastPathComponent
      // Beside the original, in its shard folder: records are read from any shard.
      try other.write(toFile: (produced ?? "").dropLast(name.count) + "f" + name, atomically: true, encoding: .utf8)
    }
    try Self.commitByHand("Edit the record by hand (\(stage.rawValue))", in: folder)
  }

  /// Clone `decided` before its session... here: a second clone decides `pending` the other way.
  /// In the first, session "Third reading" (2010-10-14, Ambassador Ndiaye) accepts it; in the clone,
  /// "Informal consultations" (2010-10-15, Ms Ito) rejects it; then the first pulls the clone.
  private func buildConflict(in folder: String, ids: [String: String]) throws {
    let clone = folder + "-clone"
    try git(["clone", "-q", folder, clone], in: root)
    let pending = ids["pending"] ?? ""
    try amend(["session", "open", "Third reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-14"], in: folder)
    try amend(["accept", pending], in: folder)
    try amend(["session", "close"], in: folder)
    let later = ["AMEND_NOW": "2010-10-15T09:00:00Z", "AMEND_NONCE": "8"]
    try amend(["session", "open", "Informal consultations", "--chair", "Ms Ito", "--date", "2010-10-15"], in: clone, extra: later)
    try amend(["reject", pending], in: clone, extra: later)
    try amend(["session", "close"], in: clone, extra: later)
    let pull = try CLIGit.run(
      ["-c", "user.name=Hand", "-c", "user.email=hand@example.org", "pull", "-q", "--no-rebase", "--no-edit", clone, "main"],
      in: folder)
    guard pull.status == 0 else { throw StageError("git pull failed: \(pull.output)") }
    try? FileManager.default.removeItem(atPath: clone)
  }
}

struct StageError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The git CLI with its exit status and both outputs together.
enum CLIGit {
  static func run(_ arguments: [String], in folder: String) throws -> (status: Int32, output: String) {
    let result = try GitCLI.status(arguments, in: folder)
    return (result.status, result.output + result.standardError)
  }
}
