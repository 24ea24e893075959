import DraftText
import Foundation
import Testing

/// Treaty-shaped texts (issue 17): parallel numbering under options, repeated numbers, articles.
@Suite("Treaty-shaped texts")
struct TreatyTests {
  /// A small treaty text of our own: an article with two options, each numbered from 1.
  static let options = """
    ## Article 1

    **Option 1:**

    1. One of option one.

    2. Two of option one.

    **Option 2:**

    1. One of option two.

    2. Two of option two.

    3. Three of option two.

    ## Article 2

    1. Only paragraph.

    """

  @Test("every name and id the clause list prints resolves back to its own clause", arguments: Fixtures.allTexts)
  func namesResolve(name: String) throws {
    let draft = try Fixtures.draft(name)
    var wrong: [String] = []
    for clause in draft.clauses {
      for spelling in [clause.id.display, clause.id.rawValue] {
        let found = try? draft.resolve(spelling)
        if found?.key != clause.key { wrong.append("\(spelling) → \(found?.id.rawValue ?? "nothing")") }
      }
    }
    #expect(wrong == [])
  }

  @Test("the second A2bis.1 of the Paris draft is its own clause, by every spelling")
  func secondOccurrence() throws {
    let draft = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    for spelling in ["Article 2bis.1 (second)", "A2bis.1#2", "art. 2 bis para 1#2", "paragraph 1 (second) of Article 2bis"] {
      #expect(try draft.resolve(spelling).text.hasPrefix("[All Parties"), "\(spelling)")
    }
    #expect(try draft.resolve("Article 2bis.1").text.hasPrefix("All Parties shall undertake"))
    // Proposed Mechanism 2 repeats paragraph 1 of Article 3ter; its item 2 is worded as its item 1.
    let second = try draft.resolve("Article 3ter.1 (second) (2)")
    #expect(second.key == ClauseKey("A3ter.1#2.2"))
    #expect(second.text.hasPrefix("Enhance mitigation and adaptation ambition"))
    var edited = draft
    try edited.deleteClause(second.key)
    edited.renumber()
    #expect(edited.clause(key: ClauseKey("A3ter.1.2"))?.text.hasPrefix("Incentivise") == true)
    #expect(edited.clause(key: ClauseKey("A3ter.1#2.1"))?.text.hasPrefix("Enhance mitigation") == true)
    #expect(edited.clause(key: ClauseKey("A3ter.1#2.3"))?.id.rawValue == "A3ter.1#2.2")
  }

  @Test("deleting under one option renumbers that option only, and the table follows each clause")
  func parallelNumbering() throws {
    var draft = try Draft(parsing: Self.options)
    #expect(draft.clauses.map(\.id.rawValue) == ["A1.1", "A1.2", "A1.1#2", "A1.2#2", "A1.3", "A2.1"])
    try draft.deleteClause(try draft.resolve("Article 1.1 (second)").key)
    let table = draft.renumber()
    #expect(draft.render().contains("**Option 2:**\n\n1. Two of option two.\n\n2. Three of option two.\n"))
    #expect(draft.render().contains("1. One of option one.\n\n2. Two of option one.\n"))
    #expect(
      table.map(\.description) == [
        "Article 1.2 (second) → Article 1.1 (second)", "Article 1.3 → Article 1.2 (second)", "Article 1.1 (second) → (deleted)",
      ])
    #expect(table.map(\.key.rawValue) == ["A1.2#2", "A1.3", "A1.1#2"])
  }

  @Test("the Paris draft: deleting the first A2bis.1 leaves Option 2 numbered as it was")
  func parisParallel() throws {
    var draft = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    try draft.deleteClause(try draft.resolve("Article 2bis.1").key)
    let table = draft.renumber()
    // Option 2's paragraph 2 was the second 2 of the article; now it is the only one.
    #expect(
      table.map { "\($0.key): \($0)" } == [
        "A2bis.2: Article 2bis.2 → Article 2bis.1", "A2bis.2#2: Article 2bis.2 (second) → Article 2bis.2",
        "A2bis.1: Article 2bis.1 → (deleted)",
      ])
    #expect(try draft.resolve("Article 2bis.1 (second)").text.hasPrefix("[All Parties"))
    #expect(try draft.resolve("Article 2bis.4").text.hasPrefix("Successive"))
  }

  @Test("a new clause under one option takes that option's numbers; the other option keeps its own")
  func insertInOption() throws {
    var draft = try Draft(parsing: Self.options)
    let key = try draft.insertClause("New in option two.", after: try draft.resolve("A1.1#2").key)
    #expect(draft.clause(key: key)?.marker == "1 bis. ")
    draft.renumber()
    #expect(draft.clause(key: key)?.id.rawValue == "A1.2#2")
    #expect(draft.render().contains("1. One of option two.\n\n2. New in option two.\n\n3. Two of option two.\n\n4. Three of option two.\n"))
    #expect(draft.render().contains("1. One of option one.\n\n2. Two of option one.\n"))
  }

  @Test("a new clause under a paragraph starts a sub-list in the style of the text's other sub-lists")
  func insertUnder() throws {
    var draft = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    let parent = try draft.resolve("Article 4.8")
    let first = try draft.insertClause("Early warning systems;", under: parent.key)
    let second = try draft.insertClause("Emergency preparedness;", under: parent.key)
    draft.renumber()
    #expect(draft.clause(key: first)?.id.rawValue == "A4.8.1")
    #expect(draft.clause(key: second)?.id.rawValue == "A4.8.2")
    #expect(draft.render().contains(parent.text + "\n\n      1. Early warning systems;\n      2. Emergency preparedness;\n\n9. Each Party"))
    #expect(draft.readsBack)
  }

  @Test("a new clause under an article's own text is the article's first paragraph; after it, an unnumbered line; before it, none")
  func insertUnderArticleText() throws {
    var draft = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    let article = try draft.resolve("Article 1")
    #expect(throws: DraftError.self) { try draft.insertClause("Sibling.", before: article.key) }
    var unnumbered = draft
    let line = try unnumbered.insertClause("An unnumbered line.", after: article.key)
    #expect(unnumbered.clause(key: line)?.id.rawValue == "A1@text1" && unnumbered.readsBack)
    #expect(unnumbered.render().contains("Convention apply.\n\nAn unnumbered line.\n"))
    let key = try draft.insertClause("\"Convention\" means the Convention.", under: article.key)
    draft.renumber()
    #expect(draft.clause(key: key)?.id.rawValue == "A1.1")
    #expect(draft.render().contains("Convention apply.\n\n1. \"Convention\" means the Convention.\n"))
    #expect(draft.readsBack)
  }

  @Test("a move before a first clause, and a move across levels with sub-clauses, restyled")
  func movesAcrossLevels() throws {
    let text = "1. One:\n\n    1. one a;\n    2. one b.\n\n2. Two:\n\n    1. two a;\n    2. two b.\n\n3. Three.\n"
    var draft = try Draft(parsing: text)
    try draft.moveClause(try draft.resolve("3").key, before: try draft.resolve("1").key)
    draft.renumber()
    #expect(draft.render() == "1. Three.\n\n2. One:\n\n    1. one a;\n    2. one b.\n\n3. Two:\n\n    1. two a;\n    2. two b.\n")
    // Paragraph 3 (Two) becomes subparagraph 2 (3) of One, its subparagraphs items (i), (ii).
    try draft.moveClause(try draft.resolve("3").key, after: try draft.resolve("2.2").key)
    let table = draft.renumber()
    #expect(draft.render() == "1. Three.\n\n2. One:\n\n    1. one a;\n    2. one b.\n    3. Two:\n\n(i) two a;\n(ii) two b.\n")
    #expect(draft.readsBack)
    #expect(table.first { $0.key == ClauseKey("2") }.map(\.description) == "2 → 2 (3)")
    #expect(throws: DraftError.self) { try draft.moveClause(try draft.resolve("2").key, after: try draft.resolve("2.1").key) }
  }

  @Test("chained moves give one result: each move follows its target where the target ends up")
  func movesBefore() throws {
    var draft = try Draft(parsing: Self.options)
    #expect(throws: DraftError.self) { try draft.moveClause(try draft.resolve("A1.1").key, before: try draft.resolve("A1.2").key) }
    try draft.moveClause(try draft.resolve("A1.2#2").key, before: try draft.resolve("A1.1#2").key)
    draft.renumber()
    #expect(draft.render().contains("**Option 2:**\n\n1. Two of option two.\n\n2. One of option two.\n\n3. Three"))
  }

  static let articles = """
    ## Preamble

    The Parties to this Agreement,

    *Recognizing* the need,

    ## Article 1 *(definitions)*

    For the purposes of this Agreement, the definitions apply.

    ## Article 2 *(purpose)*

    1. Purpose one.

    2. Purpose two, as in paragraph 1.

    ## [Article 2bis] *(general)*

    1. General one.

    ## Article 3

    1. Three one.

    """

  @Test("deleting an article takes its heading and everything under it; the articles after it renumber, ids follow")
  func deleteArticle() throws {
    var draft = try Draft(parsing: Self.articles)
    #expect(draft.articles.map(\.number) == ["1", "2", "2bis", "3"])
    try draft.deleteArticle("2")
    let table = draft.renumber()
    #expect(draft.articles.map(\.heading) == ["## Article 1 *(definitions)*", "## [Article 2] *(general)*", "## Article 3"])
    #expect(draft.render().hasSuffix("the definitions apply.\n\n## [Article 2] *(general)*\n\n1. General one.\n\n## Article 3\n\n1. Three one.\n"))
    #expect(
      table.map(\.description) == [
        "Article 2bis.1 → Article 2.1", "Article 2.1 → (deleted)", "Article 2.2 → (deleted)",
        "Article 2bis heading → Article 2 heading", "Article 2 heading → (deleted)",
      ])
    #expect(try draft.resolve("Article 2.1").text == "General one.")
    #expect(draft.readsBack)
  }

  @Test("an added article takes the heading style of the one before it and renumbers those after it")
  func insertArticle() throws {
    var draft = try Draft(parsing: Self.articles)
    let keys = try draft.insertArticle(after: "1", title: "*(scope)*", paragraphs: ["Scope one.", "Scope two."])
    try draft.retitleArticle("3", title: "*(final)*")
    draft.renumber()
    #expect(
      draft.articles.map(\.heading) == [
        "## Article 1 *(definitions)*", "## Article 2 *(scope)*", "## Article 3 *(purpose)*", "## [Article 4] *(general)*",
        "## Article 5 *(final)*",
      ])
    #expect(keys.compactMap { draft.clause(key: $0)?.id.rawValue } == ["A2.1", "A2.2"])
    #expect(draft.render().contains("apply.\n\n## Article 2 *(scope)*\n\n1. Scope one.\n\n2. Scope two.\n\n## Article 3 *(purpose)*\n"))
    #expect(draft.clause(key: ClauseKey("A2.2"))?.id.rawValue == "A3.2")
    #expect(draft.readsBack)
    var last = try Draft(parsing: Self.articles)
    try last.insertArticle(after: "3", title: nil, paragraphs: ["Four one."])
    last.renumber()
    #expect(last.render().hasSuffix("1. Three one.\n\n## Article 5\n\n1. Four one.\n"))
  }

  @Test("a heading is a clause of its own: named, listed with the clauses, resolved back, found by its id")
  func headings() throws {
    let draft = try Draft(parsing: Self.articles)
    let heading = try draft.resolve("Article 2bis heading")
    #expect(heading.id.rawValue == "A2bis.heading")
    #expect(heading.id.display == "Article 2bis heading")
    #expect(heading.id.eId == "art_2bis__heading")
    #expect(heading.marker == "## [Article 2bis] ")
    #expect(heading.text == "*(general)*")
    #expect(draft.clause(ClauseID(rawValue: "A3.heading"))?.text == "")
    // "Article 2" has no text of its own: it names the heading; "Article 1" names its own text.
    #expect(try draft.resolve("Article 2").id.rawValue == "A2.heading")
    #expect(try draft.resolve("Article 1").id.rawValue == "A1")
    let listed = draft.clausesAndHeadings.map(\.id.rawValue)
    #expect(listed.prefix(6) == ["PP1", "A1.heading", "A1", "A2.heading", "A2.1", "A2.2"])
    for clause in draft.clausesAndHeadings {
      #expect(try draft.resolve(clause.id.display).id == clause.id, "\(clause.id.display)")
    }
    #expect(!draft.clauses.contains { $0.id.isHeading })
  }

  @Test("articles added before the first and after another, deleted and retitled: the table records each heading")
  func articleTable() throws {
    var draft = try Draft(parsing: Self.articles)
    try draft.insertArticle(before: "1", title: "*(objects)*", paragraphs: ["Object one."])
    try draft.insertArticle(before: "3", title: nil, paragraphs: ["Late one."])
    try draft.deleteArticle("2")
    try draft.retitleArticle("2bis", title: "*(general provisions)*")
    let table = draft.renumber()
    #expect(
      draft.articles.map(\.heading) == [
        "## Article 1 *(objects)*", "## Article 2 *(definitions)*", "## [Article 3] *(general provisions)*", "## Article 4",
        "## Article 5",
      ])
    #expect(draft.render().contains("*Recognizing* the need,\n\n## Article 1 *(objects)*\n\n1. Object one.\n\n## Article 2 *(definitions)*\n"))
    #expect(draft.render().hasSuffix("1. General one.\n\n## Article 4\n\n1. Late one.\n\n## Article 5\n\n1. Three one.\n"))
    let headings = table.filter { ($0.old ?? $0.new)?.isHeading == true }.map(\.description)
    #expect(
      headings == [
        "(new) → Article 1 heading", "Article 1 heading → Article 2 heading", "Article 2bis heading → Article 3 heading",
        "(new) → Article 4 heading", "Article 3 heading → Article 5 heading", "Article 2 heading → (deleted)",
      ])
    #expect(draft.articleNumber(asParsed: "2bis") == "3")
    #expect(draft.articleNumber(asParsed: "2") == nil)
    #expect(draft.readsBack)
  }

  @Test("a citation of an article follows it when the articles renumber, with or without text of its own")
  func articleCitations() throws {
    let text = "## Article 1\n\n1. As Article 3 and Article 2 provide.\n\n## Article 2\n\n1. Two.\n\n## Article 3\n\n1. Three.\n"
    let before = try Draft(parsing: text)
    var draft = before
    try draft.deleteArticle("2")
    let table = draft.renumber()
    let followed = CrossReferences.follow(in: &draft, renumbering: table, earlier: Set(before.clausesAndHeadings.map(\.id)))
    #expect(draft.render().hasPrefix("## Article 1\n\n1. As Article 2 and Article 2 provide.\n"), "\(draft.render())")
    #expect(followed.unresolved.map(\.citation) == ["Article 2"])
  }
}
