import Foundation
import Testing

/// Amendments to amendments: `amend propose --to ID` changes the text a pending proposal proposes.
@Suite("Sub-amendments: propose --to")
struct SubAmendmentTests {
  /// The seed with European Union's 7 (b) tabled ("forced labor" → "forced labour"); its id.
  private func parent(_ folder: Scratch) throws -> String {
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    return try firstWord(
      CLI.run(
        ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], in: folder.path,
        extra: ["AMEND_NOW": "2010-10-12T14:00:00Z"]))
  }

  private func firstWord(_ run: Run) -> String { String(run.stdout.prefix { !$0.isWhitespace }) }

  private func subAmend(_ parent: String, by delegation: String = "Brazil", _ operation: [String], in folder: Scratch) throws -> String {
    let run = try CLI.run(["propose", "--to", parent, "--by", delegation] + operation, in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    return firstWord(run)
  }

  private func json(_ run: Run) throws -> Any { try JSONSerialization.jsonObject(with: run.stdoutData) }

  private func open(_ folder: Scratch) throws {
    try CLI.run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], in: folder.path)
  }

  @Test("tabling: the words change the parent's text; agenda puts it before the parent, compile under it, proposal links both")
  func tabling() throws {
    let folder = try Scratch()
    let parent = try parent(folder)
    let run = try CLI.run(
      ["propose", "--to", parent, "--by", "Brazil", "--replace", "forced labour", "--with", "forced or compulsory labour"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    let sub = firstWord(run)
    #expect(
      run.stdout
        == "\(sub) tabled by Brazil, sub-amendment to \(parent) on 7 (b): replace 'forced labour' with 'forced or compulsory labour'\n"
        + "  \(parent)'s text: taking measures to combat trafficking and forced **or compulsory** labour of migrant workers, "
        + "regardless of their immigration status;\n")
    #expect(try git(["log", "-1", "--format=%an|%(trailers:key=Amend-Sub-Amends,valueonly,separator=)"], in: folder.path) == "Brazil|\(parent)\n")

    // The chair takes the sub-amendment immediately before its parent, whatever was tabled between.
    let other = try firstWord(CLI.run(["propose", "7.b", "--by", "Chile", "--delete", "regardless of their immigration status"], in: folder.path))
    let agenda = try json(CLI.run(["agenda", "--json"], in: folder.path)) as? [[String: Any]] ?? []
    let order = agenda.compactMap { $0["id"] as? String }
    #expect(order.firstIndex(of: sub).map { $0 + 1 } == order.firstIndex(of: parent), "\(order)")
    #expect(order.contains(other))
    #expect(agenda.first { $0["id"] as? String == sub }?["to"] as? String == parent)
    #expect(agenda.first { $0["id"] as? String == parent }?["subAmendments"] as? [String] == [sub])
    let text = try CLI.run(["agenda"], in: folder.path).stdout
    #expect(text.contains("  \(sub) Brazil (sub-amendment to \(parent)): replace 'forced labour' with 'forced or compulsory labour'\n"), "\(text)")

    let compiled = try CLI.run(["compile"], in: folder.path).stdout
    let lines = compiled.components(separatedBy: "\n")
    let parentLine = try #require(lines.firstIndex { $0.contains("[\(parent)] European Union") })
    #expect(lines[parentLine + 2].contains("[\(sub)] Brazil, sub-amendment to [\(parent)]: replace 'forced labour'"), "\(compiled)")
    #expect(
      lines[parentLine + 3].hasSuffix(
        "\(parent)'s text: taking measures to combat trafficking and forced **or compulsory** labour of migrant workers, regardless of their immigration status;"
      ))

    let shownSub = try CLI.run(["proposal", sub], in: folder.path).stdout
    #expect(shownSub.contains("Sub-amendment to \(parent) (European Union, pending): changes the text it proposes\n"), "\(shownSub)")
    let shownParent = try CLI.run(["proposal", parent], in: folder.path).stdout
    #expect(shownParent.contains("Sub-amendments: \(sub) (Brazil, pending)\n"), "\(shownParent)")
  }

  @Test("accepting it changes what the parent proposes, on the record; next credits its words to its delegation")
  func acceptAndApply() throws {
    let folder = try Scratch()
    let parent = try parent(folder)
    let sub = try subAmend(parent, ["--insert", "or compulsory ", "--before", "labour"], in: folder)
    try open(folder)
    try expectRefusal(
      HostileCase(
        name: "parent before its sub-amendment", arguments: ["accept", parent],
        message: "\(parent) has undecided sub-amendments, decided before it: \(sub) (Brazil)"),
      in: folder.path)
    #expect(try CLI.run(["accept", sub], in: folder.path).status == 0)
    // One commit: the decision on the sub-amendment and the parent's new text, each its own record.
    let files = try git(["show", "--name-only", "--format=", "HEAD"], in: folder.path).split(separator: "\n")
    #expect(files.count == 2)
    let kinds = try files.map { try git(["show", "HEAD:\($0)"], in: folder.path) }.map { $0.contains("kind: sub-amended") }
    #expect(kinds.filter { $0 }.count == 1)
    let proposal = try #require(try json(CLI.run(["proposal", parent, "--json"], in: folder.path)) as? [String: Any])
    #expect(
      proposal["textProposed"] as? String
        == "taking measures to combat trafficking and forced or compulsory labour of migrant workers, regardless of their immigration status;")
    #expect(proposal["description"] as? String == "replace 'forced labor' with 'forced or compulsory labour'")
    #expect(proposal["subAmendedBy"] as? [String] == [sub])
    #expect(try CLI.run(["compile"], in: folder.path).stdout.contains("forced ~~labor~~ **or compulsory labour**"))

    #expect(try CLI.run(["accept", parent], in: folder.path).status == 0)
    try CLI.run(["session", "close"], in: folder.path)
    let next = try CLI.run(["next"], in: folder.path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try CLI.run(["show", "7.b"], in: folder.path).stdout.contains("trafficking and forced or compulsory labour of migrant"))
    // The git CLI: the sub-amendment's commit in next's chain has its delegation as author.
    let chain = try git(
      ["log", "-4", "--format=%an|%(trailers:key=Amend-Proposal,valueonly,separator=)|%(trailers:key=Amend-Event,valueonly,separator=)"],
      in: folder.path)
    #expect(chain.contains("Brazil|\(sub)|applied\n"), "\(chain)")
    #expect(chain.contains("European Union|\(parent)|applied\n"), "\(chain)")
    // amend blame, independently of git blame: the words the sub-amendment brought are Brazil's.
    let blame = try #require(try json(CLI.run(["blame", "7.b", "--json"], in: folder.path)) as? [String: Any])
    let spans = try #require(blame["spans"] as? [[String: Any]])
    func words(of delegation: String) -> [String] {
      spans.filter { (($0["source"] as? [String: Any])?["proposal"] as? [String: Any])?["delegation"] as? String == delegation }
        .compactMap { $0["text"] as? String }
    }
    #expect(words(of: "Brazil").joined().contains("or compulsory"), "\(spans)")
    #expect(words(of: "European Union").joined().contains("labour"), "\(spans)")
    #expect(!words(of: "European Union").joined().contains("compulsory"))
    let statuses = try json(CLI.run(["proposals", "--json"], in: folder.path)) as? [[String: Any]] ?? []
    #expect(Set(statuses.compactMap { $0["status"] as? String }) == ["applied"])
    #expect(try CLI.run(["verify"], in: folder.path).status == 0)
    #expect(try fsckIsClean(folder.path))
  }

  @Test("rejecting it leaves the parent as it is; reopening an accepted one restores the parent's text")
  func rejectAndReopen() throws {
    let folder = try Scratch()
    let parent = try parent(folder)
    let rejected = try subAmend(parent, ["--delete", "regardless of their immigration status"], in: folder)
    let reopened = try subAmend(parent, by: "Chile", ["--replace", "migrant workers", "--with", "all migrant workers"], in: folder)
    try open(folder)
    #expect(try CLI.run(["reject", rejected], in: folder.path).status == 0)
    var proposal = try #require(try json(CLI.run(["proposal", parent, "--json"], in: folder.path)) as? [String: Any])
    let original = "taking measures to combat trafficking and forced labour of migrant workers, regardless of their immigration status;"
    #expect(proposal["textProposed"] as? String == original)
    #expect(try CLI.run(["accept", reopened], in: folder.path).status == 0)
    proposal = try #require(try json(CLI.run(["proposal", parent, "--json"], in: folder.path)) as? [String: Any])
    #expect((proposal["textProposed"] as? String)?.contains("all migrant workers") == true)
    #expect(try CLI.run(["reopen", reopened], in: folder.path).status == 0)
    proposal = try #require(try json(CLI.run(["proposal", parent, "--json"], in: folder.path)) as? [String: Any])
    #expect(proposal["textProposed"] as? String == original)
    #expect(proposal["subAmendedBy"] == nil)
  }

  @Test("rejecting or withdrawing the parent makes its pending sub-amendments fall")
  func fall() throws {
    let folder = try Scratch()
    let parent = try parent(folder)
    let sub = try subAmend(parent, ["--delete", "regardless of their immigration status"], in: folder)
    let second = try firstWord(CLI.run(["propose", "7.a", "--by", "Norway", "--insert", " and effective", "--at-end"], in: folder.path))
    let withdrawnSub = try subAmend(second, by: "Chile", ["--replace", "and effective", "--with", "and timely"], in: folder)
    try open(folder)
    #expect(try CLI.run(["reject", parent], in: folder.path).status == 0)
    #expect(try CLI.run(["withdraw", second, "--by", "Norway"], in: folder.path).status == 0)
    let fallen = try json(CLI.run(["proposals", "--status", "fallen", "--json"], in: folder.path)) as? [[String: Any]] ?? []
    #expect(Set(fallen.compactMap { $0["id"] as? String }) == [sub, withdrawnSub])
    #expect(fallen.first { $0["id"] as? String == sub }?["fellWith"] as? String == "rejected")
    #expect(fallen.first { $0["id"] as? String == withdrawnSub }?["fellWith"] as? String == "withdrawn")
    let listed = try CLI.run(["proposals"], in: folder.path).stdout
    #expect(listed.contains("\(sub)  fallen "), "\(listed)")
    let agenda = try CLI.run(["agenda"], in: folder.path).stdout
    #expect(agenda.contains("Fallen: \(sub) Brazil, sub-amendment to \(parent), which was rejected\n"), "\(agenda)")
    #expect(try CLI.run(["proposal", sub], in: folder.path).stdout.contains("Fell when \(parent) was rejected\n"))
    try expectRefusal(
      HostileCase(name: "decide a fallen one", arguments: ["accept", sub], message: "\(sub) fell when its parent \(parent) was rejected"),
      in: folder.path)
    // The rejection taken back: the sub-amendment stands again.
    #expect(try CLI.run(["reopen", parent], in: folder.path).status == 0)
    let back = try #require(try json(CLI.run(["proposal", sub, "--json"], in: folder.path)) as? [String: Any])
    #expect(back["status"] as? String == "pending")
  }

  @Test(
    "tabling refuses, one line, nothing written",
    arguments: [
      ("unknown parent", ["--to", "zzzz9999", "--by", "Brazil", "--delete", "forced"], "no proposal"),
      ("delete-clause", ["--to", "{p}", "--by", "Brazil", "--delete-clause"], "--delete-clause cannot be one"),
      ("move-after", ["--to", "{p}", "--by", "Brazil", "--move-after", "7.a"], "--move-after cannot be one"),
      ("new-clause", ["--to", "{p}", "--by", "Brazil", "--new-clause", "ensuring remedies;"], "--new-clause cannot be one"),
      (
        "words only in the clause", ["--to", "{p}", "--by", "Brazil", "--delete", "forced labor"],
        "the words 'forced labor' are not in the text {p} proposes"
      ),
      (
        "no change",
        [
          "--to", "{p}", "--by", "Brazil", "--text",
          "taking measures to combat trafficking and forced labour of migrant workers, regardless of their immigration status;",
        ], "leave the text {p} proposes as it is"
      ),
      ("a clause as well", ["7.b", "--to", "{p}", "--by", "Brazil", "--delete", "forced"], "leave out CLAUSE"),
      ("no delegation", ["--to", "{p}", "--by", " ", "--delete", "forced"], "no delegation"),
    ])
  func tablingRefusals(name: String, arguments: [String], message: String) throws {
    let folder = try Scratch()
    let parent = try parent(folder)
    let fill = { (text: String) in text.replacingOccurrences(of: "{p}", with: parent) }
    try expectRefusal(HostileCase(name: name, arguments: ["propose"] + arguments.map(fill), message: fill(message)), in: folder.path)
  }

  @Test("refused: a parent that is a sub-amendment, decided, withdrawn or proposes no text; revising or taking up a sub-amendment")
  func parentRefusals() throws {
    let folder = try Scratch()
    let parent = try parent(folder)
    let sub = try subAmend(parent, ["--delete", "regardless of their immigration status"], in: folder)
    let deletion = try firstWord(CLI.run(["propose", "7.c", "--by", "Norway", "--delete-clause"], in: folder.path))
    let withdrawn = try firstWord(CLI.run(["propose", "7.a", "--by", "Chile", "--insert", " now", "--at-end"], in: folder.path))
    try CLI.run(["withdraw", withdrawn, "--by", "Chile"], in: folder.path)
    let cases = [
      HostileCase(
        name: "one level", arguments: ["propose", "--to", sub, "--by", "Chile", "--delete", "forced"],
        message: "\(sub) is itself a sub-amendment (to \(parent))"),
      HostileCase(
        name: "withdrawn parent", arguments: ["propose", "--to", withdrawn, "--by", "Brazil", "--delete", "now"],
        message: "\(withdrawn) is withdrawn: only a pending proposal can be amended"),
      HostileCase(
        name: "deletion", arguments: ["propose", "--to", deletion, "--by", "Brazil", "--delete", "forced"],
        message: "\(deletion) proposes no text to amend"),
      HostileCase(
        name: "revise a sub-amendment", arguments: ["revise", sub, "--by", "Brazil", "--delete", "regardless"],
        message: "\(sub) is a sub-amendment (to \(parent)) and cannot be revised"),
    ]
    for hostile in cases { try expectRefusal(hostile, in: folder.path) }
    try open(folder)
    #expect(try CLI.run(["reject", sub], in: folder.path).status == 0)
    #expect(try CLI.run(["accept", parent], in: folder.path).status == 0)
    try expectRefusal(
      HostileCase(
        name: "decided parent", arguments: ["propose", "--to", parent, "--by", "Brazil", "--delete", "forced"],
        message: "\(parent) is accepted: only a pending proposal can be amended"),
      in: folder.path)
  }
}
