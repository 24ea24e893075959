import Foundation
import GitCLISupport
import GitStore
import Testing

@Suite("Working tree updates")
struct WorkingTreeTests {
  @Test func updatesOnlyTheNamedPaths() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(
      ["a.txt": "a1\n", "b.txt": "b1\n", "dir/c.txt": "c1\n", "dir/keep.txt": "keep\n"],
      message: "One\n")
    try repository.updateWorkingTree(
      paths: ["a.txt", "b.txt", "dir/c.txt", "dir/keep.txt"], to: first)
    #expect(try GitCLI.run(["status", "--porcelain"], in: scratch.path) == "")

    // An uncommitted edit and an untracked file that must survive.
    try scratch.directory.write("b edited by hand\n", to: "b.txt")
    try scratch.directory.write("mine\n", to: "untracked.txt")

    let second = try repository.commitFiles(
      ["a.txt": "a2\n", "new/d.txt": "d\n"], removing: ["dir/c.txt"],
      message: "Two\n")
    try repository.updateWorkingTree(paths: ["a.txt", "dir/c.txt", "new/d.txt"], to: second)

    #expect(scratch.directory.read("a.txt") == "a2\n")
    #expect(scratch.directory.read("new/d.txt") == "d\n")
    #expect(!FileManager.default.fileExists(atPath: scratch.directory.join("dir/c.txt")))
    #expect(scratch.directory.read("dir/keep.txt") == "keep\n")
    #expect(scratch.directory.read("b.txt") == "b edited by hand\n")
    #expect(scratch.directory.read("untracked.txt") == "mine\n")
    // Only the hand edit and the untracked file remain as differences from HEAD.
    let status = try GitCLI.run(["status", "--porcelain"], in: scratch.path)
    #expect(status == " M b.txt\n?? untracked.txt\n")
  }

  @Test func restoresAFileDeletedByHand() throws {
    let scratch = try ScratchRepository()
    let first = try scratch.repository.commitFiles(["a.txt": "a\n"], message: "One\n")
    try scratch.repository.updateWorkingTree(paths: ["a.txt"], to: first)
    try FileManager.default.removeItem(atPath: scratch.directory.join("a.txt"))
    try scratch.repository.updateWorkingTree(paths: ["a.txt"], to: first)
    #expect(scratch.directory.read("a.txt") == "a\n")
  }

  @Test func removesANamedUntrackedFileTheCommitLacks() throws {
    let scratch = try ScratchRepository()
    let first = try scratch.repository.commitFiles(["a.txt": "a\n"], message: "One\n")
    try scratch.directory.write("stale\n", to: "stale.txt")
    try scratch.directory.write("other\n", to: "other.txt")
    try scratch.repository.updateWorkingTree(paths: ["stale.txt"], to: first)
    #expect(!FileManager.default.fileExists(atPath: scratch.directory.join("stale.txt")))
    #expect(scratch.directory.read("other.txt") == "other\n")
    #expect(scratch.directory.read("a.txt") == nil)
  }

  @Test func bareRepositoryIsANoOp() throws {
    let scratch = try ScratchRepository(bare: true)
    let first = try scratch.repository.commitFiles(["a.txt": "a\n"], message: "One\n")
    try scratch.repository.updateWorkingTree(paths: ["a.txt"], to: first)
    #expect(!FileManager.default.fileExists(atPath: scratch.directory.join("a.txt")))
  }

  @Test func waitsForAConcurrentIndexLock() throws {
    let scratch = try ScratchRepository()
    let first = try scratch.repository.commitFiles(["a.txt": "a\n"], message: "One\n")
    let lock = scratch.repository.gitDirectory + "/index.lock"
    _ = FileManager.default.createFile(atPath: lock, contents: Data())
    let error = try #require(throws: GitError.self) {
      try scratch.repository.updateWorkingTree(paths: ["a.txt"], to: first)
    }
    #expect(error.isLocked)
    try FileManager.default.removeItem(atPath: lock)
    try scratch.repository.updateWorkingTree(paths: ["a.txt"], to: first)
    #expect(scratch.directory.read("a.txt") == "a\n")
  }
}
