import Foundation
import GitCLISupport
import GitStore
import Testing

@Suite("Blame")
struct BlameTests {
  /// Several authors editing different lines, a rename, then edits after the rename.
  private struct Story {
    let scratch: ScratchRepository
    var commits: [String: ObjectID] = [:]
  }

  private func makeStory() throws -> Story {
    var story = Story(scratch: try ScratchRepository())
    let repository = story.scratch.repository
    var lines = ["one", "two", "three", "four", "five", "six"]
    func text() -> String { lines.joined(separator: "\n") + "\n" }
    story.commits["alice"] = try repository.commitFiles(
      ["doc.txt": text(), "other.txt": "other\n"], by: Fixture.signature("Alice", minutes: 0),
      message: "Write doc\n")
    lines[1] = "two, as Bob sees it"
    story.commits["bob"] = try repository.commitFiles(
      ["doc.txt": text()], by: Fixture.signature("Bob", minutes: 10), message: "Bob edits line 2\n")
    lines[4] = "five, as Carol sees it"
    lines.append("seven, added by Carol")
    story.commits["carol"] = try repository.commitFiles(
      ["doc.txt": text()], by: Fixture.signature("Carol", minutes: 20),
      message: "Carol edits line 5, adds 7\n")
    story.commits["dave"] = try repository.commitRename(
      "doc.txt", to: "notes/renamed.txt", by: Fixture.signature("Dave", minutes: 30),
      message: "Move doc\n")
    lines[2] = "three, as Erin sees it"
    story.commits["erin"] = try repository.commitFiles(
      ["notes/renamed.txt": text()], by: Fixture.signature("Erin", minutes: 40),
      message: "Erin edits line 3\n")
    lines[0] = "one, as Frank sees it"
    story.commits["frank"] = try repository.commitFiles(
      ["notes/renamed.txt": text(), "other.txt": "other 2\n"],
      by: Fixture.signature("Frank", minutes: 50),
      message: "Frank edits line 1\n")
    return story
  }

  /// Line number → (commit, original path) as `git blame --porcelain` reports them.
  ///
  /// Header lines read `<sha> <orig-line> <final-line> [<count>]`; porcelain names a commit's
  /// file ("filename …") only the first time that commit appears, so it is remembered per commit.
  private func gitBlame(
    _ path: String, at commit: ObjectID, in directory: String
  ) throws
    -> [Int: (commit: String, path: String)]
  {
    let output = try GitCLI.run(["blame", "--porcelain", commit.hex, "--", path], in: directory)
    var result: [Int: (commit: String, path: String)] = [:]
    var fileOfCommit: [String: String] = [:]
    var current: (commit: String, line: Int)?
    for line in output.split(separator: "\n") {
      let parts = line.split(separator: " ")
      if line.hasPrefix("\t"), let header = current {
        result[header.line] = (header.commit, fileOfCommit[header.commit] ?? "?")
      } else if line.hasPrefix("filename "), let header = current {
        fileOfCommit[header.commit] = String(line.dropFirst("filename ".count))
      } else if parts.count >= 3, parts[0].count == 40, parts[0].allSatisfy(\.isHexDigit),
        Int(parts[1]) != nil, let final = Int(parts[2])
      {
        current = (String(parts[0]), final)
      }
    }
    return result
  }

  private func ours(_ hunks: [BlameHunk]) -> [Int: (commit: String, path: String)] {
    var result: [Int: (commit: String, path: String)] = [:]
    for hunk in hunks {
      for line in hunk.lines { result[line] = (hunk.commit.hex, hunk.originalPath) }
    }
    return result
  }

  @Test func blameAtAGivenCommitNotHead() throws {
    let story = try makeStory()
    let repository = story.scratch.repository
    let erin = try #require(story.commits["erin"])
    let hunks = try repository.blame(path: "notes/renamed.txt", at: erin)
    let byLine = ours(hunks)
    #expect(byLine.keys.sorted() == Array(1...7))
    // Frank's later edit of line 1 (at HEAD) must not show.
    #expect(!hunks.contains { $0.commit == story.commits["frank"] })
    #expect(byLine[3]?.commit == story.commits["erin"]?.hex)
    #expect(hunks.first { $0.commit == erin }?.author.name == "Erin")
    #expect(hunks.first { $0.commit == erin }?.committer?.name == "Erin")
    // Hunks are in order and cover the file without gaps.
    var next = 1
    for hunk in hunks {
      #expect(hunk.startLine == next)
      next += hunk.lineCount
    }
  }

  @Test(arguments: ["erin", "frank"])
  func blameAgreesWithGitAcrossTheRename(at name: String) throws {
    let story = try makeStory()
    let commit = try #require(story.commits[name])
    let theirs = try gitBlame("notes/renamed.txt", at: commit, in: story.scratch.path)
    let mine = ours(try story.scratch.repository.blame(path: "notes/renamed.txt", at: commit))
    #expect(mine.keys.sorted() == theirs.keys.sorted())
    for line in theirs.keys.sorted() {
      #expect(mine[line]?.commit == theirs[line]?.commit, "line \(line) commit")
      #expect(mine[line]?.path == theirs[line]?.path, "line \(line) original path")
    }
  }

  @Test func blameAgreesWithGitBeforeTheRename() throws {
    let story = try makeStory()
    let carol = try #require(story.commits["carol"])
    let theirs = try gitBlame("doc.txt", at: carol, in: story.scratch.path)
    let hunks = try story.scratch.repository.blame(path: "doc.txt", at: carol)
    let mine = ours(hunks)
    #expect(mine.mapValues(\.commit) == theirs.mapValues(\.commit))
    #expect(Set(hunks.map(\.author.name)) == ["Alice", "Bob", "Carol"])
  }

  @Test func blameOfMissingPathIsAnError() throws {
    let story = try makeStory()
    let alice = try #require(story.commits["alice"])
    #expect(throws: GitError.self) {
      try story.scratch.repository.blame(path: "notes/renamed.txt", at: alice)
    }
  }
}
