import DraftText
import Testing

@Suite("Resolving clause citations")
struct ResolutionTests {
  static let spellingsOf7b = [
    "7.b", "7(b)", "7 (b)", "7b", "7.b)", "para 7 (b)", "paragraph 7 (b)", "OP7(b)", "op 7 b",
    "Paragraph 7 (B)", "OP 7.B", "7 b",
  ]

  @Test("every spelling negotiators use resolves to 7.b", arguments: spellingsOf7b)
  func resolvesSpellings(spelling: String) throws {
    let draft = try Fixtures.seedDraft()
    let clause = try draft.resolve(spelling)
    #expect(clause.id == "7.b")
    #expect(clause.marker == "- b) ")
  }

  @Test("preambular paragraphs resolve as PP2 and pp 2")
  func preambular() throws {
    let draft = try Fixtures.draft("un_ga_A-RES-80-51_pdf-extract.md")
    for spelling in ["PP2", "pp 2", "pp2", "PP 2", "preambular paragraph 2"] {
      let clause = try draft.resolve(spelling)
      #expect(clause.id == .preambular(2))
      #expect(clause.text.hasPrefix("Recalling also that the United Nations"))
    }
  }

  @Test("article spellings resolve in the Paris Agreement")
  func articles() throws {
    let draft = try Fixtures.draft("paris_04_adopted_2015-12-12.md")
    #expect(try draft.resolve("Article 4.1").id == "A4.1")
    #expect(try draft.resolve("art. 4 para 1").id == "A4.1")
    #expect(try draft.resolve("4.1").id == "A4.1")
    #expect(try draft.resolve("A4.1").id == "A4.1")
    #expect(try draft.resolve("art. 2 para 1 (1)").id == "A2.1.1")
    #expect(try draft.resolve("paragraph 1 (2) of Article 2").id == "A2.1.2")
    #expect(try draft.resolve("Article 3").kind == .articleText)
    #expect(try draft.resolve("article 13, paragraph 7 (2)").text.hasPrefix("Information necessary"))
  }

  @Test("art. 4 para 1 (a) resolves where the article has lettered items")
  func articleLetters() throws {
    let text = "## Article 4\n\n1. Parties shall:\n\n(a) report;\n(b) review.\n"
    let draft = try Draft(parsing: text)
    let clause = try draft.resolve("art. 4 para 1 (a)")
    #expect(clause.id == "A4.1.a")
    #expect(clause.eId == "art_4__para_1__list_1__point_a")
    #expect(clause.id.display == "Article 4.1 (a)")
  }

  @Test("4 (i) of the seed is the letter after h, not the numeral")
  func seedLetterI() throws {
    let draft = try Fixtures.seedDraft()
    let clause = try draft.resolve("4 (i)")
    #expect(clause.id == "4.i")
    #expect(clause.label == "i")
    #expect(clause.labelKind == .letter)
    #expect(clause.kind == .subparagraph)
    let labels = draft.children(of: try draft.resolve("4").key).map(\.label)
    #expect(labels == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])
  }

  @Test("3 (i) of A/RES/80/51 is the letter after h")
  func resolutionLetterI() throws {
    let draft = try Fixtures.draft("un_ga_A-RES-80-51_pdf-extract.md")
    let clause = try draft.resolve("3 (i)")
    #expect(clause.labelKind == .letter)
    #expect(draft.parent(of: clause.key)?.id == "3")
    #expect(draft.children(of: try draft.resolve("3").key).count == 9)
  }

  @Test("9 (b) (ii) of resolution 687 is a numeral under a letter")
  func romanUnderLetter() throws {
    let draft = try Fixtures.draft("un_sc_S-RES-687-1991_gold.txt")
    let clause = try draft.resolve("9 (b) (ii)")
    #expect(clause.id == "9.b.ii")
    #expect(clause.kind == .item)
    #expect(clause.labelKind == .roman)
    #expect(clause.eId == "para_9__list_1__point_b__list_1__point_ii")
    #expect(draft.parent(of: clause.key)?.id == "9.b")
    #expect(try draft.resolve("9.b.ii").key == clause.key)
  }

  @Test("an unknown clause lists the nearest existing ones")
  func unknown() throws {
    let draft = try Fixtures.seedDraft()
    let error = try #require(#expect(throws: DraftError.self) { try draft.resolve("7 (z)") })
    guard case .unknownClause(let spelling, let nearest) = error else {
      Issue.record("unexpected error \(error)")
      return
    }
    #expect(spelling == "7 (z)")
    #expect(nearest.count == 5)
    #expect(Array(nearest.prefix(4)) == ["7.d", "7.c", "7.b", "7.a"])
    #expect(error.description.hasPrefix("unknown clause \"7 (z)\"; nearest: 7 (d), 7 (c), 7 (b), 7 (a)"))
  }

  @Test("an unknown paragraph suggests paragraphs spelled alike")
  func unknownParagraph() throws {
    let draft = try Fixtures.seedDraft()
    do {
      _ = try draft.resolve("paragraph 17")
      Issue.record("paragraph 17 should not resolve")
    } catch {
      guard case .unknownClause(_, let nearest) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(nearest.contains("7"))
      #expect(nearest.count <= 5)
    }
  }

  @Test("nonsense gives an unknown-clause error, not a crash")
  func nonsense() throws {
    let draft = try Fixtures.seedDraft()
    #expect(throws: DraftError.self) { try draft.resolve("") }
    #expect(throws: DraftError.self) { try draft.resolve("()") }
    #expect(throws: DraftError.self) { try draft.resolve("PP1") }
  }
}
