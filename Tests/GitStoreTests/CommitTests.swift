import Foundation
import GitCLISupport
import GitStore
import Testing

@Suite("Commits and compare-and-swap")
struct CommitTests {
  @Test func commitRecordsExplicitAuthorAndCommitter() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let blob = try repository.writeBlob(Data("hello\n".utf8))
    let tree = try repository.writeTree(
      base: nil, changes: [.upsert(path: "hello.txt", blob: blob)])
    let author = Signature(
      name: "Ada Author", email: "ada@example.com", time: Fixture.epoch, timeZoneOffsetMinutes: 120)
    let committer = Signature(
      name: "Cy Committer", email: "cy@example.com", time: Fixture.epoch.addingTimeInterval(3600),
      timeZoneOffsetMinutes: -330)
    let id = try repository.createCommit(
      tree: tree, parents: [], author: author, committer: committer,
      message: "Say hello\n\nWith a body.\n")

    let commit = try repository.commit(id)
    #expect(commit.id == id)
    #expect(commit.tree == tree)
    #expect(commit.parents == [])
    #expect(commit.author == author)
    #expect(commit.committer == committer)
    #expect(commit.message == "Say hello\n\nWith a body.\n")
    #expect(commit.summary == "Say hello")
    // No reference moved.
    #expect(try repository.headCommitID() == nil)

    // git computes the same id from the same inputs.
    let expected = try GitCLI.run(
      ["commit-tree", tree.hex, "-m", "Say hello", "-m", "With a body."], in: scratch.path,
      environment: [
        "GIT_AUTHOR_NAME": "Ada Author", "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_AUTHOR_DATE": "1286870400 +0200",
        "GIT_COMMITTER_NAME": "Cy Committer", "GIT_COMMITTER_EMAIL": "cy@example.com",
        "GIT_COMMITTER_DATE": "1286874000 -0530",
      ])
    #expect(expected == id.hex + "\n")
    #expect(
      try GitCLI.run(
        ["log", "-1", "--format=%an|%ae|%at|%ai|%cn|%ce|%ct|%ci", id.hex], in: scratch.path)
        == "Ada Author|ada@example.com|1286870400|2010-10-12 10:00:00 +0200|Cy Committer|cy@example.com|1286874000|2010-10-12 03:30:00 -0530\n"
    )
  }

  @Test func commitWithParentsAndMerge() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let base = try repository.commitFiles(["a.txt": "a\n"], message: "Base\n")
    let side = try repository.commitFiles(["b.txt": "b\n"], branch: "side", message: "Side\n")
    let merge = try repository.commitOnBranch("main") { tip in
      CommitPlan(
        tree: try repository.treeID(ofCommit: side), extraParents: [side], signature: Fixture.alice,
        message: "Merge side\n")
    }
    #expect(try repository.commit(merge).parents == [base, side])
    #expect(try repository.commit(side).parents == [])
  }

  @Test func staleExpectationFailsWithModifiedAndLeavesReference() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(["a.txt": "1\n"], message: "One\n")
    let second = try repository.commitFiles(["a.txt": "2\n"], message: "Two\n")
    let tree = try repository.treeID(ofCommit: first)
    let rival = try repository.createCommit(
      tree: tree, parents: [first], author: Fixture.alice, committer: Fixture.alice,
      message: "Rival\n")

    let stale = try #require(throws: GitError.self) {
      try repository.updateReference(
        "refs/heads/main", to: rival, expecting: first, message: "rival")
    }
    #expect(stale.isModified)
    #expect(try repository.referenceTarget("refs/heads/main") == second)

    let exists = try #require(throws: GitError.self) {
      try repository.updateReference("refs/heads/main", to: rival, expecting: nil, message: "rival")
    }
    #expect(exists.isExists)
    #expect(try repository.referenceTarget("refs/heads/main") == second)

    try repository.updateReference(
      "refs/heads/main", to: rival, expecting: second, message: "rival wins")
    #expect(try repository.referenceTarget("refs/heads/main") == rival)
    let reflog = try GitCLI.run(["reflog", "-1", "--format=%gs", "main"], in: scratch.path)
    #expect(reflog == "rival wins\n")
  }

  @Test func commitOnBranchStartsUnbornBranchAndChains() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    var seen: [ObjectID?] = []
    let first = try repository.commitOnBranch("main") { tip in
      seen.append(tip)
      return CommitPlan(
        tree: try repository.writeTree(base: nil, changes: []), signature: Fixture.alice,
        message: "Root\n")
    }
    let second = try repository.commitOnBranch("refs/heads/main") { tip in
      seen.append(tip)
      return CommitPlan(
        tree: try repository.treeID(ofCommit: first), signature: Fixture.alice, message: "Next\n")
    }
    #expect(seen == [nil, first])
    #expect(try repository.commit(second).parents == [first])
    #expect(try repository.headCommitID() == second)
  }

  @Test func commitOnBranchPassesDomainErrorsThrough() throws {
    struct Refused: Error {}
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(["a.txt": "a\n"], message: "One\n")
    #expect(throws: Refused.self) {
      try repository.commitOnBranch("main") { _ in throw Refused() }
    }
    #expect(try repository.referenceTarget("refs/heads/main") == first)
  }

  @Test func commitOnBranchRetriesWhenAnotherWriterMovesTheBranch() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(["a.txt": "a\n"], message: "One\n")
    let other = try Repository.open(at: scratch.path)
    var calls = 0
    let mine = try repository.commitOnBranch("main") { tip in
      calls += 1
      if calls == 1 {
        // Another writer lands a commit between our read of the tip and our update.
        try other.commitFiles(["b.txt": "b\n"], message: "Sneaky\n")
      }
      let base = try tip.map { try repository.treeID(ofCommit: $0) }
      let blob = try repository.writeBlob(Data("c\n".utf8))
      return CommitPlan(
        tree: try repository.writeTree(base: base, changes: [.upsert(path: "c.txt", blob: blob)]),
        signature: Fixture.alice, message: "Mine\n")
    }
    #expect(calls == 2)
    let parent = try #require(try repository.commit(mine).parents.first)
    #expect(try repository.commit(parent).summary == "Sneaky")
    #expect(try repository.commit(parent).parents == [first])
    #expect(try repository.fileContent(at: "b.txt", inCommit: mine) == Data("b\n".utf8))
  }
}
