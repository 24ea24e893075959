import AmendKit
import Foundation
import GitCLISupport
import Testing

/// What the records stages must do when they do not refuse: warn and go on, restore, resolve.
@Suite("Records: reading damaged and merged records, restoring them, deciding again")
struct RecordsCLITests {
  func warnings(_ run: Run) -> [Substring] {
    run.stderr.split(separator: "\n").filter { !$0.isEmpty }
  }

  @Test(
    "reading commands warn one line for a damaged record and go on",
    arguments: [
      (RecordsStage.brokenWithdrawn, "withdrawn"), (.brokenAccepted, "accepted"), (.brokenPending, "pending"),
      (.brokenRejected, "rejected"), (.deletedWithdrawn, "withdrawn"),
    ])
  func readersWarn(stage: RecordsStage, role: String) throws {
    let scratch = try Scratch()
    let folder = try RecordsStages.shared.copy(stage, into: scratch)
    let ids = RecordsStages.roles(in: folder)
    let id = try #require(ids[role])
    let other = try #require(ids[role == "pending" ? "accepted" : "pending"])
    for arguments in [["proposals"], ["proposals", "--json"], ["agenda"], ["compile"], ["proposal", other]] {
      let run = try CLI.run(arguments, in: folder)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      let lines = warnings(run)
      #expect(lines.count == 1, "\(arguments): \(run.stderr)")
      #expect(lines.first?.hasPrefix("amend: warning: skipped \(ProposalRecord.path(for: id))") == true, "\(run.stderr)")
      #expect(lines.first?.contains("git show") == true, "\(run.stderr)")
      #expect(!run.stdout.contains(id), "\(arguments) shows the unreadable \(id)")
    }
  }

  @Test(
    "a withdrawn or rejected record that no longer reads does not stop the next draft",
    arguments: [
      RecordsStage.brokenWithdrawn, .brokenRejected, .deletedWithdrawn, .eventNamingMissingWithdrawn,
    ])
  func unneededDamage(stage: RecordsStage) throws {
    let scratch = try Scratch()
    let folder = try RecordsStages.shared.copy(stage, into: scratch)
    let next = try CLI.run(["next"], in: folder)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stdout.contains("Applied: \(RecordsStages.roles(in: folder)["accepted"] ?? "?")"))
  }

  @Test(
    "the command the refusal names restores the record, and next then applies it",
    arguments: [
      RecordsStage.brokenAccepted, .truncatedAccepted, .deletedAccepted, .brokenDecisionEvent,
    ])
  func restoreCommandWorks(stage: RecordsStage) throws {
    let scratch = try Scratch()
    let folder = try RecordsStages.shared.copy(stage, into: scratch)
    let refused = try CLI.run(["next"], in: folder)
    #expect(refused.status != 0)
    let command = try #require(
      refused.stderr.firstMatch(of: /restore it with '([^']+)'/).map { String($0.output.1) }, "\(refused.stderr)")
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", command]
    shell.currentDirectoryURL = URL(fileURLWithPath: folder)
    try shell.run()
    shell.waitUntilExit()
    #expect(shell.terminationStatus == 0)
    try RecordsStages.commitByHand("Restore the record", in: folder)
    let next = try CLI.run(["next", "--print"], in: folder)
    #expect(next.status == 0, "\(next.stderr)")
    let accepted = try #require(RecordsStages.roles(in: folder)["accepted"])
    #expect(next.stdout.contains("Applied: \(accepted)"))
    #expect(next.stdout.contains("forced labour"))
    #expect(try fsckIsClean(folder))
  }

  @Test("two next at once produce one draft: the loser sees it and refuses as empty")
  func twoNextAtOnce() throws {
    let scratch = try Scratch()
    let folder = try RecordsStages.shared.copy(.decided, into: scratch)
    var runs: [(Process, Pipe)] = []
    for _ in 0..<2 {
      let process = CLI.process(["next"], in: folder, extra: ["AMEND_PAUSE_BEFORE_PUBLISH": "1"])
      let errors = Pipe()
      process.standardOutput = FileHandle.nullDevice
      process.standardError = errors
      try process.run()
      runs.append((process, errors))
    }
    var messages: [String] = []
    for (process, errors) in runs {
      let data = errors.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      messages.append(process.terminationStatus == 0 ? "" : String(decoding: data, as: UTF8.self))
    }
    #expect(messages.filter(\.isEmpty).count == 1, "\(messages)")
    let loser = messages.first { !$0.isEmpty } ?? ""
    #expect(loser.contains("nothing has been decided since the eighth draft"), "\(loser)")
    #expect(loser.split(separator: "\n").count == 1)
    #expect(try git(["tag", "--list"], in: folder) == "draft-7\ndraft-8\n")
    #expect(try git(["ls-files", "drafts"], in: folder).split(separator: "\n").count == 3)
  }

  @Test("next --allow-empty produces a draft with nothing decided; a draft may share its predecessor's date")
  func allowEmpty() throws {
    let scratch = try Scratch()
    let folder = try RecordsStages.shared.copy(.produced, into: scratch)
    let next = try CLI.run(["next", "--allow-empty", "--date", "2010-10-13"], in: folder)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stdout.contains("Ninth draft"))
  }

  @Test("opposite decisions from merged clones: every view says conflict; a later session settles it")
  func mergedConflict() throws {
    let scratch = try Scratch()
    let folder = try RecordsStages.shared.copy(.mergedConflict, into: scratch)
    let id = try #require(RecordsStages.roles(in: folder)["pending"])
    let accepted = "accepted in session 2010-10-14-third-reading (2010-10-14, chair Ambassador Ndiaye)"
    let rejected = "rejected in session 2010-10-15-informal-consultations (2010-10-15, chair Ms Ito)"
    for arguments in [["proposals"], ["proposal", id], ["agenda"], ["compile"], ["proposals", "--status", "conflict"]] {
      let run = try CLI.run(arguments, in: folder)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(run.stdout.lowercased().contains("conflict"), "\(arguments): \(run.stdout)")
      #expect(run.stdout.contains(accepted) && run.stdout.contains(rejected), "\(arguments): \(run.stdout)")
      #expect(run.stderr.contains("\(id) is in conflict"), "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains("were open at the same time"), "\(arguments): \(run.stderr)")
    }
    let json = try CLI.run(["proposal", id, "--json"], in: folder)
    let summary = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    #expect(summary["status"] as? String == "conflict")
    let sides = try #require(summary["conflict"] as? [[String: Any]])
    #expect(sides.map { $0["decision"] as? String } == ["accepted", "rejected"])
    #expect(sides.map { $0["chair"] as? String } == ["Ambassador Ndiaye", "Ms Ito"])

    // The chair decides again in a later session: recorded, and the draft can be produced.
    for arguments in [
      ["session", "open", "Fourth reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-16"],
      ["reject", id], ["session", "close"],
    ] {
      let run = try CLI.run(arguments, in: folder, extra: ["AMEND_NOW": "2010-10-16T09:00:00Z"])
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
    let shown = try CLI.run(["proposal", id], in: folder)
    #expect(shown.stdout.contains("Proposal \(id): rejected"), "\(shown.stdout)")
    #expect(shown.stdout.contains("settled: rejected in session 2010-10-16-fourth-reading"), "\(shown.stdout)")
    #expect(!shown.stderr.contains("is in conflict"))
    let next = try CLI.run(["next", "--print"], in: folder, extra: ["AMEND_NOW": "2010-10-16T09:00:00Z"])
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stdout.contains("Eighth draft of conclusions and recommendations\nas of"))
    #expect(!next.stdout.contains("urgently"))
    #expect(try fsckIsClean(folder))
  }

  @Test("an applied new clause is found under its new id")
  func appliedNewClause() throws {
    let scratch = try Scratch()
    let folder = scratch.path
    try CLI.run(["init", "--from", CLI.seed], in: folder)
    let tabled = try CLI.run(["propose", "7 (b)", "--by", "Philippines", "--new-clause", "ensuring access to remedies;"], in: folder)
    let id = String(tabled.stdout.prefix(8))
    try CLI.run(["session", "open", "Second reading", "--chair", "Chair", "--date", "2010-10-13"], in: folder)
    try CLI.run(["accept", id], in: folder)
    try CLI.run(["session", "close"], in: folder)
    let next = try CLI.run(["next"], in: folder)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stdout.contains("(new) → 7 (c)  [\(id)]"), "\(next.stdout)")

    let listed = try CLI.run(["proposals", "--clause", "7.c"], in: folder)
    #expect(listed.stdout.contains(id), "\(listed.stdout)")
    #expect(listed.stdout.contains("applied   7 (c)"), "\(listed.stdout)")
    let anchor = try CLI.run(["proposals", "--clause", "7.b"], in: folder)
    #expect(!anchor.stdout.contains(id), "\(anchor.stdout)")
    let json = try CLI.run(["proposal", id, "--json"], in: folder)
    let summary = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    #expect(summary["clause"] as? String == "7.c")
    #expect(summary["clauseName"] as? String == "7 (c)")
    let history = try CLI.run(["history", "7.c"], in: folder)
    #expect(history.status == 0, "\(history.stderr)")
    #expect(history.stdout.contains(id), "\(history.stdout)")
  }
}
