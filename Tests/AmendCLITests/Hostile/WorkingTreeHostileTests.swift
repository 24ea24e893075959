import Foundation
import Testing

/// The index and the working tree: amend keeps the index in step with the branch, never overwrites a
/// file it did not write, and leaves tags and branch in agreement.
@Suite("Hostile: the index and the working tree")
struct WorkingTreeHostileTests {
  /// What sits in the working tree where a command is about to write.
  enum Obstacle: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case untrackedFile = "an untracked file"
    case folder = "a folder"
    case symbolicLink = "a symbolic link"
    var testDescription: String { rawValue }

    func place(at path: String, in folder: String) throws {
      let location = folder + "/" + path
      try FileManager.default.createDirectory(
        atPath: (location as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      switch self {
      case .untrackedFile: try Data("my own notes\n".utf8).write(to: URL(fileURLWithPath: location))
      case .folder: try FileManager.default.createDirectory(atPath: location + "/inside", withIntermediateDirectories: true)
      case .symbolicLink: try FileManager.default.createSymbolicLink(atPath: location, withDestinationPath: "/etc/hostname")
      }
    }
  }

  /// The paths step `index` writes, learned by running it on a copy.
  static func writtenPaths(by script: NegotiationScript, step index: Int, scratch: Scratch) throws -> [String] {
    let copy = scratch.path + "/probe-\(index)"
    try copyRepository(script.folder, to: copy)
    let before = try git(["rev-parse", "HEAD"], in: copy).trimmingCharacters(in: .whitespacesAndNewlines)
    try CLI.run(script.arguments(step: index), in: copy)
    return try git(["diff", "--name-only", before, "HEAD"], in: copy).split(separator: "\n").map(String.init)
  }

  @Test(
    "a file in the way of a write is refused before anything is written, naming it",
    arguments: NegotiationScript.commands, Obstacle.allCases)
  func fileInTheWay(step: Int, obstacle: Obstacle) throws {
    let scratch = try Scratch()
    let script = try NegotiationScript(in: scratch, through: step)
    let paths = try Self.writtenPaths(by: script, step: step, scratch: scratch)
    #expect(!paths.isEmpty)
    for (number, path) in paths.enumerated() {
      let folder = scratch.path + "/case-\(number)"
      try copyRepository(script.folder, to: folder)
      try obstacle.place(at: path, in: folder)
      try expectRefusal(
        HostileCase(
          name: "\(NegotiationScript.steps[step].name) with \(obstacle.rawValue) at \(path)",
          arguments: script.arguments(step: step), message: path),
        in: folder)
    }
  }

  @Test("an untracked file with exactly the bytes amend writes is not in the way")
  func identicalFileIsNotInTheWay() throws {
    let scratch = try Scratch()
    let script = try NegotiationScript(in: scratch, through: 9)
    let paths = try Self.writtenPaths(by: script, step: 9, scratch: scratch)
    for path in paths {
      let text = try git(["show", "HEAD:" + path], in: scratch.path + "/probe-9")
      let location = URL(fileURLWithPath: script.folder + "/" + path)
      try FileManager.default.createDirectory(at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: location)
    }
    let next = try CLI.run(["next"], in: script.folder)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try indexLag(in: script.folder) == "")
    #expect(try git(["status", "--porcelain"], in: script.folder) == "")
  }

  @Test("a hand edit elsewhere in the working tree is left as it is")
  func handEditElsewhereSurvives() throws {
    let scratch = try Scratch()
    let script = try NegotiationScript(in: scratch, through: 1)
    let draft = script.folder + "/drafts/07-seventh-draft.md"
    try Data("edited by hand\n".utf8).write(to: URL(fileURLWithPath: draft))
    try Data("notes\n".utf8).write(to: URL(fileURLWithPath: script.folder + "/notes.txt"))
    let tabled = try CLI.run(script.arguments(step: 1), in: script.folder)
    #expect(tabled.status == 0, "\(tabled.stderr)")
    #expect(try String(contentsOfFile: draft, encoding: .utf8) == "edited by hand\n")
    #expect(try git(["status", "--porcelain"], in: script.folder) == " M drafts/07-seventh-draft.md\n?? notes.txt\n")
  }

  @Test(
    "a stale index.lock is a one-line refusal whose recovery command works",
    arguments: NegotiationScript.commands)
  func staleIndexLock(step: Int) throws {
    let scratch = try Scratch()
    let script = try NegotiationScript(in: scratch, through: step)
    let folder = script.folder
    _ = FileManager.default.createFile(atPath: folder + "/.git/index.lock", contents: Data())
    // expectRefusal's checks, keeping the message: each run waits for the lock a moment first.
    let before = try RepositoryState(of: folder)
    let refused = try CLI.run(script.arguments(step: step), in: folder)
    #expect(refused.status != 0)
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("index.lock"), "\(refused.stderr)")
    #expect(try RepositoryState(of: folder) == before)
    let recovery = try #require(Self.quotedCommand(in: refused.stderr), "no command in: \(refused.stderr)")
    #expect(try shell(recovery, in: folder).status == 0)
    let again = try CLI.run(script.arguments(step: step), in: folder)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try indexLag(in: folder) == "")
    #expect(try filesDroppedByOrdinaryCommit(in: folder).isEmpty)
  }

  /// The first command quoted in a message: 'rm …' or 'git …'.
  static func quotedCommand(in message: String) -> String? {
    let parts = message.split(separator: "'", omittingEmptySubsequences: false)
    return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
      .first { $0.hasPrefix("rm ") || $0.hasPrefix("git ") || $0.hasPrefix("cd ") }
  }

  @Test("three runs of four processes tabling at once while git status polls: the index stays in step, a git commit keeps every record")
  func concurrentTablingKeepsTheIndexInStep() throws {
    let scratch = try Scratch()
    let script = try NegotiationScript(in: scratch, through: 1)
    let folder = script.folder
    // Someone's editor polling `git status` meanwhile, as editors do: it refreshes the index too.
    let poller = Process()
    poller.executableURL = URL(fileURLWithPath: "/bin/sh")
    poller.arguments = ["-c", "while [ ! -e .git/stop-polling ]; do git status >/dev/null 2>&1; done"]
    poller.currentDirectoryURL = URL(fileURLWithPath: folder)
    poller.environment = CLI.environment.merging(["GIT_CONFIG_GLOBAL": "/dev/null"]) { $1 }
    try poller.run()
    defer {
      FileManager.default.createFile(atPath: folder + "/.git/stop-polling", contents: Data())
      poller.waitUntilExit()
    }
    for run in 1...3 {
      var processes: [Process] = []
      for writer in 1...4 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
          "-c",
          "for i in 1 2 3; do \"$AMEND\" propose '4 (a)' --by \"Delegation $D\" --insert \"measure $D-$i\" --at-end >/dev/null || exit 1; done",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = CLI.environment.merging(
          ["AMEND": CLI.binary.path, "D": "\(run)-\(writer)", "AMEND_NONCE": "\(run * 10 + writer)"]) { $1 }
        try process.run()
        processes.append(process)
      }
      for process in processes {
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
      }
      #expect(try indexLag(in: folder) == "", "after run \(run)")
      if run == 3 {
        FileManager.default.createFile(atPath: folder + "/.git/stop-polling", contents: Data())
        poller.waitUntilExit()
      }
    }
    let proposals = try recordFiles(in: folder).filter { $0.hasPrefix("proposals/") && $0.hasSuffix(".md") }
    #expect(proposals.count == 36)
    #expect(try filesDroppedByOrdinaryCommit(in: folder).isEmpty)
    #expect(try fsckIsClean(folder))
  }

  @Test("after a reset past a draft, next refuses while the old tag marks the abandoned commit; the way out works")
  func tagOnAnAbandonedCommit() throws {
    let scratch = try Scratch()
    var script = try NegotiationScript(in: scratch, through: 9)
    let folder = script.folder
    let beforeDraft = try git(["rev-parse", "HEAD"], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
    try script.run(step: 9)
    try shell("git reset -q --hard \(beforeDraft)", in: folder)
    try expectRefusal(HostileCase(name: "old draft-8 tag", arguments: ["next"], message: "draft-8"), in: folder)
    let refused = try CLI.run(["next"], in: folder)
    let recovery = try #require(Self.quotedCommand(in: refused.stderr), "no command in: \(refused.stderr)")
    #expect(try shell(recovery, in: folder).status == 0)
    let next = try CLI.run(["next"], in: folder)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try git(["rev-parse", "draft-8^{commit}"], in: folder) == (try git(["rev-parse", "HEAD"], in: folder)))
    #expect(try indexLag(in: folder) == "")
  }
}
