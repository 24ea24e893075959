import Foundation
import GitCLISupport
import GitStore
import Testing

@Suite("Cross-checks with git")
struct FsckTests {
  @Test func repositoryWrittenThroughTheLayerPassesStrictFsck() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(
      ["README.md": "# Title\n", "docs/deep/nested/file.txt": "deep\n", "empty.txt": ""],
      message: "One\n")
    let side = try repository.commitFiles(["side.txt": "side\n"], branch: "side", message: "Side\n")
    _ = try repository.commitOnBranch("main") { tip in
      let base = try tip.map { try repository.treeID(ofCommit: $0) }
      let blob = try repository.writeBlob(Data("side\n".utf8))
      return CommitPlan(
        tree: try repository.writeTree(
          base: base, changes: [.upsert(path: "side.txt", blob: blob)]),
        extraParents: [side], author: Fixture.alice,
        committer: Fixture.signature("Bob", minutes: 5),
        message: "Merge side\n\nBody line.\n")
    }
    try repository.commitFiles([:], removing: ["docs/deep/nested/file.txt"], message: "Prune\n")
    _ = try repository.createTag("v1", target: first, tagger: Fixture.alice, message: "First\n")
    try GitCLI.run(["fsck", "--strict", "--no-dangling"], in: scratch.path)
    // first, side, the merge and the prune.
    let count = try GitCLI.run(["rev-list", "--count", "main"], in: scratch.path)
    #expect(count == "4\n")
  }

  @Test func bareRepositoryPassesStrictFsck() throws {
    let scratch = try ScratchRepository(bare: true)
    try scratch.repository.commitFiles(["a/b/c.txt": "c\n"], message: "One\n")
    try GitCLI.run(["fsck", "--strict"], in: scratch.path)
  }
}
