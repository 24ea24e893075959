import Foundation
import GitCLISupport
import GitStore
import Testing

@Suite("Blobs and trees")
struct ObjectTests {
  @Test func blobIDsMatchGit() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let hello = Data("hello\n".utf8)
    #expect(try repository.hashBlob(hello).hex == "ce013625030ba8dba906f756967f9e9ca394464a")
    #expect(try repository.hashBlob(Data()).hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
    let hashed = try repository.hashBlob(hello)
    // hashBlob must not write the object.
    #expect(throws: GitCLI.Failure.self) {
      try GitCLI.run(["cat-file", "-e", hashed.hex], in: scratch.path)
    }
  }

  @Test func blobRoundTrip() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let bytes = Data([0, 1, 2, 255, 10, 13])
    let id = try repository.writeBlob(bytes)
    #expect(try repository.blobContent(id) == bytes)
    #expect(try repository.blobContent(try repository.writeBlob(Data())) == Data())
    #expect(try GitCLI.run(["cat-file", "-t", id.hex], in: scratch.path) == "blob\n")
  }

  @Test func objectIDParsing() throws {
    #expect(
      ObjectID(hex: "CE013625030BA8DBA906F756967F9E9CA394464A")?.hex
        == "ce013625030ba8dba906f756967f9e9ca394464a")
    #expect(ObjectID(hex: "ce01362")?.hex == nil)
    #expect(ObjectID(hex: "zz013625030ba8dba906f756967f9e9ca394464a") == nil)
    let id = try #require(ObjectID(hex: "ce013625030ba8dba906f756967f9e9ca394464a"))
    #expect(id.short == "ce01362")
    let encoded = try JSONEncoder().encode([id])
    #expect(
      String(decoding: encoded, as: UTF8.self) == "[\"ce013625030ba8dba906f756967f9e9ca394464a\"]")
    #expect(try JSONDecoder().decode([ObjectID].self, from: encoded) == [id])
  }

  @Test func emptyTreeHasWellKnownID() throws {
    let scratch = try ScratchRepository()
    let empty = try scratch.repository.writeTree(base: nil, changes: [])
    #expect(empty.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
  }

  @Test func nestedTreesOnTopOfABase() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let a = try repository.writeBlob(Data("a\n".utf8))
    let y = try repository.writeBlob(Data("y\n".utf8))
    let z = try repository.writeBlob(Data("z\n".utf8))
    let first = try repository.writeTree(
      base: nil, changes: [.upsert(path: "a.txt", blob: a), .upsert(path: "docs/x/y.txt", blob: y)])
    #expect(
      try GitCLI.run(["ls-tree", "-r", first.hex], in: scratch.path)
        == "100644 blob \(a.hex)\ta.txt\n100644 blob \(y.hex)\tdocs/x/y.txt\n")

    let second = try repository.writeTree(
      base: first,
      changes: [
        .upsert(path: "docs/x/z.txt", blob: z), .remove(path: "a.txt"),
        .remove(path: "never/there.txt"),
      ])
    #expect(
      try GitCLI.run(["ls-tree", "-r", second.hex], in: scratch.path)
        == "100644 blob \(y.hex)\tdocs/x/y.txt\n100644 blob \(z.hex)\tdocs/x/z.txt\n")

    // Removing every file of a folder removes the folder.
    let third = try repository.writeTree(
      base: second,
      changes: [
        .remove(path: "docs/x/y.txt"), .remove(path: "docs/x/z.txt"),
        .upsert(path: "b.txt", blob: a),
      ])
    #expect(
      try GitCLI.run(["ls-tree", "-r", "-t", third.hex], in: scratch.path)
        == "100644 blob \(a.hex)\tb.txt\n")
  }

  @Test func readsFilesAndFoldersOfACommit() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let commit = try repository.commitFiles(
      ["README": "read me\n", "docs/guide.md": "guide\n", "docs/api/index.md": "api\n"],
      message: "Files\n")
    #expect(
      try repository.fileContent(at: "docs/guide.md", inCommit: commit) == Data("guide\n".utf8))
    #expect(try repository.fileContent(at: "docs/missing.md", inCommit: commit) == nil)
    #expect(try repository.fileContent(at: "nowhere/missing.md", inCommit: commit) == nil)
    #expect(try repository.fileContent(at: "docs", inCommit: commit) == nil)

    let root = try repository.listTree(ofCommit: commit)
    #expect(root.map(\.name) == ["README", "docs"])
    #expect(root.map(\.kind) == [.blob, .tree])
    #expect(root.map(\.mode) == [0o100644, 0o040000])
    let docs = try repository.listTree(ofCommit: commit, under: "docs")
    #expect(docs.map(\.path) == ["docs/api", "docs/guide.md"])
    #expect(
      try repository.listTree(ofCommit: commit, under: "docs/api/").map(\.path) == [
        "docs/api/index.md"
      ])
    #expect(try repository.listTree(ofCommit: commit, under: "absent").isEmpty)
    #expect(try repository.listTree(ofCommit: commit, under: "README").isEmpty)
    #expect(try repository.treeID(ofCommit: commit) == repository.commit(commit).tree)
  }

  @Test func writingObjectsLeavesIndexAndWorkingTreeAlone() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(
      ["a.txt": "a\n", "dir/b.txt": "b\n"], message: "First\n")
    try repository.updateWorkingTree(paths: ["a.txt", "dir/b.txt"], to: first)
    try scratch.directory.write("edited\n", to: "a.txt")
    try scratch.directory.write("untracked\n", to: "u.txt")
    let statusBefore = try GitCLI.run(["status", "--porcelain"], in: scratch.path)
    let index = repository.gitDirectory + "/index"
    let indexBefore = try Data(contentsOf: URL(fileURLWithPath: index))

    let blob = try repository.writeBlob(Data("new\n".utf8))
    let tree = try repository.writeTree(
      base: repository.treeID(ofCommit: first),
      changes: [.upsert(path: "dir/deep/new.txt", blob: blob), .remove(path: "a.txt")])
    _ = try repository.createCommit(
      tree: tree, parents: [first], author: Fixture.alice, committer: Fixture.alice,
      message: "Loose\n")

    #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == indexBefore)
    #expect(try GitCLI.run(["status", "--porcelain"], in: scratch.path) == statusBefore)
    #expect(statusBefore == " M a.txt\n?? u.txt\n")
    #expect(scratch.directory.read("a.txt") == "edited\n")
    #expect(!FileManager.default.fileExists(atPath: scratch.directory.join("dir/deep")))
  }

  @Test func corruptObjectIsAnErrorNotACrash() throws {
    let scratch = try ScratchRepository()
    let id = try scratch.repository.writeBlob(Data("soon broken\n".utf8))
    let commit = try scratch.repository.commitFiles(["x.txt": "x\n"], message: "Fine\n")
    for target in [id, commit] {
      let hex = target.hex
      let file = scratch.repository.gitDirectory + "/objects/\(hex.prefix(2))/\(hex.dropFirst(2))"
      try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
      try Data("this is not zlib".utf8).write(to: URL(fileURLWithPath: file))
    }
    // A fresh handle: the first one may still cache the objects.
    let reopened = try Repository.open(at: scratch.path)
    let blobError = try #require(throws: GitError.self) { try reopened.blobContent(id) }
    #expect(!blobError.message.isEmpty)
    #expect(!blobError.message.contains("\n"))
    #expect(throws: GitError.self) { try reopened.commit(commit) }
    #expect(throws: GitError.self) { try reopened.history(from: commit) }
  }

  @Test func missingObjectIsNotFound() throws {
    let scratch = try ScratchRepository()
    let missing = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
    let error = try #require(throws: GitError.self) { try scratch.repository.blobContent(missing) }
    #expect(error.isNotFound)
  }
}
