import AmendKit
import Foundation
import Testing

/// Global amendments: `propose --throughout` tables one proposal that changes every clause where its
/// words occur; one decision; `next` applies it after the clause-level changes, each change attributed to it.
@Suite("Global amendments (propose --throughout)")
struct ThroughoutTests {
  /// The clauses of the seed where "migrants" stands (13 times in 11 clauses).
  static let migrantsClauses = ["1 (b)", "1 (c)", "3", "4 (b)", "4 (d)", "4 (e)", "4 (f)", "4 (g)", "4 (k)", "7 (c)", "7 (d)"]

  /// The seed, with European Union's global amendment tabled; its id and what propose printed.
  private func tabled(_ folder: Scratch, json: Bool = false) throws -> (id: String, run: Run) {
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let run = try CLI.run(
      [
        "propose", "--throughout", "--by", "European Union", "--replace", "migrants", "--with", "migrant workers",
        "--rationale", "Consistent terminology.",
      ] + (json ? ["--json"] : []),
      in: folder.path, extra: ["AMEND_NOW": "2010-10-12T10:00:00Z", "AMEND_NONCE": "global"])
    #expect(run.status == 0, "\(run.stderr)")
    let id = json ? try #require(try Self.object(run.stdout)["id"] as? String) : String(run.stdout.prefix { !$0.isWhitespace })
    return (id, run)
  }

  private func table(_ folder: Scratch, _ arguments: [String], nonce: String) throws -> String {
    let run = try CLI.run(["propose"] + arguments, in: folder.path, extra: ["AMEND_NOW": "2010-10-12T11:00:00Z", "AMEND_NONCE": nonce])
    #expect(run.status == 0, "\(run.stderr)")
    return String(run.stdout.prefix { !$0.isWhitespace })
  }

  static func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test("tabling lists clause by clause where it applies; the record names no single clause")
  func tabling() throws {
    let folder = try Scratch()
    let (id, run) = try tabled(folder)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "\(id) tabled by European Union throughout the text, replace 'migrants' with 'migrant workers': 13 occurrences in 11 clauses")
    let listedClauses: [String] = lines.dropFirst().map { line in
      Self.migrantsClauses.first { line.hasPrefix("  \($0) ") } ?? line
    }
    #expect(listedClauses == Self.migrantsClauses)
    #expect(
      lines.contains(
        "  4 (e) to take measures to facilitate the integration of ~~migrants~~ **migrant workers**, with due respect to their cultures;"))
    #expect(lines.count == 12)

    let record = try String(contentsOfFile: folder.path + "/" + ProposalRecord.path(for: id), encoding: .utf8)
    #expect(!record.contains("\nclause:"))
    #expect(!record.contains("text-before:"))
    #expect(record.contains("throughout:\n- 1.b\n- 1.c\n- '3'\n- 4.b\n"))
    #expect(record.contains("  kind: replace-throughout\n  words: migrants\n  with: migrant workers\n"))
    let message = try git(["log", "-1", "--format=%an|%B"], in: folder.path)
    #expect(message.hasPrefix("European Union|Table \(id): European Union throughout the text\n"))
    #expect(!message.contains("Amend-Clause"))

    // --json: the clauses with occurrences, each with its redline; `clause` empty.
    let json = try Self.object(try CLI.run(["proposal", id, "--json"], in: folder.path).stdout)
    #expect(json["clause"] as? String == "")
    #expect(json["clauseName"] as? String == "throughout the text")
    #expect((json["operation"] as? [String: Any])?["kind"] as? String == "replace-throughout")
    let clauses = try #require(json["throughout"] as? [[String: Any]])
    #expect(clauses.map { $0["clauseName"] as? String } == Self.migrantsClauses)
    #expect(clauses.first { $0["clause"] as? String == "4.d" }?["occurrences"] as? Int == 2)
    #expect((json["tabledAgainst"] as? [String: Any])?["clauses"] as? [String] == clauses.map { $0["clause"] as? String ?? "" })
    // The listing and the numbering follow it; --clause finds it on any clause it changes.
    let listed = try CLI.run(["proposals", "--clause", "4.f"], in: folder.path).stdout
    #expect(listed == "\(id)  pending   throughout the text  European Union: throughout the text, replace 'migrants' with 'migrant workers'\n")
    #expect(try CLI.run(["proposals", "--clause", "4.a"], in: folder.path).stdout == "no proposals\n")
    let all = try JSONSerialization.jsonObject(with: Data(try CLI.run(["proposals", "--json"], in: folder.path).stdoutData)) as? [[String: Any]]
    #expect(all?.count == 1)
    #expect(try fsckIsClean(folder.path))
  }

  @Test("tabling --json prints the same summary, with the clauses that have occurrences")
  func tablingJSON() throws {
    let folder = try Scratch()
    let (_, run) = try tabled(folder, json: true)
    let json = try Self.object(run.stdout)
    #expect((json["throughout"] as? [[String: Any]])?.count == 11)
    #expect(json["description"] as? String == "throughout the text, replace 'migrants' with 'migrant workers'")
  }

  @Test("agenda shows it once, first; compile and proposal list it clause by clause; collisions are flagged")
  func agendaCompileProposal() throws {
    let folder = try Scratch()
    let (id, _) = try tabled(folder)
    let chile = try table(folder, ["1.b", "--by", "Chile", "--replace", "rising violence", "--with", "growing violence"], nonce: "c")
    let egypt = try table(folder, ["4.f", "--by", "Egypt", "--replace", "children migrants", "--with", "migrant children"], nonce: "e")

    let agenda = try CLI.run(["agenda"], in: folder.path).stdout
    let blocks = agenda.components(separatedBy: "\n\n")
    #expect(blocks.count == 4, "\(agenda)")
    #expect(blocks[1].hasPrefix("Throughout the text\n  \(id) European Union: throughout the text, replace 'migrants' with 'migrant workers'\n"))
    #expect(
      blocks[1].contains(
        "\n    4 (f) to put in place institutional frameworks and laws that effectively protect women and children ~~migrants~~ **migrant workers**;\n"
      ))
    #expect(blocks[1].hasSuffix("    collides with \(egypt)"))
    #expect(agenda.components(separatedBy: "\(id) European Union").count == 2, "listed once")
    #expect(blocks[2].hasPrefix("1 (b) rising violence") && blocks[2].contains(chile) && !blocks[2].contains("collides"))
    #expect(blocks[3].contains("4 (f)") && blocks[3].contains("collides with \(id)"))
    let agendaJSON = try JSONSerialization.jsonObject(with: Data(try CLI.run(["agenda", "--json"], in: folder.path).stdoutData)) as? [[String: Any]]
    #expect(agendaJSON?.first?["id"] as? String == id)
    #expect(agendaJSON?.first?["collidesWith"] as? [String] == [egypt])

    let compiled = try CLI.run(["compile"], in: folder.path).stdout
    let section = try #require(compiled.components(separatedBy: "\n\nThroughout the text\n").last?.components(separatedBy: "\n\n").first)
    #expect(
      section.hasPrefix(
        "    [\(id)] European Union: throughout the text, replace 'migrants' with 'migrant workers'\n    1 (b) rising violence against ~~migrants~~"))
    #expect(section.split(separator: "\n").count == 13, "the entry, 11 clauses, the collision")
    #expect(compiled.range(of: "Throughout the text")!.lowerBound < compiled.range(of: "1. The Working Group acknowledges")!.lowerBound)
    #expect(
      compiled.contains(
        "  - e) to take measures to facilitate the integration of migrants, with due respect to their cultures;\n"
          + "      [\(id)] European Union: throughout the text, replace 'migrants' with 'migrant workers' (listed above)\n"))
    #expect(compiled.components(separatedBy: "(listed above)").count == 12)
    #expect(compiled.contains("Compilation of proposals: 3 pending on the seventh draft\n"))
    let markdown = try CLI.run(["compile", "--format", "markdown"], in: folder.path).stdout
    #expect(
      markdown.contains(
        "\n**Throughout the text**\n\n> [\(id)] European Union: throughout the text, replace 'migrants' with 'migrant workers'  \n> 1 (b) "))

    let shown = try CLI.run(["proposal", id], in: folder.path).stdout
    #expect(
      shown.contains(
        "Against the seventh draft, throughout the text (the words occurred in \(Self.migrantsClauses.joined(separator: ", "))); now in 1 (b) (line ")
    )
    #expect(shown.contains("\nCollides with: \(egypt)\n"))
    #expect(
      shown.contains(
        "\n4 (d) to adopt specific measures, including laws, on the protection of ~~migrants~~ **migrant workers** and address the specific needs and vulnerabilities of ~~migrants~~ **migrant workers**, in particular"
      ))
  }

  @Test("one decision; next applies it everywhere after the clause-level changes; only those clauses change; blame credits it")
  func decideAndApply() throws {
    let folder = try Scratch()
    let (id, _) = try tabled(folder)
    let chile = try table(folder, ["1.b", "--by", "Chile", "--replace", "rising violence", "--with", "growing violence"], nonce: "c")
    let brazil = try table(folder, ["4.e", "--by", "Brazil", "--replace", "integration of migrants", "--with", "inclusion of migrants"], nonce: "b")
    let norway = try table(folder, ["4.k", "--by", "Norway", "--delete-clause"], nonce: "n")
    let egypt = try table(folder, ["4.f", "--by", "Egypt", "--replace", "children migrants", "--with", "migrant children"], nonce: "e")
    let at = ["AMEND_NOW": "2010-10-13T09:00:00Z"]
    try CLI.run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], in: folder.path, extra: at)
    // Decided like any proposal: reject, reopen, defer, accept.
    for (command, status) in [("reject", "rejected"), ("reopen", "pending"), ("defer", "deferred"), ("accept", "accepted")] {
      let run = try CLI.run([command, id], in: folder.path, extra: at)
      #expect(run.status == 0, "\(command): \(run.stderr)")
      let json = try Self.object(try CLI.run(["proposal", id, "--json"], in: folder.path).stdout)
      #expect(json["status"] as? String == status, "\(command)")
    }
    for other in [chile, brazil, norway] { #expect(try CLI.run(["accept", other], in: folder.path, extra: at).status == 0) }
    #expect(try CLI.run(["reject", egypt], in: folder.path, extra: at).status == 0)
    let minutes = try CLI.run(["session", "close"], in: folder.path, extra: at).stdout
    #expect(
      minutes.contains(
        "- \(id) European Union, throughout the seventh draft: throughout the text, replace 'migrants' with 'migrant workers': accepted\n"))
    let next = try CLI.run(["next", "--date", "2010-10-14"], in: folder.path, extra: ["AMEND_NOW": "2010-10-14T09:00:00Z"])
    #expect(next.status == 0, "\(next.stderr)")

    // The chain: the clause-level changes first, the global amendment last, in one commit by its delegation.
    let chain = try git(["log", "-6", "--format=%an|%s"], in: folder.path).split(separator: "\n").map(String.init)
    #expect(chain[1] == "European Union|Apply \(id) (European Union) throughout the text")
    #expect(chain[2...4].allSatisfy { !$0.contains(id) })

    // git's own word diff of the two drafts: the title, the three clause-level changes, and 'migrants'
    // wherever it still stood (4 (k) deleted, so 12 of 13); nothing else.
    let old = "draft-7:drafts/07-seventh-draft.md"
    let new = "draft-8:drafts/08-eighth-draft.md"
    let porcelain = try git(["diff", "--word-diff=porcelain", old, new], in: folder.path)
    let changes = porcelain.split(separator: "\n").filter { ($0.hasPrefix("-") || $0.hasPrefix("+")) && !$0.hasPrefix("---") && !$0.hasPrefix("+++") }
    let counted = Dictionary(changes.map { (String($0), 1) }, uniquingKeysWith: +)
    #expect(
      counted == [
        "-Seventh": 1, "+Eighth": 1, "-12": 1, "+14": 1, "-rising": 1, "+growing": 1, "-integration": 1, "+inclusion": 1,
        "-- k) to combat and eliminate negative stereotyping of migrants in public discourse.": 1,
        "-migrants,": 6, "+migrant workers,": 6, "-migrants": 4, "+migrant workers": 4, "-migrants.": 1, "+migrant workers.": 1,
        "-migrants;": 1, "+migrant workers;": 1,
      ], "\(porcelain)")
    // Every line without the words, other than the title's and the deleted clause's, byte for byte.
    let before = try git(["show", old], in: folder.path).split(separator: "\n", omittingEmptySubsequences: false)
    let after = try git(["show", new], in: folder.path).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(before.count == after.count + 1)
    var unchanged = 0
    for (a, b) in zip(before.filter { !$0.contains("k) to combat") }, after)
    where !a.contains("migrants") && !a.contains("draft") && !a.contains("October 2010") && !a.contains("rising") {
      #expect(a == b)
      unchanged += 1
    }
    #expect(unchanged > 20)

    // Blame and history credit each change to the proposal that made it.
    let blame = try CLI.run(["blame", "4.e"], in: folder.path).stdout
    #expect(blame.contains("  \"inclusion\"                              Brazil [\(brazil)], eighth draft\n"))
    #expect(blame.contains("  \"migrant workers\"                        European Union [\(id)], eighth draft\n"))
    let blameJSON = try CLI.run(["blame", "7.d", "--json"], in: folder.path).stdout
    // The line's last commit and the two runs of words it changed.
    #expect(blameJSON.components(separatedBy: "\"id\" : \"\(id)\"").count == 4, "\(blameJSON)")
    let history = try CLI.run(["history", "3"], in: folder.path).stdout
    #expect(history.contains("amended by European Union: throughout the text, replace 'migrants' with 'migrant workers' [\(id)]"))
    #expect(try CLI.run(["show", "4.f"], in: folder.path).stdout.contains("women and children migrant workers;"))
    // verify re-derives the eighth draft, global amendment included, byte for byte.
    #expect(try CLI.run(["verify"], in: folder.path).status == 0)
    #expect(try fsckIsClean(folder.path))
  }

  @Test("accept dry-runs it with what is already accepted: it applies to what the others leave")
  func appliesAfterClauseLevel() throws {
    let folder = try Scratch()
    let (id, _) = try tabled(folder)
    // Accepted first, a clause-level change that removes the words from 4 (f): the global one then leaves 4 (f) alone.
    let egypt = try table(folder, ["4.f", "--by", "Egypt", "--replace", "children migrants", "--with", "migrant children"], nonce: "e")
    // A global amendment left pending is carried over and goes on applying wherever its words stand.
    let chile = try table(
      folder, ["--throughout", "--by", "Chile", "--replace", "related intolerance", "--with", "related forms of intolerance"], nonce: "c")
    let at = ["AMEND_NOW": "2010-10-13T09:00:00Z"]
    try CLI.run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], in: folder.path, extra: at)
    #expect(try CLI.run(["accept", egypt], in: folder.path, extra: at).status == 0)
    #expect(try CLI.run(["accept", id], in: folder.path, extra: at).status == 0)
    try CLI.run(["session", "close"], in: folder.path, extra: at)
    let next = try CLI.run(["next", "--date", "2010-10-14"], in: folder.path, extra: at)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stdout.contains("Carried over:\n  \(chile) Chile → throughout the text\n"), "\(next.stdout)")
    let carried = try Self.object(try CLI.run(["proposal", chile, "--json"], in: folder.path).stdout)
    #expect((carried["throughout"] as? [[String: Any]])?.count == 6)
    #expect(try CLI.run(["show", "4.f"], in: folder.path).stdout.contains("protect women and migrant children;"))
    #expect(try CLI.run(["show", "4.g"], in: folder.path).stdout.contains("protection of migrant workers and"))
  }

  @Test(
    "refusals: a clause with --throughout, other operations, --occurrence, words that occur nowhere, the same words",
    arguments: [
      ("clause given", ["propose", "7.b", "--throughout", "--by", "EU", "--replace", "migrants", "--with", "x"], "give no clause ('7.b')"),
      ("--text", ["propose", "--throughout", "--by", "EU", "--text", "x"], "--throughout goes with --replace OLD --with NEW or --delete WORDS"),
      ("--insert", ["propose", "--throughout", "--by", "EU", "--insert", "x", "--after", "migrants"], "--throughout goes with --replace"),
      ("--delete-clause", ["propose", "--throughout", "--by", "EU", "--delete-clause"], "--throughout goes with --replace"),
      ("--new-clause", ["propose", "--throughout", "--by", "EU", "--new-clause", "x"], "--throughout goes with --replace"),
      ("--move-after", ["propose", "--throughout", "--by", "EU", "--move-after", "3"], "--throughout goes with --replace"),
      ("--remove-brackets", ["propose", "--throughout", "--by", "EU", "--remove-brackets"], "--throughout goes with --replace"),
      (
        "--occurrence", ["propose", "--throughout", "--by", "EU", "--replace", "migrants", "--with", "x", "--occurrence", "2"],
        "--occurrence does not go with --throughout"
      ),
      (
        "nowhere", ["propose", "--throughout", "--by", "EU", "--replace", "Migrants", "--with", "x"],
        "the words 'Migrants' occur nowhere in the seventh draft"
      ),
      ("not whole words", ["propose", "--throughout", "--by", "EU", "--delete", "migra"], "the words 'migra' occur nowhere"),
      (
        "itself", ["propose", "--throughout", "--by", "EU", "--replace", "migrants", "--with", "migrants"], "'migrants' would be replaced with itself"
      ),
      ("no clause, no --throughout", ["propose", "--by", "EU", "--replace", "migrants", "--with", "x"], "missing expected argument '<clause>'"),
    ])
  func refusals(name: String, arguments: [String], message: String) throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    try expectRefusal(HostileCase(name: name, arguments: arguments, message: message), in: folder.path)
  }

  @Test("refusals once tabled: an oral revision, a revision; a deletion that would empty a clause")
  func laterRefusals() throws {
    let folder = try Scratch()
    let (id, _) = try tabled(folder)
    try expectRefusal(
      HostileCase(
        name: "revise", arguments: ["revise", id, "--by", "European Union", "--replace", "migrants", "--with", "migrant persons"],
        message: "\(id) is a global amendment: withdraw it"),
      in: folder.path)
    try CLI.run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], in: folder.path)
    try expectRefusal(
      HostileCase(
        name: "as revised", arguments: ["accept", id, "--as-revised", "rising violence against migrant workers"],
        message: "\(id) is a global amendment: it cannot be accepted as orally revised"),
      in: folder.path)

    let small = try Scratch()
    try "Draft\n\n1. Consistent terminology.\n2. Terminology.\n".write(toFile: small.path + "/d.txt", atomically: true, encoding: .utf8)
    try CLI.run(["init", "--from", "d.txt"], in: small.path)
    try expectRefusal(
      HostileCase(
        name: "empties a clause", arguments: ["propose", "--throughout", "--by", "EU", "--delete", "Terminology."],
        message: "deleting 'Terminology.' throughout the text would leave 2 with no text"),
      in: small.path)
  }

  @Test("a real text: 'developing country Parties' throughout the Paris Agreement, applied in 30 clauses, nothing else changed")
  func parisAgreement() throws {
    let folder = try Scratch()
    let source = URL(fileURLWithPath: CLI.seed).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("realcases/paris_04_adopted_2015-12-12.md").path
    #expect(try CLI.run(["init", "--from", source], in: folder.path).status == 0)
    let text = try git(["show", "draft-1:drafts/01-first-draft.md"], in: folder.path)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let phrase = "developing country Parties"
    let occurrences = text.components(separatedBy: phrase).count - 1
    #expect(occurrences == 33)
    let run = try CLI.run(
      ["propose", "--throughout", "--by", "AOSIS", "--replace", phrase, "--with", "developing-country Parties"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.split(separator: "\n").first?.hasSuffix(": 33 occurrences in \(lines.filter { $0.contains(phrase) }.count) clauses") == true)
    let id = String(run.stdout.prefix { !$0.isWhitespace })
    try CLI.run(["session", "open", "Final", "--chair", "President", "--date", "2015-12-12"], in: folder.path)
    #expect(try CLI.run(["accept", id], in: folder.path).status == 0)
    try CLI.run(["session", "close"], in: folder.path)
    #expect(try CLI.run(["next", "--date", "2015-12-12"], in: folder.path).status == 0)

    let porcelain = try git(
      ["diff", "--word-diff=porcelain", "draft-1:drafts/01-first-draft.md", "draft-2:drafts/02-second-draft.md"], in: folder.path)
    let changes = porcelain.split(separator: "\n").filter { ($0.hasPrefix("-") || $0.hasPrefix("+")) && !$0.hasPrefix("---") && !$0.hasPrefix("+++") }
    #expect(Dictionary(changes.map { (String($0), 1) }, uniquingKeysWith: +) == ["-developing country": 33, "+developing-country": 33])
    let after = try git(["show", "draft-2:drafts/02-second-draft.md"], in: folder.path).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == after.count)
    for (a, b) in zip(lines, after) {
      #expect(a.contains(phrase) ? a.replacingOccurrences(of: phrase, with: "developing-country Parties") == b : a == b)
    }
  }
}
