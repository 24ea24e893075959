import Testing

@testable import DraftText

@Suite("Citations of the text's own clauses")
struct CrossReferencesTests {
  @Test("reads paragraph, subparagraph and article citations; skips other instruments")
  func reading() {
    let text = "Paragraph 3 below applies, as do paragraphs 3 and 4, but not Article 2 of the Convention nor paragraph 4 of decision 1/CP.21."
    let found = CrossReferences.citations(in: text, citedFrom: ClauseID(rawValue: "2"))
    #expect(found.map(\.written) == ["Paragraph 3", "paragraphs 3 and 4"])
    #expect(found.flatMap(\.references).map(\.id.rawValue) == ["3", "3", "4"])
    let sub = CrossReferences.citations(in: "second, in accordance with subparagraph (c) below;", citedFrom: ClauseID(rawValue: "1.b"))
    #expect(sub.flatMap(\.references).map(\.id.rawValue) == ["1.c"])
    let article = CrossReferences.citations(
      in: "as set out in Article 4, paragraph 8, and paragraph 2 of Article 3", citedFrom: ClauseID(rawValue: "A5.1"))
    #expect(article.flatMap(\.references).map(\.id.rawValue) == ["A4.8", "A3.2"])
  }

  @Test("an article of another instrument whose paragraphs are named first is not this text's (the Paris draft's citations of the Convention)")
  func otherInstrumentAfterParagraphs() {
    for text in [
      "as set out in Article 4, paragraph 9, of the Convention, and",
      "In accordance with Article 7, paragraphs 1, 3, 4, 5 and 7, of the Convention, developing",
      "as referred to in Article 4 paragraph 1(d) of the Convention.",
      "referred to in Article 7, paragraph 1(d), of the Convention, including",
      "in accordance with the principles and provisions of the Convention, in particular Article 4 [and Article 11]], noting",
      "[In accordance with Article 4, paragraphs 3[ and 5][, 5 and 9], of the Convention,] [developed country]",
    ] {
      #expect(CrossReferences.citations(in: text, citedFrom: ClauseID(rawValue: "A5.1")).isEmpty, "\(text)")
    }
    let own = CrossReferences.citations(
      in: "under Article 4, paragraph 2, of this Agreement and Article 4 of the Convention", citedFrom: ClauseID(rawValue: "A5.1"))
    #expect(own.flatMap(\.references).map(\.id.rawValue) == ["A4.2"])
  }

  @Test("several articles in one citation: each number is a reference; another instrument's are not")
  func pluralArticles() {
    let own = CrossReferences.citations(
      in: "efforts defined in Articles 3, 4, 6, 7, 8 and 9 towards achieving", citedFrom: ClauseID(rawValue: "A2bis.1"))
    #expect(own.map(\.written) == ["Articles 3, 4, 6, 7, 8 and 9"])
    #expect(own.flatMap(\.references).map(\.id.rawValue) == ["A3", "A4", "A6", "A7", "A8", "A9"])
    #expect(
      CrossReferences.citations(in: "established by Articles 9 and 10 of the Convention exercise", citedFrom: ClauseID(rawValue: "A12.3"))
        .isEmpty)
  }

  @Test("follows renumbered clauses and reports what it cannot follow")
  func following() throws {
    var draft = try Draft(parsing: "1. One.\n2. See paragraph 3 and paragraph 9.\n3. Three.\n")
    let three = try #require(draft.clause(ClauseID(rawValue: "3")))
    _ = try draft.insertClause("Two and a half.", after: try #require(draft.clause(ClauseID(rawValue: "2"))).key)
    _ = draft.renumber()
    let result = CrossReferences.follow(in: &draft, renumbering: draft.renumberingTable(), earlier: ["1", "2", "3"])
    #expect(result.updates.map(\.new) == ["paragraph 4"])
    #expect(result.unresolved.map(\.cited.rawValue) == ["9"])
    #expect(draft.render().contains("2. See paragraph 4 and paragraph 9.\n"))
    _ = three
  }

  @Test(
    "a clause new in the round is cited by its name in the round: the clause it follows there, then bis, ter…; its points under it; 'pre' before a first"
  )
  func newInTheRound() throws {
    let start = try Draft(
      parsing: """
        ## Article 3

        1. One.
        2. Two.
        3. Three, under paragraphs 2 bis, 2ter and 2 bis (a) of this Article.

        ## Article 4

        1. Cites Article 3, paragraph 2 ter, and Article 3, paragraph 1 pre, and paragraph 7 (b bis), of the Convention.
        2. Cites paragraph 9 bis of this Article.

        """)
    var draft = start
    func key(_ id: String) throws -> ClauseKey { try #require(draft.clause(ClauseID(rawValue: id))).key }
    let three = try key("A3.3")
    var places: [ClauseKey: NewClausePlace] = [:]
    // Two before paragraph 3, in tabling order, and one after paragraph 2 with a point: all follow
    // paragraph 2 of the draft amended, named in the order they stand.
    places[try draft.insertClause("First new.", before: three)] = .before(three)
    places[try draft.insertClause("Second new.", before: three)] = .before(three)
    let two = try key("A3.2")
    places[try draft.insertClause("Third new, whose points:\n   (a) first point;", after: two)] = .after(two)
    let one = try key("A3.1")
    places[try draft.insertClause("Before the first.", before: one)] = .before(one)
    draft.renumber()
    let names = draft.namesInRound(of: places, from: start)
    #expect(
      Dictionary(names.map { ($0.key.rawValue, draft.clause(key: $0.value)?.text ?? "") }) { a, _ in a } == [
        "A3.2bis": "Third new, whose points:", "A3.2bis.a": "first point;", "A3.2ter": "First new.", "A3.2quater": "Second new.",
        "A3.1pre": "Before the first.",
      ])
    let amended = draft
    let result = CrossReferences.follow(
      in: &draft, renumbering: amended.renumberingTable(), earlier: Set(start.clausesAndHeadings.map(\.id)), newClauses: names)
    #expect(draft.clause(ClauseID(rawValue: "A3.7"))?.text == "Three, under paragraphs 4, 5 and 4 (a) of this Article.")
    // Another instrument's "7 (b bis)" is left alone; "9 bis", which no clause is called, is reported.
    #expect(
      draft.clause(ClauseID(rawValue: "A4.1"))?.text
        == "Cites Article 3, paragraph 5, and Article 3, paragraph 1, and paragraph 7 (b bis), of the Convention.")
    #expect(result.unresolved.map(\.cited.rawValue) == ["A4.9bis"])
  }
}
