import Foundation
import GitCLISupport
import GitStore
import Testing

@Suite("History")
struct HistoryTests {
  /// Five commits by different people touching different files.
  private func makeHistory(_ repository: Repository) throws -> [ObjectID] {
    [
      try repository.commitFiles(
        ["docs/a.md": "a\n", "b.txt": "b\n"], by: Fixture.signature("Alice", minutes: 0),
        message: "Add a and b\n"),
      try repository.commitFiles(
        ["b.txt": "b2\n"], by: Fixture.signature("Bob", minutes: 10), message: "Edit b\n"),
      try repository.commitFiles(
        ["docs/a.md": "a2\n"], by: Fixture.signature("Carol", minutes: 20), message: "Edit a\n"),
      try repository.commitFiles(
        ["docs/c.md": "c\n"], by: Fixture.signature("Dave", minutes: 30), message: "Add c\n"),
      try repository.commitFiles(
        [:], removing: ["b.txt"], by: Fixture.signature("Erin", minutes: 40), message: "Drop b\n"),
    ]
  }

  @Test func walksNewestFirstAndMatchesGitLog() throws {
    let scratch = try ScratchRepository()
    let ids = try makeHistory(scratch.repository)
    let tip = try #require(ids.last)
    let history = try scratch.repository.history(from: tip)
    #expect(history.map(\.id) == ids.reversed())
    let ours = history.map {
      "\($0.author.name) <\($0.author.email)> \(Int($0.author.time.timeIntervalSince1970))"
    }
    #expect(try GitCLI.lines(["log", "--format=%an <%ae> %at", tip.hex], in: scratch.path) == ours)
    #expect(
      try scratch.repository.history(from: tip, limit: 2).map(\.id)
        == Array(ids.reversed().prefix(2)))
    #expect(try scratch.repository.history(from: tip, limit: 0).isEmpty)
  }

  @Test(arguments: ["b.txt", "docs/a.md", "docs", "docs/", "docs/c.md", "missing.txt"])
  func pathLimitedHistoryMatchesGitLog(path: String) throws {
    let scratch = try ScratchRepository()
    let ids = try makeHistory(scratch.repository)
    let tip = try #require(ids.last)
    let ours = try scratch.repository.history(from: tip, touching: path).map(\.id.hex)
    let theirs = try GitCLI.lines(["log", "--format=%H", tip.hex, "--", path], in: scratch.path)
    #expect(ours == theirs)
    #expect(!ours.isEmpty || path == "missing.txt")
  }

  @Test func historyFromAnOlderCommit() throws {
    let scratch = try ScratchRepository()
    let ids = try makeHistory(scratch.repository)
    let history = try scratch.repository.history(from: ids[2], touching: "b.txt")
    #expect(history.map(\.id) == [ids[1], ids[0]])
  }
}
