import DraftText
import Foundation
import Testing

@Suite("Parsing")
struct ParsingTests {
  @Test("the seed's outline")
  func seedOutline() throws {
    let draft = try Fixtures.seedDraft()
    let ids = draft.clauses.map(\.id.rawValue)
    let expected =
      ["1", "1.a", "1.b", "1.c", "2", "3", "4"] + "abcdefghijk".map { "4.\($0)" } + ["5", "6", "7"]
      + "abcd".map { "7.\($0)" }
    #expect(ids == expected)
    let c = try #require(draft.clause("7.c"))
    #expect(c.marker == "c) ")
    #expect(c.line == 41)
    #expect(c.kind == .subparagraph)
    #expect(draft.clause("4.c")?.text.hasSuffix("related intolerance") == true)
    #expect(draft.clause("4.i")?.text.contains("*inter alia*") == true)
    #expect(draft.clause("7")?.kind == .paragraph)
    #expect(draft.parent(of: ClauseKey("7.b"))?.id == "7")
    #expect(draft.warnings.isEmpty)
  }

  @Test("marker styles - a), a) and (a) all read as subparagraphs")
  func markerStyles() throws {
    let draft = try Draft(parsing: "1. Chapeau:\n- a) one;\nb) two;\n(c) three;\n   - d) four.\n")
    #expect(draft.children(of: ClauseKey("1")).map(\.marker) == ["- a) ", "b) ", "(c) ", "   - d) "])
  }

  @Test("a wrapped paragraph is one clause")
  func wrapped() throws {
    let draft = try Fixtures.draft("un_sc_S-RES-687-1991_gold.txt")
    let clause = try #require(draft.clause("1"))
    #expect(
      clause.text
        == "Affirms all thirteen resolutions noted above, except as\n"
        + "expressly changed below to achieve the goals of the present\n"
        + "resolution, including a formal cease-fire;"
    )
    #expect(draft.clause("6")?.marker == "\u{0C}6. ")
    #expect(draft.clause("24.d")?.marker == "\u{0C}(d) ")
    #expect(draft.clauses.filter { $0.kind == .preambular }.count == 26)
  }

  @Test("Markdown-numbered items under a treaty paragraph")
  func treatyItems() throws {
    let draft = try Fixtures.draft("paris_05_corrected_2016-01-29.md")
    let items = draft.children(of: try draft.resolve("Article 2.1").key)
    #expect(items.map(\.id.rawValue) == ["A2.1.1", "A2.1.2", "A2.1.3"])
    #expect(items.first?.marker == "    1. ")
    #expect(draft.clause("A3")?.kind == .articleText)
    #expect(draft.clauses.filter { $0.kind == .preambular }.count == 16)
    #expect(draft.clauses.contains { $0.text.hasPrefix("Have agreed") } == false)
  }

  @Test("numbering gaps and repeats are warned about and kept")
  func warnings() throws {
    let text = "1. One.\n\n2. Two.\n\n4. Four.\n\n4. Four again.\n\n5. Five:\n\n(a) a;\n(c) c.\n"
    let draft = try Draft(parsing: text)
    #expect(draft.render() == text)
    #expect(
      draft.warnings.map(\.description) == [
        "line 5: paragraph 4 follows paragraph 2; 3 is missing",
        "line 7: paragraph 4 appears again: this one is 4 (second), id 4#2",
        "line 12: subparagraph 5 (c) follows subparagraph 5 (a); b is missing",
      ])
  }

  @Test("the messy Paris draft warns about its repeats and gaps")
  func parisWarnings() throws {
    let draft = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    #expect(draft.warnings.contains { $0.message == "paragraph 21 of Article 3 follows paragraph 19 of Article 3; 20 is missing" })
    #expect(
      draft.warnings.contains {
        $0.message == "paragraph 1 of Article 2bis appears again: this one is Article 2bis.1 (second), id A2bis.1#2"
      })
    #expect(draft.clause(key: ClauseKey("A2bis.1#2"))?.text.hasPrefix("[All Parties") == true)
  }

  @Test("empty and clause-less texts are refused")
  func refusals() {
    #expect(throws: DraftError.empty) { try Draft(parsing: "") }
    #expect(throws: DraftError.empty) { try Draft(parsing: " \n\t\n") }
    #expect(throws: DraftError.noClauses) { try Draft(parsing: "Just a note.\nAnother line.\n") }
    #expect(DraftError.empty.description == "the file is empty: give a draft with numbered paragraphs")
    #expect(DraftError.noClauses.description.hasPrefix("no recognisable clauses"))
  }

  @Test("binary and non-UTF-8 bytes are refused")
  func encodings() {
    #expect(throws: DraftError.binaryInput(offset: 3)) { try Draft(parsingData: Data([0x31, 0x2E, 0x20, 0x00])) }
    #expect(throws: DraftError.invalidUTF8(offset: 3)) { try Draft(parsingData: Data([0x31, 0x2E, 0x20, 0xFF])) }
    #expect(throws: DraftError.invalidUTF8(offset: 3)) { try Draft(parsingData: Data([0x31, 0x2E, 0x20, 0xC3])) }
    #expect((try? Draft(parsingData: Data("1. Café.\n".utf8)))?.clauses.first?.text == "Café.")
  }

  @Test("unstructured lines stay in place and out of clauses")
  func unstructured() throws {
    let text = "Page 2\n\n1. Text:\n\n**Option 1:**\n\n(a) one;\n[^1]: note\n\nA\n\n2. Two.\n"
    let draft = try Draft(parsing: text)
    #expect(draft.clauses.map(\.id.rawValue) == ["1", "1.a", "2"])
    #expect(draft.clause("1.a")?.text == "one;")
    #expect(draft.render() == text)
  }
}
