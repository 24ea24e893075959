import Foundation
import GitCLISupport
import Testing

/// Refusals of `amend clone` and `amend sync`: one line, non-zero exit, nothing on the record changed
/// (refs, remote-tracking refs and tags included).
@Suite("Hostile sync: remotes that are wrong, unreachable or not negotiations")
struct SyncHostileTests {
  @Test func anUnknownRemoteIsRefusedNamingTheRemotes() throws {
    let stage = try SyncStage(.path)
    try expectRefusal(
      HostileCase(name: "unknown remote", arguments: ["sync", "upstream"], message: "no remote named 'upstream': the remotes are origin"),
      in: stage.folder("sec"))
  }

  @Test func aRepositoryWithoutRemotesIsRefused() throws {
    let root = try Scratch()
    try amend(["init", "--from", CLI.seed, "--repo", "alone"], as: Party.secretariat, in: root.path)
    try expectRefusal(
      HostileCase(name: "no remote", arguments: ["sync"], message: "has no remote to sync with: add one with 'git remote add origin URL'"),
      in: root.path + "/alone")
  }

  @Test func anUnreachableRemoteIsRefused() throws {
    let stage = try SyncStage(.path)
    let sec = stage.folder("sec")
    try GitCLI.run(["remote", "add", "gone", stage.root.path + "/nowhere.git"], in: sec)
    try expectRefusal(
      HostileCase(
        name: "missing path", arguments: ["sync", "gone"], message: "cannot reach remote 'gone' at \(stage.root.path)/nowhere.git (there is no folder"
      ), in: sec)
    let port = try GitDaemon.freePort()
    try GitCLI.run(["remote", "add", "silent", "git://127.0.0.1:\(port)/negotiation.git"], in: sec)
    try expectRefusal(HostileCase(name: "nothing listening", arguments: ["sync", "silent"], message: "cannot reach remote 'silent'"), in: sec)
    try expectRefusal(
      HostileCase(name: "clone from nowhere", arguments: ["clone", "git://127.0.0.1:\(port)/negotiation.git", "x"], message: "cannot reach"),
      in: stage.root.path)
  }

  /// A repository with commits but no draft: neither cloned nor synced with.
  @Test func aRepositoryThatIsNotANegotiationIsRefused() throws {
    let stage = try SyncStage(.path)
    let other = stage.root.path + "/other"
    try GitCLI.run(["init", "-q", "-b", "main", other], in: stage.root.path)
    try Data("notes\n".utf8).write(to: URL(fileURLWithPath: other + "/README"))
    try GitCLI.run(["add", "README"], in: other)
    try GitCLI.run(["-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-qm", "notes"], in: other)
    try GitCLI.run(["clone", "-q", "--bare", other, stage.root.path + "/srv/notes.git"], in: stage.root.path)
    try expectRefusal(
      HostileCase(
        name: "clone of a plain repository", arguments: ["clone", stage.root.path + "/srv/notes.git", "notes"],
        message: "is not an amend repository: its branch 'main' holds no draft"), in: stage.root.path)
    #expect(!FileManager.default.fileExists(atPath: stage.root.path + "/notes"))
    try GitCLI.run(["remote", "add", "notes", stage.root.path + "/srv/notes.git"], in: stage.folder("sec"))
    try expectRefusal(
      HostileCase(name: "sync with a plain repository", arguments: ["sync", "notes"], message: "is not an amend repository"),
      in: stage.folder("sec"))
    let empty = stage.root.path + "/srv/empty.git"
    try GitCLI.run(["init", "-q", "--bare", empty], in: stage.root.path)
    try expectRefusal(
      HostileCase(name: "clone of an empty repository", arguments: ["clone", empty], message: "it has no branch with commits"),
      in: stage.root.path)
  }

  @Test func anotherNegotiationIsRefused() throws {
    let stage = try SyncStage(.path)
    try amend(["init", "--from", CLI.seed, "--repo", "stranger"], as: Party.chair, in: stage.root.path, at: "2011-01-01T09:00:00Z")
    try GitCLI.run(["remote", "add", "origin", stage.url], in: stage.folder("stranger"))
    try expectRefusal(
      HostileCase(name: "unrelated histories", arguments: ["sync"], message: "holds another negotiation"), in: stage.folder("stranger"))
  }

  @Test func uncommittedRecordFilesAreRefused() throws {
    let stage = try SyncStage(.path)
    let sec = stage.folder("sec")
    try FileManager.default.createDirectory(atPath: sec + "/proposals", withIntermediateDirectories: true)
    try Data("---\nid: deadbeef\n---\n".utf8).write(to: URL(fileURLWithPath: sec + "/proposals/deadbeef.md"))
    try expectRefusal(
      HostileCase(name: "an untracked record", arguments: ["sync"], message: "not committed: proposals/deadbeef.md"), in: sec)
  }

  @Test func aCloneIntoAFolderInUseIsRefused() throws {
    let stage = try SyncStage(.path)
    try expectRefusal(
      HostileCase(name: "clone over the secretariat", arguments: ["clone", stage.url, "sec"], message: "sec already exists and is not empty"),
      in: stage.root.path)
  }

  /// A record edited by hand on both sides is a textual conflict: nothing is merged or pushed.
  @Test func handEditsThatCollideAreRefused() throws {
    let stage = try SyncStage(.path)
    try stage.clone("eu", as: Party.europeanUnion)
    let draft = "drafts/07-seventh-draft.md"
    for (name, words) in [("sec", "labour"), ("eu", "work")] {
      let path = stage.folder(name) + "/" + draft
      let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "forced labor", with: "forced \(words)")
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      try GitCLI.run(["-c", "user.name=Hand", "-c", "user.email=hand@example.org", "commit", "-qam", "by hand"], in: stage.folder(name))
    }
    try amend(["sync"], as: Party.secretariat, in: stage.folder("sec"))
    let remoteBefore = try GitCLI.run(["rev-parse", "main"], in: stage.remoteFolder)
    try expectRefusal(
      HostileCase(name: "hand edits on both sides", arguments: ["sync"], message: "changed \(draft) differently"), in: stage.folder("eu"))
    #expect(try GitCLI.run(["rev-parse", "main"], in: stage.remoteFolder) == remoteBefore)
  }

  /// A remote that refuses the push (a hook) although no one else pushed: refused, not retried for ever.
  @Test func aRemoteThatRefusesThePushIsRefused() throws {
    let stage = try SyncStage(.git)
    defer { stage.stop() }
    let hook = stage.remoteFolder + "/hooks/pre-receive"
    try Data("#!/bin/sh\necho 'the record is closed' >&2\nexit 1\n".utf8).write(to: URL(fileURLWithPath: hook))
    chmod(hook, 0o755)
    try amend(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], as: Party.europeanUnion,
      in: stage.folder("sec"), nonce: 1)
    try expectRefusal(
      HostileCase(name: "pre-receive refuses", arguments: ["sync"], message: "remote 'origin' refused the push"), in: stage.folder("sec"))
  }
}
