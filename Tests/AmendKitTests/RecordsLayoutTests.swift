import AmendKit
import DraftText
import Foundation
import GitCLISupport
import GitStore
import Testing

/// The sharded record layout (docs/RECORDS-LAYOUT.md) and the flat one every older repository has:
/// both read, verify and take new records, alone and mixed; and a sitting writes what the single
/// commands write, commit for commit.
@Suite("Records layout: sharded, flat and mixed; a sitting")
struct RecordsLayoutTests {
  /// The seed with two proposals tabled, a session opened, one accepted and the eighth draft produced.
  static func negotiate(in folder: ScratchFolder) throws -> Workspace {
    let workspace = try makeNegotiation(in: folder)
    let labour = try workspace.propose(
      "7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil))
    _ = try workspace.propose("4 (h)", by: "Canada", .replaceWords(words: "good practices", with: "best practices", occurrence: nil))
    _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: labour.proposalID)
    _ = try workspace.closeSession()
    _ = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 14), title: nil, dryRun: false)
    return workspace
  }

  /// Every file under proposals/ at HEAD, as git lists it.
  static func recordFiles(in folder: String) throws -> [String] {
    try git(["ls-tree", "-r", "--name-only", "HEAD", "proposals/"], in: folder).split(separator: "\n").map(String.init)
  }

  /// Rewrites the whole history of the repository in `folder` with the git CLI into the flat layout
  /// of every repository written before the shards: `proposals/<id>.md`, `proposals/events/<id>.yaml`.
  static func flatten(_ folder: String) throws {
    let filter =
      #"git ls-files -s | sed -E 's#\tproposals/events/[^/]{2}/#\tproposals/events/#; s#\tproposals/([^/]{2})/#\tproposals/#' "#
      + #"| GIT_INDEX_FILE="$GIT_INDEX_FILE.new" git update-index --index-info && mv "$GIT_INDEX_FILE.new" "$GIT_INDEX_FILE""#
    try GitCLI.run(
      ["filter-branch", "-f", "--index-filter", "rm -f \"$GIT_INDEX_FILE.new\"; " + filter, "--tag-name-filter", "cat", "--", "--all"],
      in: folder, environment: ["FILTER_BRANCH_SQUELCH_WARNING": "1"])
    try git(["reset", "-q", "--hard"], in: folder)
    try git(["clean", "-q", "-fd"], in: folder)
  }

  @Test("new records are written sharded: proposals/<xx>/<id>.md, proposals/events/<xx>/<id>.yaml; a deadline stays findable")
  func shardedPaths() throws {
    let folder = try ScratchFolder()
    let workspace = try Self.negotiate(in: folder)
    let ledger = try workspace.snapshot().ledger.get()
    let files = Set(try Self.recordFiles(in: folder.path))
    for id in ledger.proposals.keys {
      #expect(files.contains("proposals/\(id.prefix(2))/\(id).md"), "\(files)")
      #expect(ProposalRecord.path(for: id) == "proposals/\(id.prefix(2))/\(id).md")
    }
    for event in ledger.events { #expect(files.contains("proposals/events/\(event.id.prefix(2))/\(event.id).yaml"), "\(files)") }
    #expect(files.count == ledger.proposals.count + ledger.events.count)
    #expect(try workspace.verify(full: true).isClean)

    let deadline = try workspace.setDeadline(Deadline.parse("2030-01-01T00:00"))
    #expect(EventRecord.path(for: deadline.id) == "proposals/events/\(deadline.id).yaml")
    #expect(try Self.recordFiles(in: folder.path).contains("proposals/events/\(deadline.id).yaml"))
    #expect(try workspace.snapshot().deadline() != nil)
  }

  @Test("a repository in the flat layout reads and verifies; new records land sharded beside the old; mixed reads and verifies")
  func flatRepositoryTakesNewRecords() throws {
    let folder = try ScratchFolder()
    let sharded = try Self.negotiate(in: folder)
    let before = try sharded.snapshot().ledger.get()
    try Self.flatten(folder.path)
    let flatFiles = try Self.recordFiles(in: folder.path)
    #expect(flatFiles.allSatisfy { $0.split(separator: "/").count == ($0.hasPrefix("proposals/events/") ? 3 : 2) }, "\(flatFiles)")

    let workspace = try Workspace.open(at: folder.path, context: testContext())
    let ledger = try workspace.snapshot().ledger.get()
    #expect(ledger.problems.isEmpty)
    #expect(Set(ledger.proposals.keys) == Set(before.proposals.keys))
    let statuses: [String: ProposalStatus] = ledger.proposals.mapValues(\.status)
    let statusesBefore: [String: ProposalStatus] = before.proposals.mapValues(\.status)
    #expect(statuses == statusesBefore)
    #expect(ledger.events.map(\.id) == before.events.map(\.id))
    let old = try #require(ledger.proposals.keys.sorted().first)
    #expect(ledger.path(ofProposal: old) == "proposals/\(old).md")
    #expect(try workspace.verify(full: true).isClean)

    // New records beside the old: sharded, and everything still reads and verifies.
    let new = try workspace.propose("5", by: "Brazil", .deleteClause)
    _ = try workspace.openSession(name: "Third reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 15))
    let rejection = try workspace.decide(.reject, on: new.proposalID)
    let files = try Self.recordFiles(in: folder.path)
    #expect(files.contains("proposals/\(new.id.prefix(2))/\(new.id).md"))
    #expect(files.contains("proposals/events/\(rejection.id.prefix(2))/\(rejection.id).yaml"))
    #expect(files.contains("proposals/\(old).md"))
    let mixed = try workspace.snapshot().ledger.get()
    #expect(mixed.proposals.count == before.proposals.count + 1)
    #expect(mixed.proposals[new.id]?.status == .rejected)
    #expect(try workspace.verify(full: true).isClean)
    #expect(try git(["status", "--porcelain"], in: folder.path).isEmpty)

    // An old record changed after it was written is still a breach, and its restore command names its real path.
    try Data("}}} not yaml".utf8).write(to: URL(fileURLWithPath: folder.path + "/proposals/\(old).md"))
    try GitCLI.run(
      ["commit", "-q", "-am", "Break an old record", "--author", "Secretariat <secretariat@example.org>"], in: folder.path,
      environment: ["GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "secretariat@example.org"])
    let broken = try Workspace.open(at: folder.path, context: testContext())
    let damaged = try #require(try broken.snapshot().ledger.get().damaged["proposals/\(old).md"])
    #expect(damaged.restore?.hasSuffix(":proposals/\(old).md > proposals/\(old).md") == true, "\(damaged)")
    #expect(try broken.verify(full: true).breaches.contains { "\($0)".contains("proposals/\(old).md") })
  }

  @Test("two clones of a flat repository table apart, one sharded record each, and merge; verify holds")
  func clonesTablingApartMerge() throws {
    let folder = try ScratchFolder()
    let origin = folder.path + "/origin"
    try FileManager.default.createDirectory(atPath: origin, withIntermediateDirectories: true)
    _ = try Workspace.initialise(folder: origin, source: try DraftSource(path: Shared.seed), number: nil, context: testContext())
    let first = try Workspace.open(at: origin, context: testContext())
    _ = try first.propose("7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil))
    try Self.flatten(origin)
    try git(["clone", "-q", "--bare", origin, folder.path + "/shared.git"], in: folder.path)

    _ = try Workspace.clone(from: folder.path + "/shared.git", into: folder.path + "/one", context: testContext())
    _ = try Workspace.clone(from: folder.path + "/shared.git", into: folder.path + "/two", context: testContext())
    let one = try Workspace.open(
      at: folder.path + "/one",
      context: Context(
        now: { Date(timeIntervalSince1970: 1_286_900_000) }, nonce: { 1 }, committer: secretariat, timeZone: TimeZone(identifier: "UTC")!))
    let two = try Workspace.open(
      at: folder.path + "/two",
      context: Context(
        now: { Date(timeIntervalSince1970: 1_286_900_100) }, nonce: { 2 }, committer: secretariat, timeZone: TimeZone(identifier: "UTC")!))
    let canada = try one.propose("4 (h)", by: "Canada", .replaceWords(words: "good practices", with: "best practices", occurrence: nil))
    let brazil = try two.propose("5", by: "Brazil", .deleteClause)
    _ = try one.sync()
    _ = try two.sync()
    _ = try one.sync()
    for workspace in [one, two] {
      let ledger = try workspace.snapshot().ledger.get()
      #expect(Set(ledger.proposals.keys).isSuperset(of: [canada.id, brazil.id]))
      #expect(ledger.proposals.count == 3)
      #expect(try workspace.verify(full: true).isClean)
    }
    let files = try Self.recordFiles(in: folder.path + "/two")
    #expect(files.contains(ProposalRecord.path(for: canada.id)) && files.contains(ProposalRecord.path(for: brazil.id)), "\(files)")
    #expect(files.contains { $0.split(separator: "/").count == 2 }, "the flat record stays where it was: \(files)")
  }

  @Test("a sitting writes the same commits as the single commands, and moves the branch once")
  func sittingMatchesSingleCommands() throws {
    func record(sitting: Bool) throws -> (tip: String, log: String, status: String, reflog: Int) {
      let folder = try ScratchFolder()
      let clock = TestClock()
      _ = try Workspace.initialise(folder: folder.path, source: try DraftSource(path: Shared.seed), number: nil, context: testContext(clock: clock))
      let workspace = try Workspace.open(at: folder.path, context: testContext(clock: clock))
      let reflogBefore = try git(["reflog", "--format=%H", "main"], in: folder.path).split(separator: "\n").count
      func agenda() throws {
        let labour = try workspace.propose(
          "7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil))
        let typo = try workspace.propose(
          "4 (h)", by: "Canada", .replaceWords(words: "good practices", with: "best practices", occurrence: nil))
        let deletion = try workspace.propose("5", by: "Brazil", .deleteClause)
        _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
        _ = try workspace.decide(.accept, on: labour.proposalID)
        _ = try workspace.decide(.reject, on: typo.proposalID)
        _ = try workspace.decide(.deferral, on: deletion.proposalID)
        // A refusal inside the sitting changes nothing, as outside it.
        #expect(throws: (any Error).self) { try workspace.decide(.accept, on: labour.proposalID) }
      }
      if sitting { try workspace.inOneSitting(agenda) } else { try agenda() }
      _ = try workspace.closeSession()
      _ = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 14), title: nil, dryRun: false)
      #expect(try workspace.verify(full: true).isClean)
      let reflog = try git(["reflog", "--format=%H", "main"], in: folder.path).split(separator: "\n").count - reflogBefore
      return (
        try git(["rev-parse", "HEAD"], in: folder.path), try git(["log", "--format=%H %an %s"], in: folder.path),
        try git(["status", "--porcelain"], in: folder.path), reflog
      )
    }
    let single = try record(sitting: false)
    let sitting = try record(sitting: true)
    #expect(sitting.tip == single.tip)
    #expect(sitting.log == single.log)
    let subjects = single.log.split(separator: "\n").map { $0.split(separator: " ").dropFirst().joined(separator: " ") }
    #expect(subjects.filter { $0.contains(" Table ") }.count == 3, "\(subjects)")
    #expect(subjects.filter { $0.contains(" Accept ") || $0.contains(" Reject ") || $0.contains(" Defer ") }.count == 3, "\(subjects)")
    #expect(sitting.status.isEmpty && single.status.isEmpty)
    // The sitting's seven commits (three tablings, the session opened, three decisions) moved the branch once.
    #expect(sitting.reflog == single.reflog - 6, "\(sitting.reflog) \(single.reflog)")
  }

  @Test("a sitting whose branch another writer moved publishes nothing")
  func sittingRefusesAMovedBranch() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let other = try Workspace.open(at: folder.path, context: testContext())
    let tip = try git(["rev-parse", "HEAD"], in: folder.path)
    var otherID = ""
    #expect(throws: RepositoryError.movedDuringSitting(commits: 1)) {
      try workspace.inOneSitting {
        _ = try workspace.propose("5", by: "Brazil", .deleteClause)
        otherID = try other.propose("4 (h)", by: "Canada", .deleteClause).id
      }
    }
    #expect(try git(["rev-parse", "HEAD~1"], in: folder.path) == tip)
    #expect(try workspace.snapshot().ledger.get().proposals.keys.sorted() == [otherID])
    #expect(try git(["status", "--porcelain"], in: folder.path).isEmpty)
  }
}
