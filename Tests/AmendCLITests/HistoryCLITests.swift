import Foundation
import Testing

@Suite("History from the command line: history, blame, diff and log on the bundled example")
struct HistoryCLITests {
  func json(_ run: Run) throws -> Any {
    try #require(run.status == 0, "\(run.stderr)")
    return try JSONSerialization.jsonObject(with: run.stdoutData)
  }

  @Test("history 7.b names the European Union, whose amendment to 7 (b) was accepted; blame gives it exactly 'labour'")
  func bundledExampleHistoryAndBlame() throws {
    let scratch = try Scratch()
    let repo = try bundledExample(in: scratch)

    let history = try #require(try json(CLI.run(["history", "7.b", "--json"], in: repo)) as? [String: Any])
    let versions = try #require(history["versions"] as? [[String: Any]])
    #expect(versions.map { $0["draft"] as? Int } == [7, 8])
    let changes = try #require(versions.last?["changes"] as? [[String: Any]])
    let sources = changes.compactMap { $0["source"] as? [String: Any] }
    let proposals = sources.compactMap { $0["proposal"] as? [String: Any] }
    let european = try #require(proposals.first { $0["delegation"] as? String == "European Union" })
    #expect(european["operation"] as? String == "replace 'forced labor' with 'forced labour'")
    let decision = try #require(european["decision"] as? [String: Any])
    #expect(decision["kind"] as? String == "accepted" && decision["chair"] as? String == "Ambassador Ndiaye")
    #expect(decision["date"] as? String == "2010-10-13" && decision["sessionName"] as? String == "Second reading")
    #expect(sources.allSatisfy { ($0["commit"] as? String)?.count == 40 })

    let text = try CLI.run(["history", "7 (b)"], in: repo)
    #expect(text.status == 0)
    #expect(text.stdout.contains("amended by European Union: replace 'forced labor' with 'forced labour'"))
    #expect(text.stdout.contains("accepted in session Second reading (2010-10-13), chair Ambassador Ndiaye"))

    let blame = try #require(try json(CLI.run(["blame", "7.b", "--json"], in: repo)) as? [String: Any])
    let spans = try #require(blame["spans"] as? [[String: Any]])
    func words(of delegation: String) -> [String] {
      spans.filter { (($0["source"] as? [String: Any])?["proposal"] as? [String: Any])?["delegation"] as? String == delegation }
        .compactMap { $0["text"] as? String }
    }
    #expect(words(of: "European Union") == ["labour"])
    #expect(words(of: "Group of African States") == [", smuggling"])
    #expect(spans.compactMap { $0["text"] as? String }.joined() == blame["text"] as? String)

    // The line's attribution is git blame's.
    let lines = try #require(blame["lines"] as? [[String: Any]])
    let line = try #require(lines.first?["line"] as? Int)
    let porcelain = try git(["blame", "--porcelain", "-L", "\(line),\(line)", "drafts/08-eighth-draft.md"], in: repo)
    #expect(porcelain.hasPrefix(((lines.first?["source"] as? [String: Any])?["commit"] as? String) ?? "?"))
    let plain = try CLI.run(["blame", "7 (b)"], in: repo)
    #expect(plain.stdout.contains("\"labour\"") && plain.stdout.contains("European Union ["))
  }

  @Test("diff shows the redline from the seventh to the eighth draft, attributed, in text and markdown")
  func bundledExampleDiff() throws {
    let scratch = try Scratch()
    let repo = try bundledExample(in: scratch)
    let markdown = try CLI.run(["diff", "--format", "markdown", "--clause", "7.b"], in: repo)
    #expect(markdown.status == 0, "\(markdown.stderr)")
    #expect(markdown.stdout.contains("# From the seventh draft to the eighth draft"))
    #expect(markdown.stdout.contains("forced ~~labor~~ **labour** of migrant workers"))
    #expect(markdown.stdout.contains("*European Union ["))
    let text = try CLI.run(["diff", "7", "8"], in: repo)
    #expect(text.stdout.contains("7 (c) → 7 (d) renumbered"))
    #expect(text.stdout.contains("forced [-labor-] {+labour+}"))
    #expect(text.stdout.contains("7 (c) introduced"))
    let all = try #require(try json(CLI.run(["diff", "--format", "json"], in: repo)) as? [String: Any])
    #expect(all["from"] as? Int == 7 && all["to"] as? Int == 8)
  }

  @Test("log lists the events newest first and shows hand-made commits as such")
  func logWithHandMadeCommit() throws {
    let scratch = try Scratch()
    let repo = try bundledExample(in: scratch)
    try "Read slowly.\n".write(toFile: repo + "/NOTES.txt", atomically: true, encoding: .utf8)
    try git(["add", "NOTES.txt"], in: repo)
    try git(["-c", "user.name=Jane Clerk", "-c", "user.email=jane@example.org", "commit", "-q", "-m", "Add notes"], in: repo)
    let entries = try #require(try json(CLI.run(["log", "--json"], in: repo)) as? [[String: Any]])
    #expect(entries.first?["event"] as? String == "hand-made" && entries.first?["handMade"] as? Bool == true)
    #expect(entries.first?["author"] as? String == "Jane Clerk")
    #expect(entries.dropFirst().first?["event"] as? String == "draft-produced")
    #expect(entries.contains { $0["event"] as? String == "tabled" && $0["delegation"] as? String == "European Union" })
    #expect(entries.last?["event"] as? String == "draft-produced")
    let text = try CLI.run(["log", "--limit", "2"], in: repo)
    #expect(text.stdout.split(separator: "\n").count == 2)
    #expect(text.stdout.contains("hand-made") && text.stdout.contains("Jane Clerk"))
  }

  @Test("bad input: unknown clause with the nearest ids, missing drafts, a bad format; one line on stderr, exit 1")
  func badInput() throws {
    let scratch = try Scratch()
    let repo = try bundledExample(in: scratch)
    let cases: [([String], String)] = [
      (["history", "7.z"], "unknown clause \"7.z\"; nearest: 7 (e), 7 (d), 7 (c), 7 (b), 7 (a) (in the eighth draft)"),
      (["blame", "7.b", "--draft", "3"], "there is no draft 3; the drafts are: 7, 8"),
      (["diff", "3"], "there is no draft 3; the drafts are: 7, 8"),
      (["diff", "8", "7"], "compare an earlier draft with a later one: amend diff 7 8"),
      (["diff", "--format", "rtf"], "unknown format 'rtf': use text, markdown, json, html, pdf, docx or akn"),
      (["log", "--limit", "0"], "--limit must be 1 or more, not 0"),
    ]
    for (arguments, message) in cases {
      let run = try CLI.run(arguments, in: repo)
      #expect(run.status == 1, "\(arguments)")
      #expect(run.stderr == "amend: error: \(message)\n")
      #expect(run.stdout.isEmpty)
    }
  }
}
