import Foundation
import GitCLISupport
import GitStore
import Testing

/// Remotes through libgit2, checked against the git CLI: fetching moves no reference, pushing holds a
/// lease, merging joins trees or names the conflict, credentials come from git's helper.
@Suite("Remotes")
struct RemoteTests {
  /// A bare remote holding one commit on main, and a repository with it as `origin`.
  private func pair() throws -> (remote: ScratchRepository, local: ScratchRepository, first: ObjectID) {
    let remote = try ScratchRepository(bare: true)
    let local = try ScratchRepository()
    let first = try local.repository.commitFiles(["proposals/a.md": "a\n"], message: "A\n")
    try local.repository.addRemote("origin", url: remote.path)
    let origin = try #require(try local.repository.remote(named: "origin"))
    #expect(try local.repository.push(first, to: origin, branch: "main", expecting: nil) == .pushed)
    return (remote, local, first)
  }

  @Test func fetchingDownloadsObjectsAndMovesNoReference() throws {
    let (remote, local, first) = try pair()
    let other = try ScratchRepository()
    try other.repository.addRemote("origin", url: "file://" + remote.path)
    let before = try GitCLI.run(["for-each-ref"], in: other.path)
    let state = try other.repository.fetch(remote: "origin", branch: "main")
    #expect(state.tip == first)
    #expect(state.branches == ["refs/heads/main"])
    #expect(try GitCLI.run(["for-each-ref"], in: other.path) == before)
    #expect(try GitCLI.run(["cat-file", "-t", first.hex], in: other.path) == "commit\n")
    try other.repository.updateRemoteTracking(remote: "origin", branch: "main", to: first)
    #expect(try GitCLI.run(["rev-parse", "origin/main"], in: other.path) == first.hex + "\n")
    #expect(try local.repository.remotes() == [Remote(name: "origin", url: remote.path)])
  }

  /// The lease: a push built on a tip the remote no longer holds changes nothing there.
  @Test func aPushOnAStaleTipIsRefusedAndChangesNothing() throws {
    let (remote, local, first) = try pair()
    let origin = try #require(try local.repository.remote(named: "origin"))
    let second = try local.repository.commitFiles(["proposals/b.md": "b\n"], message: "B\n")
    #expect(try local.repository.push(second, to: origin, branch: "main", expecting: first) == .pushed)
    let third = try local.repository.commitFiles(["proposals/c.md": "c\n"], message: "C\n")
    guard case .remoteMoved = try local.repository.push(third, to: origin, branch: "main", expecting: first) else {
      Issue.record("a push on a stale lease went through")
      return
    }
    #expect(try GitCLI.run(["rev-parse", "main"], in: remote.path) == second.hex + "\n")
    #expect(try GitCLI.status(["fsck", "--strict", "--no-dangling"], in: remote.path).status == 0)
  }

  @Test func independentRecordsMergeAndHandEditsConflict() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let base = try repository.commitFiles(["drafts/07.md": "one\ntwo\n"], message: "Base\n")
    let ours = try repository.commitFiles(["proposals/a.md": "a\n"], message: "A\n")
    let theirs = try repository.createCommit(
      tree: repository.writeTree(base: base, changes: [.upsert(path: "proposals/b.md", blob: repository.writeBlob(Data("b\n".utf8)))]),
      parents: [base], author: Fixture.alice, committer: Fixture.alice, message: "B\n")
    #expect(try repository.mergeBase(ours, theirs) == base)
    #expect(try repository.aheadBehind(ours, theirs) == (1, 1))
    let tree = try repository.mergedTree(ours: ours, theirs: theirs)
    let listed = try GitCLI.run(["ls-tree", "-r", "--name-only", tree.hex], in: scratch.path)
    #expect(listed == "drafts/07.md\nproposals/a.md\nproposals/b.md\n")
    let mine = try repository.commitFiles(["drafts/07.md": "one\nTWO\n"], message: "Hand\n")
    let yours = try repository.createCommit(
      tree: repository.writeTree(base: base, changes: [.upsert(path: "drafts/07.md", blob: repository.writeBlob(Data("one\n2\n".utf8)))]),
      parents: [base], author: Fixture.alice, committer: Fixture.alice, message: "Other hand\n")
    let conflict = #expect(throws: MergeConflict.self) { try repository.mergedTree(ours: mine, theirs: yours) }
    #expect(conflict?.paths == ["drafts/07.md"])
  }

  /// A merge that took a file unchanged from one side did not touch it: the path's history names the
  /// commit on that side, as `git log -- PATH` does.
  @Test func pathHistoryPassesThroughAMergeAsGitLogDoes() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let base = try repository.commitFiles(["drafts/07.md": "seven\n"], message: "Base\n")
    let ours = try repository.commitFiles(["proposals/a.md": "a\n"], message: "A\n")
    let draft = try repository.createCommit(
      tree: repository.writeTree(base: base, changes: [.upsert(path: "drafts/08.md", blob: repository.writeBlob(Data("eight\n".utf8)))]),
      parents: [base], author: Fixture.signature("Secretariat", minutes: 5), committer: Fixture.alice, message: "Eighth\n")
    let merge = try repository.createCommit(
      tree: repository.mergedTree(ours: ours, theirs: draft), parents: [ours, draft], author: Fixture.alice, committer: Fixture.alice,
      message: "Sync\n")
    let touching = try repository.history(from: merge, touching: "drafts/08.md").map(\.id.hex)
    #expect(touching == [draft.hex])
    #expect(try GitCLI.lines(["log", "--format=%H", merge.hex, "--", "drafts/08.md"], in: scratch.path) == touching)
  }

  /// HTTPS credentials come from git's credential helper, asked without a terminal prompt.
  @Test func credentialsComeFromGitsHelper() throws {
    let scratch = try ScratchDirectory()
    let config = scratch.join("gitconfig")
    try scratch.write(
      "[credential]\n\thelper = \"!f() { test \\\"$1\\\" = get && echo username=delegate && echo password=s3cret; }; f\"\n", to: "gitconfig")
    let answer = try #require(
      RemoteCredentials.fill(
        url: "https://forge.example.org/un/negotiation.git", environment: ["GIT_CONFIG_GLOBAL": config, "GIT_CONFIG_NOSYSTEM": "1"]))
    #expect(answer["username"] == "delegate" && answer["password"] == "s3cret")
    #expect(answer["host"] == "forge.example.org" && answer["protocol"] == "https")
  }
}
