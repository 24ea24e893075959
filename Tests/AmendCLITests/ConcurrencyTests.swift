import Foundation
import Testing

@Suite("Many delegations at once")
struct ConcurrencyTests {
  @Test("twenty processes tabling fifty proposals each: all 1,000 recorded, none lost, fsck clean")
  func twentyProcesses() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    // Each process is a shell loop of fifty `amend propose`, with its own delegation and clock.
    let script = """
      for i in $(seq 1 50); do
        AMEND_NOW="2010-10-12T10:$(printf %02d $((i % 60))):00Z" "$AMEND" propose "4 (a)" --by "Delegation $D" \
          --insert "measure $D-$i" --at-end >/dev/null || exit 1
      done
      """
    var processes: [Process] = []
    for delegation in 1...20 {
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
    let files = try git(["ls-tree", "--name-only", "HEAD", "proposals/"], in: folder.path)
      .split(separator: "\n").filter { $0.hasSuffix(".md") }
    #expect(files.count == 1000)
    #expect(try git(["rev-list", "--count", "HEAD"], in: folder.path) == "1001\n")
    #expect(try fsckIsClean(folder.path))
    let listed = try CLI.run(["proposals", "--json"], in: folder.path)
    let all = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
    #expect(all.count == 1000)
    #expect(Set(all.compactMap { $0["by"] as? String }).count == 20)
  }
}
