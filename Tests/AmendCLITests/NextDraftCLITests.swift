import Foundation
import Testing

@Suite("Producing a draft from the command line")
struct NextDraftCLITests {
  @Test("a process killed in the middle of next leaves the repository at the previous draft")
  func killInTheMiddle() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let tabled = try CLI.run(["propose", "7 (b)", "--by", "European Union", "--replace", "labor", "--with", "labour"], in: folder.path)
    let id = String(tabled.stdout.prefix(8))
    try CLI.run(["session", "open", "Second reading", "--chair", "Chair", "--date", "2010-10-13"], in: folder.path)
    try CLI.run(["accept", id], in: folder.path)
    try CLI.run(["session", "close"], in: folder.path)
    let tip = try git(["rev-parse", "HEAD"], in: folder.path)
    let before = contents(of: folder.path)
    let process = CLI.process(["next"], in: folder.path, extra: ["AMEND_PAUSE_BEFORE_PUBLISH": "30"])
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until the chain of commits is written, then kill the process before it moves the branch.
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      let objects = try git(["count-objects"], in: folder.path)
      if let count = Int(objects.split(separator: " ").first ?? ""), count > 0,
        try git(["fsck", "--unreachable", "--no-reflogs"], in: folder.path).contains("commit")
      {
        break
      }
      Thread.sleep(forTimeInterval: 0.2)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(try git(["rev-parse", "HEAD"], in: folder.path) == tip)
    #expect(try git(["tag", "--list"], in: folder.path) == "draft-7\n")
    #expect(try git(["status", "--porcelain"], in: folder.path) == "")
    let after = contents(of: folder.path).filter { !$0.key.hasPrefix(".git/objects") && !$0.key.contains("logs") }
    #expect(after == before.filter { !$0.key.hasPrefix(".git/objects") && !$0.key.contains("logs") })
    // And the draft can still be produced.
    let next = try CLI.run(["next"], in: folder.path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try git(["tag", "--list"], in: folder.path) == "draft-7\ndraft-8\n")
  }

  @Test("the bundled example runs end to end and prints the eighth draft")
  func bundledExample() throws {
    let scratch = try Scratch()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [CLI.packageRoot + "/scripts/demo.sh", CLI.binary.path]
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { _, new in new }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(text.suffix(2000))")
    #expect(text.contains("Eighth draft of conclusions and recommendations"))
    #expect(text.contains("as of 13 October 2010"))
    #expect(text.contains("trafficking, smuggling and forced labour of migrant workers"))
    #expect(text.contains("7 (c) → 7 (d)"))
  }
}
