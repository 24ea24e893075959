import AmendKit
import Foundation
import Testing

/// Eight delegations tabling while the chair decides and while the secretariat produces the draft.
@Suite("Writers at once")
struct WritersAtOnceTests {
  /// Starts `count` writers, each tabling `each` proposals with its own delegation and nonce; each
  /// prints the ids it was given into `ids-<writer>` in `scratch`.
  static func startWriters(_ count: Int, each: Int, round: Int, in folder: String, scratch: Scratch) throws -> [Process] {
    try (1...count).map { writer in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = [
        "-c",
        "for i in $(seq 1 \(each)); do AMEND_NONCE=\(round)0\(writer)$i \"$AMEND\" propose '4 (a)' --by \"Delegation \(writer)\" "
          + "--insert \"measure \(round)-\(writer)-$i\" --at-end | head -c 8 >> \"$IDS\" && echo >> \"$IDS\" || exit 1; done",
      ]
      process.currentDirectoryURL = URL(fileURLWithPath: folder)
      process.environment = CLI.environment.merging(
        ["AMEND": CLI.binary.path, "IDS": scratch.path + "/ids-\(round)-\(writer)"]) { $1 }
      try process.run()
      return process
    }
  }

  @Test("8 writers tabling while the chair decides and while next runs: each proposal once, index in step, one draft")
  func tablingWhileDecidingAndProducing() throws {
    let scratch = try Scratch()
    let script = try NegotiationScript(in: scratch, through: 6)  // a session is open
    let folder = script.folder
    let (writers, each) = (8, 3)

    var processes = try Self.startWriters(writers, each: each, round: 1, in: folder, scratch: scratch)
    for arguments in [script.arguments(step: 6), script.arguments(step: 7), script.arguments(step: 8)] {
      let decided = try CLI.run(arguments, in: folder)
      #expect(decided.status == 0, "\(arguments): \(decided.stderr)")
    }
    processes.forEach { $0.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    #expect(try indexLag(in: folder) == "")

    processes = try Self.startWriters(writers, each: each, round: 2, in: folder, scratch: scratch)
    let next = try CLI.run(["next"], in: folder)
    #expect(next.status == 0, "\(next.stderr)")
    processes.forEach { $0.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })

    // Every proposal a writer was told it tabled is recorded, once.
    var told: [String] = []
    for round in 1...2 {
      for writer in 1...writers {
        let text = (try? String(contentsOfFile: scratch.path + "/ids-\(round)-\(writer)", encoding: .utf8)) ?? ""
        told += text.split(separator: "\n").map(String.init)
      }
    }
    #expect(told.count == 2 * writers * each)
    let recorded = try recordFiles(in: folder).filter { $0.hasPrefix("proposals/") && $0.hasSuffix(".md") }
    #expect(Set(told.map { ProposalRecord.path(for: $0) }).isSubset(of: recorded))
    #expect(recorded.count == told.count + 3)
    for round in 1...2 {
      for writer in 1...writers {
        for i in 1...each {
          let found = try git(["grep", "-l", "measure \(round)-\(writer)-\(i)\"*$", "HEAD", "--", "proposals"], in: folder)
          #expect(found.split(separator: "\n").count == 1, "measure \(round)-\(writer)-\(i): \(found)")
        }
      }
    }
    // One draft, tagged on the branch, applying what was accepted.
    let drafts = try recordFiles(in: folder).filter { $0.hasPrefix("drafts/") && $0.hasSuffix("-draft.md") }
    #expect(drafts == ["drafts/07-seventh-draft.md", "drafts/08-eighth-draft.md"])
    #expect(try git(["tag", "--list"], in: folder) == "draft-7\ndraft-8\n")
    #expect(try shell("git merge-base --is-ancestor draft-8 HEAD", in: folder).status == 0)
    #expect(try indexLag(in: folder) == "")
    #expect(try fsckIsClean(folder))
    #expect(try filesDroppedByOrdinaryCommit(in: folder).isEmpty)
  }
}
