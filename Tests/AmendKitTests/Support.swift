import AmendKit
import Foundation
import GitCLISupport
import GitStore
import Testing

/// A scratch folder for one test, removed when the test ends.
final class ScratchFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("amend-negotiation-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// The shared folder beside the repository: the seed and the real cases.
enum Shared {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared")

  static let seed = root.appendingPathComponent("seeds/seventh-draft-migration-2010-10-12.txt").path

  /// The real texts the suites run on; `realCasesPresent` requires each of them.
  static let expectedRealCases = [
    "paris_03_draft_2015-12-09.md", "paris_04_adopted_2015-12-12.md", "paris_05_corrected_2016-01-29.md",
    "un_ga_A-RES-80-51_pdf-extract.md", "un_sc_S-RES-687-1991_gold.txt",
  ]

  /// Every *.md and *.txt text in realcases/ but the sources list.
  static var realCases: [String] {
    let folder = root.appendingPathComponent("realcases")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { ($0.hasSuffix(".md") || $0.hasSuffix(".txt")) && $0 != "SOURCES.md" }.sorted()
      .map { folder.appendingPathComponent($0).path }
  }
}

/// A clock that moves one minute for each reading, and fixed ids and committer: commits and ids are
/// the same on every run.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current = Date(timeIntervalSince1970: 1_286_874_000)  // 12 October 2010, 09:00 UTC

  func now() -> Date {
    lock.lock()
    defer { lock.unlock() }
    current += 60
    return current
  }
}

let secretariat = Person(name: "Secretariat", email: "secretariat@example.org")

func testContext(clock: TestClock = TestClock()) -> Context {
  Context(
    now: { clock.now() }, nonce: { 42 }, committer: secretariat,
    timeZone: TimeZone(identifier: "UTC") ?? .current)
}

/// A negotiation repository made with `amend init` from `source` (default: the seed).
func makeNegotiation(from source: String = Shared.seed, in folder: ScratchFolder) throws -> Workspace {
  _ = try Workspace.initialise(
    folder: folder.path, source: try DraftSource(path: source), number: nil, context: testContext())
  return try Workspace.open(at: folder.path, context: testContext())
}

/// Runs the real git CLI in `folder`, isolated from the machine's configuration.
@discardableResult
func git(_ arguments: [String], in folder: String) throws -> String {
  try GitCLI.run(arguments, in: folder)
}

extension Workspace {
  /// The branch tip, for checking that a refused command wrote nothing. It must exist: a branch that
  /// could not be read would otherwise compare equal to another unreadable one.
  var tip: ObjectID {
    get throws { try #require(try repository.referenceTarget(branch), "the branch has no commit") }
  }

  func propose(
    _ clause: String, by delegation: String, _ operation: ProposalOperation, cosponsors: [String] = []
  )
    throws -> ProposalRecord
  {
    try table(ProposalRequest(clause: clause, delegation: delegation, operation: operation, cosponsors: cosponsors))
  }
}
