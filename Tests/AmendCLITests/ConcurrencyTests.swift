import Foundation
import Testing

/// The scenario at CI's size; scripts/stress-tabling.sh runs it at 20 processes × 50 proposals.
@Suite("Many delegations at once")
struct ConcurrencyTests {
  static let processes = 8
  static let each = 5

  @Test("eight processes tabling five proposals each: all 40 recorded, none lost, fsck clean")
  func severalProcesses() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    // Each process is a shell loop of `amend propose`, with its own delegation and clock.
    let script = """
      for i in $(seq 1 \(Self.each)); do
        AMEND_NOW="2010-10-12T10:$(printf %02d $((i % 60))):00Z" "$AMEND" propose "4 (a)" --by "Delegation $D" \
          --insert "measure $D-$i" --at-end >/dev/null || exit 1
      done
      """
    var processes: [Process] = []
    for delegation in 1...Self.processes {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", script]
      process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
      process.environment = CLI.environment.merging(
        ["AMEND": CLI.binary.path, "D": String(delegation), "AMEND_NONCE": String(delegation)]) { _, new in new }
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      processes.append(process)
    }
    for process in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let files = try git(["ls-tree", "-r", "--name-only", "HEAD", "proposals/"], in: folder.path)
      .split(separator: "\n").filter { $0.hasSuffix(".md") }
    let total = Self.processes * Self.each
    #expect(files.count == total)
    #expect(try git(["rev-list", "--count", "HEAD"], in: folder.path) == "\(total + 1)\n")
    #expect(try fsckIsClean(folder.path))
    let listed = try CLI.run(["proposals", "--json"], in: folder.path)
    let all = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
    #expect(all.count == total)
    #expect(Set(all.compactMap { $0["by"] as? String }) == Set((1...Self.processes).map { "Delegation \($0)" }))
    let words = Set(all.compactMap { ($0["operation"] as? [String: Any])?["text"] as? String })
    #expect(words == Set((1...Self.processes).flatMap { d in (1...Self.each).map { "measure \(d)-\($0)" } }))
  }
}
