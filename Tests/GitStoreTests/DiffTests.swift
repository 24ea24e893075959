import Foundation
import GitCLISupport
import GitStore
import Testing

@Suite("Diffs")
struct DiffTests {
  @Test func diffTwoTrees() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(
      [
        "keep.txt": "keep\n", "edit.txt": "old\n", "gone.txt": "gone\n",
        "docs/moved.md": "a long enough line to be similar\nand another\n",
      ],
      message: "One\n")
    let second = try repository.commitFiles(
      [
        "edit.txt": "new\n", "added.txt": "added\n",
        "notes/moved.md": "a long enough line to be similar\nand another\n",
      ],
      removing: ["gone.txt", "docs/moved.md"], message: "Two\n")
    let old = try repository.treeID(ofCommit: first)
    let new = try repository.treeID(ofCommit: second)

    let plain = try repository.diff(from: old, to: new)
    #expect(
      plain.map(\.path) == ["added.txt", "docs/moved.md", "edit.txt", "gone.txt", "notes/moved.md"])
    #expect(plain.map(\.status) == [.added, .deleted, .modified, .deleted, .added])
    let edit = try #require(plain.first { $0.path == "edit.txt" })
    #expect(edit.oldID == (try repository.hashBlob(Data("old\n".utf8))))
    #expect(edit.newID == (try repository.hashBlob(Data("new\n".utf8))))
    let added = try #require(plain.first)
    #expect(added.oldPath == nil && added.oldID == nil && added.newPath == "added.txt")

    let renamed = try repository.diff(from: old, to: new, detectRenames: true)
    let move = try #require(renamed.first { $0.status == .renamed })
    #expect(move.oldPath == "docs/moved.md" && move.newPath == "notes/moved.md")
    #expect(renamed.count == 4)

    #expect(
      try repository.diff(from: old, to: new, paths: ["edit.txt", "docs"]).map(\.path) == [
        "docs/moved.md", "edit.txt",
      ])
    #expect(try repository.diff(from: nil, to: old).allSatisfy { $0.status == .added })
    #expect(try repository.diff(from: first, to: first).isEmpty)
  }

  @Test func patchTextForOnePath() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(
      ["a.txt": "one\ntwo\nthree\n", "b.txt": "b\n"], message: "One\n")
    let second = try repository.commitFiles(
      ["a.txt": "one\n2\nthree\n", "b.txt": "bb\n"], message: "Two\n")
    let patch = try repository.patch(from: first, to: second, path: "a.txt")
    #expect(patch.contains("--- a/a.txt\n+++ b/a.txt\n"))
    #expect(patch.contains("-two\n+2\n"))
    #expect(!patch.contains("b.txt"))
    let theirs = try GitCLI.run(["diff", first.hex, second.hex, "--", "a.txt"], in: scratch.path)
    #expect(patch == theirs)
    #expect(try repository.patch(from: first, to: first, path: "a.txt") == "")
  }
}
