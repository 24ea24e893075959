import Foundation
import Testing

/// SQLite-style fault injection: each write command is run once per write point (blob, tree, commit,
/// tag, reference, index lock, working-tree file, index), failing there (`AMEND_FAULT=fail:N`) or
/// ending the process there as a kill would (`kill:N`), until N passes the command's last write.
@Suite("Fault injection at every write point")
struct FaultInjectionTests {
  enum Mode: String, CaseIterable, Sendable { case fail, kill }

  /// Write points covered, per command and mode, for the report.
  static let covered = Locked([String: Int]())

  @Test(
    "a failure or kill at any write point leaves the old state or the new, the index in step, fsck clean",
    arguments: NegotiationScript.commands, Mode.allCases)
  func everyWritePoint(step: Int, mode: Mode) throws {
    let scratch = try Scratch()
    let script = try NegotiationScript(in: scratch, through: step)
    let arguments = script.arguments(step: step)
    let name = NegotiationScript.steps[step].name
    // The new state, from a run with no fault.
    let clean = scratch.path + "/clean"
    try copyRepository(script.folder, to: clean)
    let done = try CLI.run(arguments, in: clean)
    try #require(done.status == 0, "\(name): \(done.stderr)")
    let old = try RepositoryState(of: script.folder)
    let new = try RepositoryState(of: clean)
    let oldTip = try tip(of: script.folder)
    let newTip = try tip(of: clean)
    #expect(oldTip != newTip)

    var point = 1
    while point < 100 {
      let folder = scratch.path + "/\(mode.rawValue)-\(point)"
      try copyRepository(script.folder, to: folder)
      let run = try CLI.run(arguments, in: folder, extra: ["AMEND_FAULT": "\(mode.rawValue):\(point)"])
      let hit = mode == .kill ? run.status == 86 : run.stderr.contains("injected fault")
      guard hit else {
        // Past the command's last write point: it ran whole.
        #expect(run.status == 0, "\(name) \(mode) \(point): \(run.stderr)")
        #expect(try RepositoryState(of: folder) == new)
        break
      }
      let label = "\(name), \(mode.rawValue) at write point \(point)"
      // At once: the branch is at the old tip or the new, the objects are sound, and an ordinary
      // git commit (on a copy) drops no record.
      let tipNow = try tip(of: folder)
      #expect(tipNow == oldTip || tipNow == newTip, "\(label): branch at \(tipNow)")
      #expect(try fsckIsClean(folder), "\(label)")
      if mode == .fail, run.status != 0 {
        #expect(run.stderr.split(separator: "\n").count == 1, "\(label): \(run.stderr)")
      }
      let committed = folder + "-commit"
      try copyRepository(folder, to: committed)
      #expect(try filesDroppedByOrdinaryCommit(in: committed).isEmpty, "\(label): git commit dropped a record")
      if mode == .fail, run.status == 0 {
        // The branch moved but the rest failed: the warning's recovery command works on its own.
        let recovered = folder + "-recovered"
        let command = try #require(WorkingTreeHostileTests.quotedCommand(in: run.stderr), "\(label): \(run.stderr)")
          .replacingOccurrences(of: "cd \(folder) ", with: "cd \(recovered) ")
        try copyRepository(folder, to: recovered)
        #expect(try shell(command, in: recovered).status == 0, "\(label): \(command)")
        #expect(try indexLag(in: recovered) == "", "\(label): after \(command)")
        #expect(try filesDroppedByOrdinaryCommit(in: recovered).isEmpty, "\(label)")
      }
      // The next amend command, even a reading one, finishes what was left.
      let read = try CLI.run(["log"], in: folder)
      #expect(read.status == 0, "\(label): \(read.stderr)")
      let after = try RepositoryState(of: folder)
      #expect(after == old || after == new, "\(label)\nafter \(after)\nold \(old)\nnew \(new)")
      #expect(try indexLag(in: folder) == "", "\(label)")
      if after == old {
        let again = try CLI.run(arguments, in: folder)
        #expect(again.status == 0, "\(label): run again: \(again.stderr)")
        #expect(try RepositoryState(of: folder) == new, "\(label): run again")
      }
      point += 1
    }
    #expect(point > 3, "\(name): no write point was reached")
    Self.covered.withLock { $0["\(name) \(mode.rawValue)"] = point - 1 }
    print("fault injection: \(name), \(mode.rawValue): \(point - 1) write points")
  }

  func tip(of folder: String) throws -> String {
    try git(["rev-parse", "HEAD"], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// A value guarded by a lock, shared by parallel test cases.
final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()
  init(_ value: Value) { self.value = value }
  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
