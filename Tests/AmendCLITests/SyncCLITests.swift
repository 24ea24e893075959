import AmendKit
import Foundation
import GitCLISupport
import Testing

/// A negotiation served from a bare repository: the secretariat's repository pushed to it, and clones
/// made with `amend clone`.
struct SyncStage {
  let root: Scratch
  let url: String
  let daemon: GitDaemon?

  enum Transport: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case path, file, git
    var testDescription: String { rawValue }
  }

  /// The bare remote `srv/negotiation.git` and the secretariat's repository `sec`, pushed to it.
  init(_ transport: Transport) throws {
    root = try Scratch()
    let served = root.path + "/srv"
    try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
    try GitCLI.run(["init", "-q", "--bare", "-b", "main", "negotiation.git"], in: served)
    switch transport {
    case .path:
      daemon = nil
      url = served + "/negotiation.git"
    case .file:
      daemon = nil
      url = "file://" + served + "/negotiation.git"
    case .git:
      let daemon = try GitDaemon(base: served)
      self.daemon = daemon
      url = daemon.url("negotiation.git")
    }
    try amend(["init", "--from", CLI.seed, "--repo", "sec"], as: Party.secretariat, in: root.path)
    try GitCLI.run(["remote", "add", "origin", url], in: folder("sec"))
    let sent = try amend(["sync"], as: Party.secretariat, in: folder("sec"))
    #expect(sent.contains("sent 1 commit"), "\(sent)")
  }

  func folder(_ name: String) -> String { root.path + "/" + name }

  var remoteFolder: String { root.path + "/srv/negotiation.git" }

  /// `amend clone URL NAME` as `party`.
  func clone(_ name: String, as party: String) throws {
    let said = try amend(["clone", url, name], as: party, in: root.path)
    #expect(said.hasPrefix("cloned \(url) into \(name): main at "), "\(said)")
  }

  func tip(_ name: String) throws -> String {
    try GitCLI.run(["rev-parse", "HEAD"], in: folder(name)).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func stop() { daemon?.stop() }
}

@Suite("Sync: clones on real transports converge, keeping every author")
struct SyncCLITests {
  /// The three-party scenario: the secretariat records the roles; two delegations table from their clones
  /// (one offline), the chair decides in a fourth, the secretariat syncs and produces the eighth draft;
  /// every clone converges and `amend verify` is clean in each. Then a delegation edits another's
  /// proposal with plain git and pushes: every clone that syncs reports it.
  @Test(arguments: [SyncStage.Transport.git, .file])
  func delegationsChairAndSecretariatConverge(_ transport: SyncStage.Transport) throws {
    let stage = try SyncStage(transport)
    defer { stage.stop() }
    for role in [["--chair", "Ambassador Ndiaye"], ["--delegation", "European Union"], ["--delegation", "Group of African States"]] {
      try amend(["roles", "set"] + role, as: Party.secretariat, in: stage.folder("sec"))
    }
    try amend(["sync"], as: Party.secretariat, in: stage.folder("sec"))
    try stage.clone("eu", as: Party.europeanUnion)
    try stage.clone("africa", as: Party.africanGroup)
    try stage.clone("chair", as: Party.chair)
    // The European Union tables and sends at once.
    try amend(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], as: Party.europeanUnion,
      in: stage.folder("eu"), nonce: 1)
    #expect(try amend(["sync"], as: Party.europeanUnion, in: stage.folder("eu")).contains("sent 1 commit"))
    // The African Group tables while offline.
    try amend(
      ["propose", "7.b", "--by", "Group of African States", "--insert", ", smuggling", "--after", "trafficking"], as: Party.africanGroup,
      in: stage.folder("africa"), nonce: 2)
    // The chair brings in the European proposal, decides it and sends the decision.
    #expect(try amend(["sync"], as: Party.chair, in: stage.folder("chair")).contains("received 1 commit (fast-forward)"))
    let european = try proposalID(by: "European Union", in: stage.folder("chair"))
    let chair = stage.folder("chair")
    try amend(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], as: Party.chair, in: chair)
    try amend(["accept", european], as: Party.chair, in: chair)
    try amend(["session", "close"], as: Party.chair, in: chair)
    try amend(["sync"], as: Party.chair, in: chair)
    // Back online, the African Group's clone joins its tabling with what happened meanwhile.
    let joined = try amend(["sync"], as: Party.africanGroup, in: stage.folder("africa"))
    #expect(joined.contains("received 4 commits, sent 2 commits with the merge"), "\(joined)")
    // The secretariat brings everything in and produces the eighth draft.
    try amend(["sync"], as: Party.secretariat, in: stage.folder("sec"))
    try amend(["next"], as: Party.secretariat, in: stage.folder("sec"), at: "2010-10-14T09:00:00Z")
    let sent = try amend(["sync"], as: Party.secretariat, in: stage.folder("sec"))
    #expect(sent.contains("tags sent: draft-8"), "\(sent)")
    // Meanwhile the European Union tabled again, offline: its sync merges the eighth draft in from the
    // remote's side of the merge.
    try amend(
      ["propose", "4.a", "--by", "European Union", "--replace", "human rights approach", "--with", "rights-based approach"],
      as: Party.europeanUnion, in: stage.folder("eu"), nonce: 5)
    for name in ["eu", "africa", "chair", "sec", "eu", "africa", "chair"] {
      try amend(["sync"], as: Party.secretariat, in: stage.folder(name))
    }
    let tip = try stage.tip("sec")
    let eighth = try git(["rev-parse", "draft-8^{commit}"], in: stage.folder("sec"))
    for name in ["eu", "africa", "chair"] {
      #expect(try stage.tip(name) == tip, "\(name) did not converge")
      #expect(try git(["status", "--porcelain"], in: stage.folder(name)).isEmpty, "\(name) has a dirty working tree")
      #expect(try git(["rev-parse", "draft-8^{commit}"], in: stage.folder(name)) == eighth)
      #expect(try fsckIsClean(stage.folder(name)))
    }
    #expect(try GitCLI.run(["rev-parse", "main"], in: stage.remoteFolder).hasPrefix(tip))
    #expect(try fsckIsClean(stage.remoteFolder))
    // Each delegation is still the author of its proposal's commit, byte for byte the commit it made.
    let log = try GitCLI.lines(["log", "--format=%an|%s"], in: stage.folder("eu"))
    let african = try proposalID(by: "Group of African States", in: stage.folder("eu"))
    #expect(log.contains("European Union|Table \(european): European Union on 7 (b)"), "\(log)")
    #expect(log.contains("Group of African States|Table \(african): Group of African States on 7 (b)"), "\(log)")
    #expect(log.contains("Group of African States|Sync with origin/main"), "\(log)")
    // The history of 7 (b) credits the European Union, not the merges, in clones where the eighth draft
    // came in through a merge's second parent and through a fast-forward alike.
    for name in ["eu", "africa"] {
      let history = try amend(["history", "7.b"], as: Party.secretariat, in: stage.folder(name))
      #expect(history.contains("amended by European Union: replace 'forced labor' with 'forced labour' [\(european)]"), "\(history)")
      let blame = try CLI.run(["blame", "7.b"], in: stage.folder(name))
      #expect(blame.status == 0 && !blame.stderr.contains("git blame names commit"), "\(blame.stderr)")
      #expect(blame.stdout.contains("European Union"), "\(blame.stdout)")
    }
    #expect(try GitCLI.run(["log", "-1", "--format=%P", "HEAD"], in: stage.folder("eu")).split(separator: " ").count == 2)
    let events = try amend(["log"], as: Party.secretariat, in: stage.folder("africa"))
    #expect(events.contains("  sync  "), "\(events)")
    // Anyone holding a clone can prove the record: every decision by the chair, every draft re-derived.
    for name in ["sec", "eu", "africa", "chair"] {
      let verified = try CLI.run(["verify"], in: stage.folder(name))
      #expect(verified.status == 0, "verify in \(name): \(verified.stdout)\(verified.stderr)")
    }
    // The attack: the African Group rewrites the European Union's proposal with plain git and pushes it.
    let africa = stage.folder("africa")
    let record = africa + "/" + ProposalRecord.path(for: european)
    let edited = try String(contentsOfFile: record, encoding: .utf8).replacingOccurrences(of: "forced labour", with: "forced labour and servitude")
    try Data(edited.utf8).write(to: URL(fileURLWithPath: record))
    let author = ["GIT_AUTHOR_NAME": "Group of African States", "GIT_AUTHOR_EMAIL": "africa@example.org"]
    try GitCLI.run(
      ["commit", "-qam", "Fix the EU proposal"], in: africa,
      environment: author.merging(["GIT_COMMITTER_NAME": "Group of African States", "GIT_COMMITTER_EMAIL": "africa@example.org"]) { _, new in new })
    try GitCLI.run(["push", "-q", "origin", "main"], in: africa)
    let attack = try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: africa).trimmingCharacters(in: .whitespacesAndNewlines)
    try amend(["sync"], as: Party.secretariat, in: stage.folder("sec"))
    let caught = try CLI.run(["verify"], in: stage.folder("sec"))
    #expect(caught.status == 1)
    #expect(caught.stdout.contains("\(attack): record \(ProposalRecord.path(for: european)) changed after it was written"), "\(caught.stdout)")
  }

  /// Two clones push at once: one push finds the remote moved, fetches, joins and pushes again; both
  /// records land.
  @Test func aPushRaceIsRetriedAndBothRecordsLand() throws {
    let stage = try SyncStage(.path)
    try stage.clone("eu", as: Party.europeanUnion)
    try stage.clone("africa", as: Party.africanGroup)
    try amend(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], as: Party.europeanUnion,
      in: stage.folder("eu"), nonce: 1)
    try amend(
      ["propose", "7.b", "--by", "Group of African States", "--insert", ", smuggling", "--after", "trafficking"], as: Party.africanGroup,
      in: stage.folder("africa"), nonce: 2)
    // Both fetch the same tip, then wait before pushing, so that both pushes race.
    var runs: [(Process, Pipe, Pipe)] = []
    for (name, party) in [("eu", Party.europeanUnion), ("africa", Party.africanGroup)] {
      let process = CLI.process(
        ["sync", "--json"], in: stage.folder(name), extra: ["AMEND_COMMITTER": party, "AMEND_PAUSE_BEFORE_PUBLISH": "0.4"])
      let output = Pipe()
      let errors = Pipe()
      process.standardOutput = output
      process.standardError = errors
      try process.run()
      runs.append((process, output, errors))
    }
    var retries = 0
    for (process, output, errors) in runs {
      let data = output.fileHandleForReading.readDataToEndOfFile()
      let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(problem)")
      let report = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      retries += report?["retries"] as? Int ?? 0
    }
    #expect(retries >= 1, "neither push was retried")
    // The one whose push went first brings in the other's merge.
    try amend(["sync"], as: Party.europeanUnion, in: stage.folder("eu"))
    try amend(["sync"], as: Party.africanGroup, in: stage.folder("africa"))
    #expect(try stage.tip("eu") == stage.tip("africa"))
    #expect(try GitCLI.run(["rev-parse", "main"], in: stage.remoteFolder).hasPrefix(try stage.tip("eu")))
    let tree = try GitCLI.run(["ls-tree", "-r", "--name-only", "main", "proposals"], in: stage.remoteFolder)
    let european = try proposalID(by: "European Union", in: stage.folder("africa"))
    let african = try proposalID(by: "Group of African States", in: stage.folder("eu"))
    #expect(tree.contains(ProposalRecord.path(for: european)) && tree.contains(ProposalRecord.path(for: african)), "\(tree)")
    #expect(try fsckIsClean(stage.remoteFolder))
  }

  /// Two chairs decide one proposal opposite ways in two clones: sync joins the histories and reports
  /// the conflict, naming both decisions and the commits that recorded them.
  @Test func oppositeDecisionsFromTwoClonesAreReportedAsAConflict() throws {
    let stage = try SyncStage(.path)
    try amend(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], as: Party.europeanUnion,
      in: stage.folder("sec"), nonce: 1)
    try amend(["sync"], as: Party.secretariat, in: stage.folder("sec"))
    try stage.clone("room", as: Party.chair)
    try stage.clone("capital", as: Party.otherChair)
    let id = try proposalID(by: "European Union", in: stage.folder("room"))
    for (name, party, chair, decision) in [
      ("room", Party.chair, "Ambassador Ndiaye", "accept"), ("capital", Party.otherChair, "Ambassador Silva", "reject"),
    ] {
      let folder = stage.folder(name)
      try amend(["session", "open", "Reading in \(name)", "--chair", chair, "--date", "2010-10-13"], as: party, in: folder, nonce: 3)
      try amend([decision, id], as: party, in: folder, nonce: 4)
    }
    try amend(["sync"], as: Party.chair, in: stage.folder("room"))
    let said = try amend(["sync"], as: Party.otherChair, in: stage.folder("capital"))
    let line = try #require(said.split(separator: "\n").first { $0.hasPrefix("conflict: ") }.map(String.init), "\(said)")
    #expect(line.contains("conflict: \(id) (European Union, 7 (b)) was "), "\(line)")
    #expect(line.contains("accepted in session 'Reading in room' (2010-10-13, chair Ambassador Ndiaye, commit "), "\(line)")
    #expect(line.contains("rejected in session 'Reading in capital' (2010-10-13, chair Ambassador Silva, commit "), "\(line)")
    // The commits named are the ones that recorded each decision, as git reads them.
    for (clone, verb) in [("room", "Accept"), ("capital", "Reject")] {
      let commit = try GitCLI.run(["log", "--format=%h", "--grep=^\(verb) \(id)"], in: stage.folder(clone))
        .trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(!commit.isEmpty && line.contains("commit \(commit.prefix(7)))"), "\(verb): \(commit) in \(line)")
    }
    let listed = try amend(["proposals", "--status", "conflict"], as: Party.otherChair, in: stage.folder("capital"))
    #expect(listed.hasPrefix(id), "\(listed)")
    let json = try CLI.run(["sync", "--json"], in: stage.folder("room"), extra: ["AMEND_COMMITTER": Party.chair])
    let report = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
    let conflicts = report?["conflicts"] as? [[String: Any]] ?? []
    #expect(conflicts.count == 1 && (conflicts.first?["decisions"] as? [Any])?.count == 2, "\(json.stdout)")
    #expect(report?["integration"] as? String == "fast-forward")
  }
}
