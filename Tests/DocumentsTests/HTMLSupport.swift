import AmendKit
import DraftText
import Foundation
import GitCLISupport
import Testing

@testable import Documents

/// A scratch folder for one HTML or PDF test, removed when the test ends.
final class HTMLScratch {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("amend-html-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }
}

/// The bundled example as the HTML and PDF tests read it: the seventh draft (the seed), the example's
/// proposals, a session accepting the European Union's 7 (b) "forced labor" → "forced labour" (and the
/// Group of African States' ", smuggling"), the eighth draft, and proposals still pending — one of them
/// tabled by a hostile delegation whose name breaks out of an attribute and whose words are markup.
struct HTMLExample {
  static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/seeds/seventh-draft-migration-2010-10-12.txt").path

  // Names cannot hold < or > (Names refuses them: they would end git's author field); quotes and & they can.
  static let hostileDelegation = "Evil\" onmouseover=\"alert(4)"
  static let hostileCosponsor = "Tom & Jerry's 'Friends'"
  static let hostileWords = "<script>alert(2)</script> & <b>bold</b>"
  static let hostileStatement = "</p><img src=x onerror=alert(3)> 'quoted' & \"double\""

  let folder: HTMLScratch
  let workspace: Workspace
  let europeanUnion: ProposalRecord
  let hostile: ProposalRecord

  /// A negotiation on the seed in `folder`, with the minute clock, a fixed nonce and the secretariat at the keyboard.
  static func seeded(in folder: HTMLScratch) throws -> Workspace {
    let clock = HTMLClock()
    let context = Context(
      now: { clock.now() }, nonce: { 42 }, committer: Person(name: "Secretariat", email: "secretariat@example.org"),
      timeZone: TimeZone(identifier: "UTC") ?? .current)
    _ = try Workspace.initialise(folder: folder.path, source: try DraftSource(path: seed), number: nil, context: context)
    return try Workspace.open(at: folder.path, context: context)
  }

  init() throws {
    folder = try HTMLScratch()
    let opened = try Self.seeded(in: folder)
    workspace = opened
    func table(
      _ clause: String, _ delegation: String, _ operation: ProposalOperation, cosponsors: [String] = [], rationale: String = ""
    )
      throws -> ProposalRecord
    {
      try opened.table(
        ProposalRequest(clause: clause, delegation: delegation, operation: operation, cosponsors: cosponsors, rationale: rationale))
    }
    europeanUnion = try table(
      "7 (b)", "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil),
      rationale: "Spelling consistent with 'labour and skills needs' in the chapeau of paragraph 7.")
    let african = try table(
      "7 (b)", "Group of African States", .insertWords(text: ", smuggling", anchor: .after("trafficking"), occurrence: nil),
      cosponsors: ["Egypt"])
    _ = try table(
      "para 7 (b)", "Philippines", .newClause(text: "ensuring access to remedies for migrant workers who are victims of trafficking;", before: false),
      cosponsors: ["Mexico", "Indonesia"])
    _ = try table("4 (h)", "United States", .deleteClause, rationale: "Covered by 4 (j).")
    _ = try table("1 (c)", "Mexico", .deleteWords(words: "and economic downturn", occurrence: nil))
    hostile = try table(
      "5", Self.hostileDelegation, .replaceWords(words: "The Working Groups invites", with: Self.hostileWords, occurrence: nil),
      cosponsors: [Self.hostileCosponsor], rationale: Self.hostileStatement)
    _ = try opened.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try opened.decide(.accept, on: europeanUnion.proposalID)
    _ = try opened.decide(.accept, on: african.proposalID)
    _ = try opened.closeSession()
    _ = try opened.produceNextDraft(date: nil, dryRun: false)
  }

  /// The record as it now stands.
  func snapshot() throws -> Snapshot { try workspace.snapshot() }

  /// Every view of the record the HTML renderer makes, by name: the eighth draft, the compilation, the
  /// 7 → 8 redline, the European Union's and the hostile proposal, 7 (b)'s history and blame.
  func contents() throws -> [(name: String, content: DocumentContent)] {
    let snapshot = try snapshot()
    let current = try snapshot.currentDraft()
    let pending = try snapshot.marshalledList(current, toleratingDamage: false) { $0.isOnAgenda }
    return [
      ("draft", .draft(current, in: snapshot)),
      ("compilation", .compilation(current, proposals: pending, in: snapshot)),
      ("comparison", .comparison(try snapshot.comparison(from: 7, to: 8, clause: nil), in: snapshot)),
      ("proposal", .proposal(try snapshot.proposal(europeanUnion.proposalID, in: current), in: snapshot)),
      ("hostile-proposal", .proposal(try snapshot.proposal(hostile.proposalID, in: current), in: snapshot)),
      ("history", .history(try snapshot.clauseHistory("7 (b)", draft: nil), in: snapshot)),
      ("blame", .blame(try snapshot.clauseBlame("7 (b)", draft: nil), in: snapshot)),
    ]
  }
}

/// A clock that moves one minute for each reading from 12 October 2010, 09:00 UTC.
final class HTMLClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current = Date(timeIntervalSince1970: 1_286_874_000)

  func now() -> Date {
    lock.lock()
    defer { lock.unlock() }
    current += 60
    return current
  }
}

/// An outside program the document tests check with, run with a time limit.
struct HTMLTool {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The program's path on PATH; records a failure naming the Debian package when it is missing.
  static func require(_ name: String, package: String) throws -> String {
    try InstalledTool.path(name, package: package)
  }

  /// Runs `executable` with `arguments`, its output in files (no pipe to fill), stopped after `seconds`.
  static func run(_ executable: String, _ arguments: [String], seconds: Int = 120, environment: [String: String] = [:]) throws -> Result {
    let scratch = try HTMLScratch()
    let out = URL(fileURLWithPath: scratch.file("stdout"))
    let err = URL(fileURLWithPath: scratch.file("stderr"))
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = ["--kill-after=5", String(seconds), executable] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  /// Loads `page` in headless Chromium, takes a screenshot to `screenshot`, and gives back the console
  /// lines Chromium logged for it (`INFO:CONSOLE…`): every message, warning or error the page caused.
  static func chromiumConsole(page: String, screenshot: String) throws -> (console: [String], result: Result) {
    // The engine amend itself prints with; when there is none, the test fails naming the package.
    guard let chromium = try? ChromiumEngine.find() else { throw InstalledTool.Missing(name: "chromium", package: "chromium") }
    let profile = try HTMLScratch()
    let result = try run(
      chromium.executable,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--window-size=1000,1400",
        "--screenshot=\(screenshot)", URL(fileURLWithPath: page).absoluteString,
      ], environment: ["HOME": profile.path])
    let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    return (console, result)
  }
}

/// Every match of `pattern` in `text`, with its capture groups.
func htmlMatches(_ pattern: String, in text: String) throws -> [[String]] {
  let expression = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
  let range = NSRange(text.startIndex..., in: text)
  return expression.matches(in: text, range: range).map { match in
    (0..<match.numberOfRanges).map { index in
      Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
    }
  }
}
