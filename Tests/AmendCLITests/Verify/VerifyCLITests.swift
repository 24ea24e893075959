import AmendKit
import Foundation
import GitCLISupport
import Testing

@Suite("amend verify")
struct VerifyCLITests {
  @Test("a normal negotiation verifies clean, the eighth draft re-derived")
  func clean() throws {
    let stage = try NegotiationStage()
    let run = try CLI.run(["verify"], in: stage.path)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.hasSuffix("drafts 8 re-derived, 0 signatures good, no breach\n"), "\(run.stdout)")
    let json = try CLI.run(["verify", "--json"], in: stage.path)
    let value = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    #expect(value["clean"] as? Bool == true)
    #expect(value["drafts"] as? [Int] == [8])
    let count = try GitCLI.run(["rev-list", "--count", "HEAD"], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(value["commits"] as? Int == Int(count))
  }

  @Test("init in a repository that already had commits: its draft is trusted, its committer the secretariat")
  func initAfterOtherCommits() throws {
    let scratch = try Scratch()
    try GitCLI.run(["init", "-q", "-b", "main"], in: scratch.path)
    try Data("Our delegation's notes\n".utf8).write(to: URL(fileURLWithPath: scratch.path + "/README"))
    try GitCLI.run(["add", "README"], in: scratch.path)
    try GitCLI.run(
      ["commit", "-q", "-m", "Notes"], in: scratch.path,
      environment: [
        "GIT_AUTHOR_NAME": "Someone Else", "GIT_AUTHOR_EMAIL": "e@x.org", "GIT_COMMITTER_NAME": "Someone Else", "GIT_COMMITTER_EMAIL": "e@x.org",
      ])
    try #require(try CLI.run(["init", "--from", CLI.seed], in: scratch.path).status == 0)
    #expect(try CLI.run(["roles"], in: scratch.path).stdout.hasPrefix("Secretariat: Secretariat\n"))
    #expect(try CLI.run(["roles", "set", "--chair", "Ambassador Ndiaye"], in: scratch.path).status == 0)
    let run = try CLI.run(["verify"], in: scratch.path)
    #expect(run.status == 0, "\(run.stdout)")
  }

  @Test("a delegation edits another's proposal record and commits it")
  func editsAnothersProposal() throws {
    let stage = try NegotiationStage()
    let path = ProposalRecord.path(for: stage.african)
    try stage.write(try stage.read(path).replacingOccurrences(of: "smuggling", with: "smuggling and more"), to: path)
    let commit = try stage.commitWithGit(as: "European Union", message: "Clarify")
    expectOneBreach(try stage.verify(), commit: commit, saying: "record \(path) changed after it was written")
    // The second run reads what the first found from .git/amend/verify-v1.cache; --full checks again.
    #expect(FileManager.default.fileExists(atPath: stage.path + "/.git/amend/verify-v1.cache"))
    expectOneBreach(try stage.verify(), commit: commit, saying: "record \(path) changed after it was written")
    let full = try CLI.run(["verify", "--full"], in: stage.path)
    #expect(full.status == 1 && full.stdout.split(separator: "\n").count == 1 && full.stdout.contains("\(commit): record \(path) changed"))
  }

  @Test("a delegation records a decision by writing the event file itself")
  func delegationDecides() throws {
    let stage = try NegotiationStage(draft: false)
    let id = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.europeanUnion)
    try stage.amend(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], as: NegotiationStage.chair)
    let session = "2010-10-13-second-reading"
    try stage.write(
      "id: 0123456789ab\nseq: 99\nkind: accepted\ntime: 2010-10-13T10:00:00Z\nproposal: \(id)\nsession: \(session)\n"
        + "chair: Ambassador Ndiaye\nby: Ambassador Ndiaye\ndate: 2010-10-13\n", to: "proposals/events/0123456789ab.yaml")
    let commit = try stage.commitWithGit(as: "European Union", message: "Accept \(id)")
    expectOneBreach(
      try stage.verify(), commit: commit,
      saying: "accepted recorded (proposals/events/0123456789ab.yaml) by European Union, who was neither a chair nor the secretariat")
  }

  @Test("someone hand-edits the eighth draft")
  func handEditsDraft() throws {
    let stage = try NegotiationStage()
    let path = "drafts/08-eighth-draft.md"
    try stage.write(try stage.read(path).replacingOccurrences(of: "forced labour", with: "forced work"), to: path)
    let commit = try stage.commitWithGit(as: "Secretariat", message: "Typo")
    expectOneBreach(try stage.verify(), commit: commit, saying: "\(path) changed other than by 'amend next'")
  }

  @Test("a delegation names itself chair by editing roles.yaml")
  func rolesByDelegation() throws {
    let stage = try NegotiationStage(draft: false)
    try stage.write(
      try stage.read("roles.yaml").replacingOccurrences(of: "- name: Ambassador Ndiaye", with: "- name: European Union"), to: "roles.yaml")
    let commit = try stage.commitWithGit(as: "European Union", message: "Roles: chair European Union\n\nAmend-Event: roles")
    expectOneBreach(try stage.verify(), commit: commit, saying: "roles changed by European Union, not by the secretariat (Secretariat)")
  }

  @Test("a record is deleted")
  func recordDeleted() throws {
    let stage = try NegotiationStage()
    try FileManager.default.removeItem(atPath: stage.path + "/" + ProposalRecord.path(for: stage.european))
    let commit = try stage.commitWithGit(as: "Secretariat", message: "Tidy")
    expectOneBreach(try stage.verify(), commit: commit, saying: "record \(ProposalRecord.path(for: stage.european)) deleted after it was written")
  }

  @Test("a proposal committed under another delegation's name")
  func authorIsNotTheDelegation() throws {
    let stage = try NegotiationStage(draft: false)
    let id = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.europeanUnion)
    // Rewrite the tabling commit with the Group of African States as author.
    try GitCLI.run(
      ["commit", "-q", "--amend", "--no-edit", "--author", "Group of African States <au@example.org>"], in: stage.path,
      environment: ["GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "s@example.org"])
    let commit = try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    expectOneBreach(
      try stage.verify(), commit: commit, saying: "proposal \(id) of European Union was committed with Group of African States as author")
  }

  @Test("a draft made by hand, with next's trailers, differs from the one its predecessor and the decisions make")
  func draftRederivedDifferently() throws {
    let stage = try NegotiationStage()
    let path = "drafts/08-eighth-draft.md"
    // Rewrite the commit that completes the draft: same message and event, one word changed.
    try stage.write(try stage.read(path).replacingOccurrences(of: "forced labour", with: "forced work"), to: path)
    try GitCLI.run(["add", path], in: stage.path)
    try GitCLI.run(
      ["commit", "-q", "--amend", "--no-edit"], in: stage.path,
      environment: ["GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "s@example.org"])
    let commit = try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    expectOneBreach(
      try stage.verify(), commit: commit,
      saying: "the eighth draft (\(path)) is not what its predecessor and the decisions make it: the text differs")
  }

  @Test("an applied proposal's step in the chain differs from what next would write")
  func stepDiffers() throws {
    let stage = try NegotiationStage()
    let path = "drafts/08-eighth-draft.md"
    // Replay the chain with the first applied step's text altered and the later commits cherry-picked.
    let log = try GitCLI.lines(["log", "--format=%H %s", "-4"], in: stage.path)
    let hashes = log.map { String($0.prefix(40)) }  // produced, applied 2, applied 1, begun
    let identity = ["GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "s@example.org"]
    try GitCLI.run(["reset", "-q", "--hard", hashes[2]], in: stage.path)
    try stage.write(try stage.read(path) + "\n(an extra line)\n", to: path)
    try GitCLI.run(["add", path], in: stage.path)
    try GitCLI.run(["commit", "-q", "--amend", "--no-edit"], in: stage.path, environment: identity)
    let altered = try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    try GitCLI.run(["cherry-pick", "--allow-empty", "-X", "theirs", hashes[1], hashes[0]], in: stage.path, environment: identity)
    let result = try stage.verify()
    #expect(result.status == 1)
    #expect(result.lines.contains { $0.hasPrefix("\(altered): ") && $0.contains("the step 'Apply") }, "\(result.lines)")
  }

  @Test("two branches each tabling, merged with git merge, verify clean")
  func mergeVerifiesClean() throws {
    let stage = try NegotiationStage()
    try GitCLI.run(["checkout", "-q", "-b", "capital"], in: stage.path)
    _ = try stage.table("European Union", ["--replace", "migrant workers", "--with", "all migrant workers"], as: NegotiationStage.europeanUnion)
    try GitCLI.run(["checkout", "-q", "main"], in: stage.path)
    _ = try stage.table("Group of African States", ["--delete-clause"], as: NegotiationStage.africanGroup)
    try GitCLI.run(
      ["merge", "-q", "--no-edit", "capital", "-m", "Sync\n\nAmend-Event: sync"], in: stage.path,
      environment: [
        "GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "s@example.org", "GIT_AUTHOR_NAME": "Secretariat",
        "GIT_AUTHOR_EMAIL": "s@example.org",
      ])
    #expect(try GitCLI.run(["rev-list", "--merges", "--count", "HEAD"], in: stage.path).hasPrefix("1"))
    let result = try stage.verify()
    #expect(result.status == 0, "\(result.lines)")
  }

  @Test("a merge that changes a record differently from both parents")
  func mergeChangesRecord() throws {
    let stage = try NegotiationStage()
    try GitCLI.run(["checkout", "-q", "-b", "capital"], in: stage.path)
    _ = try stage.table("European Union", ["--replace", "migrant workers", "--with", "all migrant workers"], as: NegotiationStage.europeanUnion)
    try GitCLI.run(["checkout", "-q", "main"], in: stage.path)
    _ = try stage.table("Group of African States", ["--delete-clause"], as: NegotiationStage.africanGroup)
    let identity = [
      "GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "s@example.org", "GIT_AUTHOR_NAME": "Secretariat",
      "GIT_AUTHOR_EMAIL": "s@example.org",
    ]
    try GitCLI.run(["merge", "-q", "--no-commit", "capital"], in: stage.path, environment: identity)
    let path = ProposalRecord.path(for: stage.african)
    try stage.write(try stage.read(path).replacingOccurrences(of: "smuggling", with: "smuggling and more"), to: path)
    try GitCLI.run(["add", path], in: stage.path)
    try GitCLI.run(["commit", "-q", "--no-edit"], in: stage.path, environment: identity)
    let commit = try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    expectOneBreach(try stage.verify(), commit: commit, saying: "record \(path) changed after it was written")
  }

  @Test("two sides that wrote one record differently: the merge keeps its first parent's, and is named")
  func mergeOfTwoVersions() throws {
    let stage = try NegotiationStage()
    let path = ProposalRecord.path(for: stage.african)
    try GitCLI.run(["checkout", "-q", "-b", "capital"], in: stage.path)
    try stage.write(try stage.read(path).replacingOccurrences(of: "smuggling", with: "smuggling of migrants"), to: path)
    let edit = try stage.commitWithGit(as: "Group of African States", message: "Clarify")
    try GitCLI.run(["checkout", "-q", "main"], in: stage.path)
    _ = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.europeanUnion)
    let identity = [
      "GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "s@example.org", "GIT_AUTHOR_NAME": "Secretariat",
      "GIT_AUTHOR_EMAIL": "s@example.org",
    ]
    try GitCLI.run(["merge", "-q", "--no-edit", "-s", "ours", "capital"], in: stage.path, environment: identity)
    let merge = try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    let result = try stage.verify()
    #expect(result.status == 1)
    #expect(result.lines == ["\(edit): record \(path) changed after it was written", "\(merge): record \(path) changed after it was written"])
  }

  @Test("opposite decisions from merged histories are reported until a later session settles them")
  func oppositeDecisions() throws {
    let stage = try NegotiationStage(draft: false)
    let id = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.europeanUnion)
    try GitCLI.run(["checkout", "-q", "-b", "room"], in: stage.path)
    try stage.amend(["session", "open", "Room", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], as: NegotiationStage.chair)
    try stage.amend(["accept", id], as: NegotiationStage.chair)
    try stage.amend(["session", "close"], as: NegotiationStage.chair)
    try GitCLI.run(["checkout", "-q", "main"], in: stage.path)
    try stage.amend(["session", "open", "Capital", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], as: NegotiationStage.chair)
    try stage.amend(["reject", id], as: NegotiationStage.chair)
    try stage.amend(["session", "close"], as: NegotiationStage.chair)
    try GitCLI.run(
      ["merge", "-q", "--no-edit", "room"], in: stage.path,
      environment: [
        "GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "s@example.org", "GIT_AUTHOR_NAME": "Secretariat",
        "GIT_AUTHOR_EMAIL": "s@example.org",
      ])
    let result = try stage.verify()
    #expect(result.status == 1)
    #expect(result.lines.count == 1 && result.lines[0].contains("opposite decisions on \(id)"), "\(result.lines)")
  }
}
