import Foundation
import Testing

@testable import GitStore

/// Each failure libgit2 reports is told apart by kind, and only damage is called damage.
@Suite("Kinds of git failure")
struct GitErrorKindsTests {
  static func caught(_ body: () throws -> Void) -> GitError? {
    do {
      try body()
      return nil
    } catch let error as GitError {
      return error
    } catch {
      return nil
    }
  }

  @Test func heldIndexLockNamesTheLockFile() throws {
    let scratch = try ScratchRepository()
    let commit = try scratch.repository.commitFiles(["proposals/a.md": "a"], message: "One")
    _ = FileManager.default.createFile(atPath: scratch.path + "/.git/index.lock", contents: Data())
    let error = try #require(Self.caught { try scratch.repository.updateWorkingTree(paths: ["proposals/a.md"], to: commit) })
    #expect(error.kind == .locked(lockFile: ".git/index.lock"), "\(error)")
    #expect(error.explanation.contains("delete .git/index.lock"))
    #expect(!error.explanation.contains("damaged"))
  }

  @Test func heldReferenceLockNamesTheLockFile() throws {
    let scratch = try ScratchRepository()
    let first = try scratch.repository.commitFiles(["a": "a"], message: "One")
    _ = FileManager.default.createFile(atPath: scratch.path + "/.git/refs/heads/main.lock", contents: Data())
    let error = try #require(
      Self.caught { try scratch.repository.updateReference("refs/heads/main", to: first, expecting: first, message: "m") })
    #expect(error.kind == .locked(lockFile: scratch.path + "/.git/refs/heads/main.lock"), "\(error)")
  }

  @Test(arguments: ["A<b", "A>b"])
  func refusedSignature(_ name: String) throws {
    let scratch = try ScratchRepository()
    let commit = try scratch.repository.commitFiles(["a": "a"], message: "One")
    let error = try #require(
      Self.caught {
        _ = try scratch.repository.createTag(
          "t", target: commit, tagger: Signature(name: name, email: "a@b", time: Fixture.epoch), message: "t")
      })
    #expect(error.kind == .invalidSignature, "\(error)")
  }

  @Test func emptyEmailIsARefusedSignature() throws {
    let scratch = try ScratchRepository()
    let commit = try scratch.repository.commitFiles(["a": "a"], message: "One")
    let error = try #require(
      Self.caught {
        _ = try scratch.repository.createTag(
          "t", target: commit, tagger: Signature(name: "A", email: "", time: Fixture.epoch), message: "t")
      })
    #expect(error.kind == .invalidSignature, "\(error)")
  }

  @Test func tagMadeMeanwhileIsARace() throws {
    let scratch = try ScratchRepository()
    let commit = try scratch.repository.commitFiles(["a": "a"], message: "One")
    _ = try scratch.repository.createTag("draft-8", target: commit, tagger: Fixture.alice, message: "8")
    let error = try #require(
      Self.caught { _ = try scratch.repository.createTag("draft-8", target: commit, tagger: Fixture.alice, message: "8") })
    #expect(error.kind == .exists, "\(error)")
    #expect(error.explanation.contains("another process made it at the same moment"))
  }

  @Test func damagedObjectIsDamage() throws {
    let scratch = try ScratchRepository()
    let commit = try scratch.repository.commitFiles(["a": "a"], message: "One")
    let tree = try scratch.repository.treeID(ofCommit: commit).hex
    let object = scratch.path + "/.git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))"
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object)
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: object))
    let reopened = try Repository.open(at: scratch.path)
    let error = try #require(Self.caught { _ = try reopened.blobID(at: "a", inCommit: commit) })
    #expect(error.kind == .damaged, "\(error)")
    #expect(error.explanation.hasSuffix("the repository may be damaged: 'git fsck' shows what is wrong"))
  }

  @Test(
    "Operating-system failures are read from the text libgit2 appends",
    arguments: [
      (EROFS, GitError.Kind.readOnly(path: "/r/.git/objects/tmp_1")),
      (EACCES, .permissionDenied(path: "/r/.git/objects/tmp_1")),
      (ENOSPC, .diskFull),
      (EDQUOT, .diskFull),
    ])
  func operatingSystem(errno: Int32, kind: GitError.Kind) {
    let error = GitError(osError: errno, message: "failed to create temporary file '/r/.git/objects/tmp_1'")
    #expect(error.kind == kind)
    #expect(!error.explanation.contains("damaged"))
  }

  @Test func anotherOwner() {
    let error = GitError(code: -36, errorClass: 6, message: "repository path '/r' is not owned by current user")
    #expect(error.kind == .otherOwner(path: "/r"))
    #expect(error.explanation.contains("safe.directory /r"))
  }
}
