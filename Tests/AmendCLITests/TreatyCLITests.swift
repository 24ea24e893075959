import Foundation
import Testing

/// Treaty-shaped texts through the commands (issue 17, docs/TREATIES.md).
@Suite("Treaty-shaped texts")
struct TreatyCLITests {
  static let realCases = URL(fileURLWithPath: CLI.seed).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("realcases")

  /// A negotiation on `text` (a file of the real cases, or the text itself) with one session open.
  static func negotiation(_ text: String, in folder: Scratch) throws {
    let source = folder.path + "/source.md"
    try text.write(toFile: source, atomically: true, encoding: .utf8)
    let made = try CLI.run(["init", "--from", source], in: folder.path)
    #expect(made.status == 0, "\(made.stderr)")
    try FileManager.default.removeItem(atPath: source)
  }

  /// A negotiation on the Paris draft of 9 December 2015.
  static func parisNegotiation(in folder: Scratch) throws {
    try negotiation(
      try String(contentsOf: realCases.appendingPathComponent("paris_03_draft_2015-12-09.md"), encoding: .utf8), in: folder)
  }

  static func table(_ arguments: [String], in folder: Scratch) throws -> String {
    let run = try CLI.run(["propose"] + arguments + ["--by", "Brazil"], in: folder.path)
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
    return String(run.stdout.prefix { !$0.isWhitespace })
  }

  /// Accepts `ids` in one session, in that order, and produces the next draft: what `next` printed
  /// and the draft's text.
  static func acceptAndProduce(_ ids: [String], in folder: Scratch) throws -> (next: String, text: String) {
    try CLI.run(["session", "open", "Reading", "--chair", "Chair", "--date", "2015-12-10"], in: folder.path)
    for id in ids {
      let accepted = try CLI.run(["accept", id], in: folder.path)
      #expect(accepted.status == 0, "\(accepted.stderr)")
    }
    try CLI.run(["session", "close"], in: folder.path)
    let next = try CLI.run(["next", "--date", "2015-12-11"], in: folder.path)
    #expect(next.status == 0, "\(next.stderr)")
    return (next.stdout, try CLI.run(["show"], in: folder.path).stdout)
  }

  @Test("Paris: every clause of 2bis, 3bis and 3ter resolves by the name clauses prints; the second 2bis.1 is its own")
  func parisNames() throws {
    let folder = try Scratch()
    try Self.parisNegotiation(in: folder)
    let listing = try CLI.run(["clauses", "--json"], in: folder.path)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
    let names = entries.compactMap { $0["name"] as? String }.filter {
      $0.hasPrefix("Article 2bis") || $0.hasPrefix("Article 3bis") || $0.hasPrefix("Article 3ter") || $0 == "Article 3.3 (3 bis)"
    }
    // 24 clauses and the three headings (`Article 2bis heading`…).
    #expect(names.count == 27)
    for name in names {
      let shown = try CLI.run(["show", name], in: folder.path)
      #expect(shown.status == 0, "\(name): \(shown.stderr)")
    }
    #expect(try CLI.run(["show", "Article 2bis.1 (second)"], in: folder.path).stdout.contains("[All Parties [shall] regularly prepare"))
    #expect(try CLI.run(["show", "Article 2bis.1"], in: folder.path).stdout.contains("All Parties shall undertake efforts"))
  }

  @Test(
    "Paris: after an article's own text a new clause is an unnumbered line (one that would read as a paragraph or heading is refused); a paragraph under it is a paragraph"
  )
  func articleText() throws {
    let folder = try Scratch()
    try Self.parisNegotiation(in: folder)
    for text in ["1. A definition.", "## Article 27"] {
      try expectRefusal(
        HostileCase(
          name: "article text followed by \(text)", arguments: ["propose", "Article 26", "--new-clause", text, "--by", "Brazil"],
          message: "the new clause after Article 26 would not read back as the same clause"), in: folder.path)
    }
    let done = try CLI.run(
      ["propose", "Article 26", "--new-clause", "DONE at Paris this twelfth day of December two thousand and fifteen.", "--by", "Brazil"],
      in: folder.path)
    #expect(done.stdout.contains(" on new line after Article 26: "), "\(done.stdout)")
    let under = try Self.table(
      ["Article 1", "--new-clause", "\"Convention\" means the United Nations Framework Convention on Climate Change.", "--under"],
      in: folder)
    let subList = try Self.table(["Article 4.8", "--new-clause", "Early warning systems;", "--under"], in: folder)
    let text = try Self.acceptAndProduce([under, subList, String(done.stdout.prefix { !$0.isWhitespace })], in: folder).text
    #expect(text.contains("Convention apply.\n\n1. \"Convention\" means the United Nations Framework Convention on Climate Change.\n"))
    #expect(text.contains("provisions of paragraph 5 of this Article.\n\n      1. Early warning systems;\n\n9. Each Party"), "\(text)")
    #expect(try CLI.run(["show", "Article 1.1"], in: folder.path).status == 0)
    #expect(
      text.contains(
        "Secretary-General of the United Nations.\n\nDONE at Paris this twelfth day of December two thousand and fifteen.\n\n[Placeholder"))
    #expect(try CLI.run(["show", "Text 1 of Article 26"], in: folder.path).stdout.hasPrefix("DONE at Paris"))
  }

  @Test("Paris: a new paragraph tabled with its points, and Proposed Mechanism 2's title deleted: produced, numbered on, recorded")
  func pointsAndJoinedRuns() throws {
    let folder = try Scratch()
    try Self.parisNegotiation(in: folder)
    try expectRefusal(
      HostileCase(
        name: "a second line that is no point",
        arguments: ["propose", "Article 5.3", "--new-clause", "Areas may include:\nearly warning systems", "--by", "Brazil"],
        message: "would not stay one clause"), in: folder.path)
    let points = try Self.table(
      ["Article 5.3", "--new-clause", "Areas of cooperation may include:\n(a) Early warning systems;\n(b) Emergency preparedness;"], in: folder)
    let title = try Self.table(["Title of Article 3ter.1 (second)", "--delete-clause"], in: folder)
    let (next, text) = try Self.acceptAndProduce([points, title], in: folder)
    // In the style of the text's first sub-list (Article 2's "    1. To hold…", a blank line between points).
    #expect(text.contains("Areas of cooperation may include:\n\n    1. Early warning systems;\n\n    2. Emergency preparedness;\n"), "\(text)")
    #expect(text.contains("3. [The CMA shall adopt modalities and procedures for this mechanism at its first session.]\n\n4. [A mechanism"))
    #expect(!text.contains("Proposed Mechanism 2"))
    #expect(next.contains("(new) → Article 5.4 (1)") && next.contains("Article 3ter.1 (second) → Article 3ter.4"), "\(next)")
  }

  @Test("Paris: next --number-articles numbers the articles 1 to 29; ids, headings and the text's own citations follow, the Convention's stay")
  func numberArticles() throws {
    let folder = try Scratch()
    try Self.parisNegotiation(in: folder)
    let next = try CLI.run(["next", "--number-articles", "--allow-empty", "--date", "2015-12-11"], in: folder.path)
    #expect(next.status == 0, "\(next.stderr)")
    for line in [
      "Article 2bis heading → Article 3 heading", "Article 2bis.1 (second) → Article 3.1 (second)", "Article 26 heading → Article 29 heading",
      "in Article 3.2: 'Article 10' → 'Article 14'",
    ] {
      #expect(next.stdout.contains(line), "\(line)\n\(next.stdout)")
    }
    let text = try CLI.run(["show"], in: folder.path).stdout
    #expect(text.contains("## [Article 5] *(REDD-plus)*\n") && !text.contains("Article 3bis"))
    // Citations of the Convention's articles are another instrument's: left as written.
    #expect(text.contains("as set out in Article 4, paragraph 9, of the Convention"))
    #expect(text.contains("in particular Article 4 [and Article 11]]"))
    #expect(text.contains("In accordance with Article 4, paragraphs 3[ and 5][, 5 and 9], of the Convention,"))
    // Several of the text's own articles in one citation, as the adopted Agreement cites them.
    #expect(text.contains("efforts defined in Articles 4, 7, 9, 10, 11 and 13 towards"), "\(text)")
    #expect(next.stdout.contains("'Articles 3, 4, 6, 7, 8 and 9' → 'Articles 4, 7, 9, 10, 11 and 13'"))
    #expect(try CLI.run(["show", "Article 3.1 (second)"], in: folder.path).stdout.contains("All Parties"))
  }

  @Test("Paris: the brackets around an article's heading are lifted (--remove-brackets on the heading); twice is refused at acceptance")
  func headingBrackets() throws {
    let folder = try Scratch()
    try Self.parisNegotiation(in: folder)
    let unbracketed = try CLI.run(["propose", "Article 4 heading", "--by", "Peru", "--remove-brackets"], in: folder.path)
    #expect(unbracketed.status != 0 && unbracketed.stderr == "amend: error: Article 4 heading has no brackets: see 'amend show Article 4 heading'\n")
    let lift = try CLI.run(["propose", "Article 3bis heading", "--by", "Brazil", "--remove-brackets"], in: folder.path)
    #expect(lift.stdout.contains("Article 3bis heading ~~[~~Article 3bis~~]~~ *(REDD-plus)*"), "\(lift.stdout)")
    let retitle = try Self.table(["Article 3bis heading", "--retitle", ""], in: folder)
    let again = try Self.table(["Article 3bis heading", "--remove-brackets"], in: folder)
    try CLI.run(["session", "open", "Reading", "--chair", "Chair", "--date", "2015-12-10"], in: folder.path)
    for id in [retitle, String(lift.stdout.prefix { !$0.isWhitespace })] {
      #expect(try CLI.run(["accept", id], in: folder.path).status == 0)
    }
    let refused = try CLI.run(["accept", again], in: folder.path)
    #expect(refused.status != 0 && refused.stderr.contains("has no brackets around its number"), "\(refused.stderr)")
    try CLI.run(["session", "close"], in: folder.path)
    #expect(try CLI.run(["next", "--number-articles", "--date", "2015-12-11"], in: folder.path).status == 0)
    let text = try CLI.run(["show"], in: folder.path).stdout
    #expect(text.contains("\n## Article 5\n") && text.contains("\n## [Article 6] *(mechanism to support sustainable development)*\n"))
  }

  static let paragraphs = "1. One.\n\n2. Two.\n\n3. Three.\n\n4. Four.\n\n5. Five.\n\n6. Six.\n"

  /// The drafts `next` produces from `paragraphs` when the proposals `table` tables are accepted in
  /// tabling order, and in the reverse order.
  static func producedInBothOrders(table: (Scratch) throws -> [String]) throws -> [String] {
    try [false, true].map { reversed in
      let folder = try Scratch()
      try Self.negotiation(Self.paragraphs, in: folder)
      let ids = try table(folder)
      return try Self.acceptAndProduce(reversed ? ids.reversed() : ids, in: folder).text
    }
  }

  @Test("chained moves give the same draft whatever order the chair accepts them in")
  func chainedMoves() throws {
    let drafts = try Self.producedInBothOrders { folder in
      [try Self.table(["5", "--move-after", "3"], in: folder), try Self.table(["6", "--move-after", "5"], in: folder)]
    }
    #expect(drafts[0] == drafts[1])
    #expect(drafts[0].contains("3. Three.\n\n4. Five.\n\n5. Six.\n\n6. Four.\n"), "\(drafts[0])")
  }

  @Test("a new clause after or before a clause another proposal moves goes with it, whatever order the chair accepts them in")
  func newClausesGoWithTheMove() throws {
    let drafts = try Self.producedInBothOrders { folder in
      [
        try Self.table(["1", "--new-clause", "One and a half."], in: folder),
        try Self.table(["1", "--new-clause", "Before one.", "--before"], in: folder),
        try Self.table(["1", "--move-after", "3"], in: folder),
      ]
    }
    #expect(drafts[0] == drafts[1])
    #expect(
      drafts[0] == "1. Two.\n\n2. Three.\n\n3. Before one.\n\n4. One.\n\n5. One and a half.\n\n6. Four.\n\n7. Five.\n\n8. Six.\n", "\(drafts[0])")
  }

  @Test("move before a first clause and across levels; the table records the clause that really moved")
  func movesAcrossLevels() throws {
    let folder = try Scratch()
    try Self.negotiation("1. One:\n\n(a) one a;\n\n(b) one b.\n\n2. Two.\n\n3. Three.\n", in: folder)
    let before = try Self.table(["3", "--move-before", "1"], in: folder)
    let down = try Self.table(["2", "--move-after", "1 (b)"], in: folder)
    try CLI.run(["session", "open", "Reading", "--chair", "Chair", "--date", "2015-12-10"], in: folder.path)
    for id in [down, before] { #expect(try CLI.run(["accept", id], in: folder.path).status == 0) }
    try CLI.run(["session", "close"], in: folder.path)
    let next = try CLI.run(["next", "--date", "2015-12-11"], in: folder.path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try CLI.run(["show"], in: folder.path).stdout.contains("1. Three.\n\n2. One:\n\n(a) one a;\n\n(b) one b.\n\n(c) Two."))
    #expect(next.stdout.contains("2 → 2 (c)"), "\(next.stdout)")
  }

  static let articles = """
    # Agreement

    ## Article 1 *(objects)*

    1. One one.

    2. One two, as Article 3 provides.

    ## Article 2 *(scope)*

    1. Two one.

    ## Article 3

    Three's own text.

    """

  @Test("articles tabled as operations: added before and after, deleted, retitled; headings listed, followed and recorded")
  func articleOperations() throws {
    let folder = try Scratch()
    try Self.negotiation(Self.articles, in: folder)
    let listing = try CLI.run(["clauses"], in: folder.path).stdout
    #expect(listing.hasPrefix("Article 1 heading  *(objects)*\nArticle 1.1        One one.\n"), "\(listing)")
    #expect(try CLI.run(["show", "Article 2 heading"], in: folder.path).status == 0)
    try expectRefusal(
      HostileCase(
        name: "article operation on a paragraph", arguments: ["propose", "Article 1.1", "--delete-article", "--by", "Brazil"],
        message: "Article 1.1 is not an article"), in: folder.path)
    try expectRefusal(
      HostileCase(
        name: "clause operation on a heading", arguments: ["propose", "Article 1 heading", "--text", "x", "--by", "Brazil"],
        message: "Article 1 heading is an article's heading"), in: folder.path)
    try expectRefusal(
      HostileCase(
        name: "new article without paragraphs", arguments: ["propose", "Article 1", "--new-article", "T", "--by", "Brazil"],
        message: "--new-article TITLE needs at least one --paragraph"), in: folder.path)
    try expectRefusal(
      HostileCase(
        name: "new article whose text is a heading",
        arguments: ["propose", "Article 1", "--new-article", "", "--paragraph", "One.\n\n## Article 9", "--by", "Brazil"],
        message: "Article 1 cannot be changed so"), in: folder.path)
    let deleted = try Self.table(["Article 2", "--delete-article"], in: folder)
    let first = try Self.table(["Article 1 heading", "--new-article", "*(definitions)*", "--paragraph", "Zero one.", "--before"], in: folder)
    let last = try Self.table(["Article 3", "--new-article", "", "--paragraph", "Four one.", "--paragraph", "Four two."], in: folder)
    let retitled = try Self.table(["Article 3", "--retitle", "*(final clauses)*"], in: folder)
    // The compilation lists each under its heading.
    let compiled = try CLI.run(["compile"], in: folder.path).stdout
    let listed = "\n## Article 2 *(scope)*\n    [\(deleted)] Brazil: delete Article 2, its heading and everything under it\n"
    #expect(compiled.contains(listed + "    Article 2 heading ~~*(scope)*~~\n"), "\(compiled)")
    // A new article after Article 3 and its retitling do not collide.
    #expect(!compiled.contains("COLLIDES"), "\(compiled)")
    let (printed, text) = try Self.acceptAndProduce([retitled, last, deleted, first], in: folder)
    #expect(
      text.hasSuffix(
        """
        ## Article 1 *(definitions)*

        1. Zero one.

        ## Article 2 *(objects)*

        1. One one.

        2. One two, as Article 3 provides.

        ## Article 3 *(final clauses)*

        Three's own text.

        ## Article 4

        1. Four one.

        2. Four two.

        """), "\(text)")
    #expect(printed.contains("Article 1 heading → Article 2 heading"), "\(printed)")
    #expect(printed.contains("Article 2 heading → (deleted)  [\(deleted)]"), "\(printed)")
    #expect(printed.contains("(new) → Article 1 heading  [\(first)]"), "\(printed)")
    #expect(try CLI.run(["show", "Article 4.2"], in: folder.path).stdout.contains("Four two."))
  }
}
