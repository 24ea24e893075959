import Foundation
import GitCLISupport
import GitStore
import Testing

import AmendKit

/// A scratch folder for one test, removed when the test ends.
final class ScratchFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory
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
  /// The branch tip, for checking that a refused command wrote nothing.
  var tip: ObjectID? { try? repository.referenceTarget(branch) }

  func propose(_ clause: String, by delegation: String, _ operation: ProposalOperation, cosponsors: [String] = [])
    throws -> ProposalRecord
  {
    try table(ProposalRequest(clause: clause, delegation: delegation, operation: operation, cosponsors: cosponsors))
  }
}
