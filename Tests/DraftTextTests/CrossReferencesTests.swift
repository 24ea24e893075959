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
}
