import Foundation
import GitCLISupport
import GitStore
import Testing

@Suite("Tags")
struct TagTests {
  @Test func createAndReadAnnotatedTags() throws {
    let scratch = try ScratchRepository()
    let repository = scratch.repository
    let first = try repository.commitFiles(["a.txt": "1\n"], message: "One\n")
    let second = try repository.commitFiles(["a.txt": "2\n"], message: "Two\n")
    let tag = try repository.createTag(
      "v1", target: first, tagger: Fixture.alice, message: "Version 1\n")
    _ = try repository.createTag(
      "v2", target: second, tagger: Fixture.alice, message: "Version 2\n")

    #expect(tag != first)
    #expect(try GitCLI.run(["cat-file", "-t", tag.hex], in: scratch.path) == "tag\n")
    #expect(try GitCLI.run(["rev-parse", "v1^{commit}"], in: scratch.path) == first.hex + "\n")
    #expect(try repository.tagTarget("v1") == first)
    #expect(try repository.tagTarget("nope") == nil)
    let all = try repository.tags()
    #expect(all.map(\.name) == ["v1", "v2"])
    #expect(all.map(\.target) == [first, second])

    let again = try #require(throws: GitError.self) {
      try repository.createTag("v1", target: second, tagger: Fixture.alice, message: "Again\n")
    }
    #expect(again.isExists)
    #expect(try repository.tagTarget("v1") == first)
  }

  @Test func lightweightTagsMadeByGitAreRead() throws {
    let scratch = try ScratchRepository()
    let first = try scratch.repository.commitFiles(["a.txt": "1\n"], message: "One\n")
    try GitCLI.run(["tag", "light", first.hex], in: scratch.path)
    #expect(try scratch.repository.tagTarget("light") == first)
    #expect(try scratch.repository.tags().map(\.name) == ["light"])
  }
}
