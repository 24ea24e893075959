import DraftText
import Foundation
import Testing

/// Unnumbered lines inside articles — options, bold titles, unnumbered paragraphs and continuation
/// lines — and choosing an option (issue 17, docs/TREATIES.md "Unnumbered lines").
@Suite("Treaty-shaped texts: unnumbered lines and options")
struct TreatyOptionsTests {
  /// A small treaty text of our own with each kind of unnumbered line.
  static let text = """
    ## Article 1 *(purpose)*

    1. The purpose is:

        (a) To hold the increase to

            **Option 1:** below 2 °C,

            **Option 2:** well below 2 °C,
       taking into account the science;

        (b) To adapt.

    ## Article 2

    **Option 1:**

    1. One of option one.

    2. Two of option one.

    **Option 2:**

    1. One of option two.

    2. Two of option two.

    3. Three of option two.

    ## Article 3

    **Mobilization**

    1. Parties shall mobilize.

    2. **Individual efforts**

        Each Party shall prepare
    and maintain its contribution.

    3. Last.

    """

  static func paris() throws -> Draft {
    try Draft(parsing: String(contentsOf: Fixtures.url("paris_03_draft_2015-12-09.md"), encoding: .utf8))
  }

  @Test("each unnumbered line has an id and a name, and both resolve back to it")
  func names() throws {
    let draft = try Draft(parsing: Self.text)
    let lines = draft.unnumberedLines
    #expect(lines.map(\.id.rawValue) == ["A1.1.a@option1", "A1.1.a@option2", "A1.1.a@text1", "A2@option1", "A2@option2", "A3.1@title", "A3.2@text1"])
    #expect(
      lines.map(\.id.display) == [
        "Option 1 of Article 1.1 (a)", "Option 2 of Article 1.1 (a)", "Text 1 of Article 1.1 (a)", "Option 1 of Article 2",
        "Option 2 of Article 2", "Title of Article 3.1", "Text 1 of Article 3.2",
      ])
    #expect(lines.map(\.kind) == [.option, .option, .unnumbered, .option, .option, .title, .unnumbered])
    #expect(lines.last?.text == "Each Party shall prepare\nand maintain its contribution.")
    #expect(lines[1].marker == "        **Option 2:** " && lines[1].text == "well below 2 °C,")
    #expect(lines[3].id.eId == "art_2__option_1")
    for line in lines {
      for spelling in [line.id.display, line.id.rawValue, line.id.display.lowercased()] {
        #expect(try draft.resolve(spelling).key == line.key, "\(spelling)")
      }
    }
    #expect(try draft.resolve("option 2 of art. 2").id.rawValue == "A2@option2")
    // They are listed with the clauses and headings, in the order they stand, but are not clauses.
    #expect(draft.clauses.allSatisfy { !$0.id.isUnnumbered })
    let listed = draft.clausesAndHeadings.map(\.id.rawValue)
    #expect(Array(listed.prefix(6)) == ["A1.heading", "A1.1", "A1.1.a", "A1.1.a@option1", "A1.1.a@option2", "A1.1.a@text1"])
    #expect(draft.render() == Self.text)
  }

  @Test("texts without articles have no unnumbered lines: their clauses and listing are as before", arguments: Fixtures.allTexts)
  func unchangedWithoutArticles(name: String) throws {
    let draft = try Fixtures.draft(name)
    #expect(draft.clauses.allSatisfy { $0.kind != .option && $0.kind != .title && $0.kind != .unnumbered })
    #expect(draft.render() == (try Fixtures.text(name)))
    guard draft.articles.isEmpty else { return }
    #expect(draft.unnumberedLines.isEmpty)
    #expect(draft.clausesAndHeadings == draft.clauses)
  }

  @Test("an unnumbered line is replaced or deleted; every other byte stays")
  func replaceAndDelete() throws {
    var draft = try Draft(parsing: Self.text)
    try draft.replaceText(of: try draft.resolve("Option 2 of Article 1.1 (a)").key, with: "well below 2 °C and 1.5 °C,")
    #expect(draft.render() == Self.text.replacingOccurrences(of: "**Option 2:** well below 2 °C,", with: "**Option 2:** well below 2 °C and 1.5 °C,"))
    try draft.replaceText(of: try draft.resolve("Option 1 of Article 2").key, with: "(as agreed)")
    #expect(draft.render().contains("\n**Option 1:** (as agreed)\n\n1. One of option one."))
    var deleted = try Draft(parsing: Self.text)
    try deleted.deleteClause(try deleted.resolve("Title of Article 3.1").key)
    #expect(deleted.render() == Self.text.replacingOccurrences(of: "**Mobilization**\n\n", with: ""))
    #expect(deleted.renumber().isEmpty)
    var text = try Draft(parsing: Self.text)
    try text.deleteClause(try text.resolve("Text 1 of Article 3.2").key)
    #expect(text.render() == Self.text.replacingOccurrences(of: "\n\n    Each Party shall prepare\nand maintain its contribution.", with: ""))
  }

  @Test("a clause's continuation lines, options and title travel with it when it moves or is deleted")
  func travel() throws {
    var draft = try Draft(parsing: Self.text)
    try draft.deleteClause(try draft.resolve("Article 1.1 (a)").key)
    draft.renumber()
    let rendered = draft.render()
    #expect(rendered.contains("1. The purpose is:\n\n    (a) To adapt.\n\n## Article 2"), "\(rendered)")
    #expect(draft.unnumberedLines.count == 4)
    var moved = try Draft(parsing: Self.text)
    try moved.moveClause(try moved.resolve("Article 3.2").key, after: try moved.resolve("Article 3.3").key)
    moved.renumber()
    #expect(
      moved.render().hasSuffix(
        "1. Parties shall mobilize.\n\n2. Last.\n\n3. **Individual efforts**\n\n    Each Party shall prepare\nand maintain its contribution.\n"),
      "\(moved.render())")
    #expect(moved.unnumberedLines.last?.id.display == "Text 1 of Article 3.3")
    var titled = try Draft(parsing: Self.text)
    try titled.moveClause(try titled.resolve("Article 3.1").key, after: try titled.resolve("Article 3.3").key)
    titled.renumber()
    let titledText = titled.render()
    #expect(
      titledText.hasSuffix(
        "## Article 3\n\n1. **Individual efforts**\n\n    Each Party shall prepare\nand maintain its contribution.\n\n2. Last.\n\n"
          + "**Mobilization**\n\n3. Parties shall mobilize.\n"), "\(titledText)")
    var gone = try Draft(parsing: Self.text)
    try gone.deleteClause(try gone.resolve("Article 3.1").key)
    #expect(!gone.render().contains("Mobilization"))
  }

  @Test("choosing an option keeps it, deletes the other options with their paragraphs, and renumbers its paragraphs as one list")
  func chooseOption() throws {
    var second = try Draft(parsing: Self.text)
    try second.chooseOption(try second.resolve("Option 2 of Article 2").key)
    let table = second.renumber().map(\.description)
    #expect(
      second.render().contains(
        "## Article 2\n\n1. One of option two.\n\n2. Two of option two.\n\n3. Three of option two.\n\n## Article 3"),
      "\(second.render())")
    #expect(table.contains("Article 2.1 (second) → Article 2.1") && table.contains("Article 2.1 → (deleted)"), "\(table)")
    #expect(try second.resolve("Article 2.3").text == "Three of option two.")
    var first = try Draft(parsing: Self.text)
    try first.chooseOption(try first.resolve("Option 1 of Article 2").key)
    first.renumber()
    #expect(first.render().contains("## Article 2\n\n1. One of option one.\n\n2. Two of option one.\n\n## Article 3"), "\(first.render())")
    // A worded option keeps its words as an unnumbered line; the line after the options stays.
    var inline = try Draft(parsing: Self.text)
    try inline.chooseOption(try inline.resolve("Option 2 of Article 1.1 (a)").key)
    let inlineText = inline.render()
    #expect(
      inlineText.contains("    (a) To hold the increase to\n\n        well below 2 °C,\n   taking into account the science;\n\n    (b)"),
      "\(inlineText)")
    #expect(inline.unnumberedLines.map(\.id.display).prefix(2) == ["Text 1 of Article 1.1 (a)", "Text 2 of Article 1.1 (a)"])
    // Only an option can be chosen.
    var wrong = try Draft(parsing: Self.text)
    #expect(throws: DraftError.self) { try wrong.chooseOption(try wrong.resolve("Title of Article 3.1").key) }
    #expect(throws: DraftError.self) { try wrong.chooseOption(try wrong.resolve("Article 3.3").key) }
  }

  @Test("Paris: every unnumbered line resolves by its name and id; options follow their clause; choosing reads back")
  func parisLines() throws {
    let draft = try Self.paris()
    let lines = draft.unnumberedLines
    let kinds = Dictionary(grouping: lines, by: \.kind).mapValues(\.count)
    let counts = [kinds[.option] ?? 0, kinds[.title] ?? 0, kinds[.unnumbered] ?? 0]
    // 23 option lines (five more open a numbered paragraph: "2. **Option 1:** …"), 16 titles, 19 unnumbered paragraphs.
    #expect(counts == [23, 16, 19], "\(counts)")
    for line in lines {
      #expect(try draft.resolve(line.id.display).key == line.key, "\(line.id.display)")
      #expect(try draft.resolve(line.id.rawValue).key == line.key, "\(line.id.rawValue)")
    }
    #expect(draft.render() == (try Fixtures.text("paris_03_draft_2015-12-09.md")))
    for option in lines where option.kind == .option {
      var chosen = draft
      try chosen.chooseOption(option.key)
      let readsBack = chosen.readsBack
      #expect(readsBack, "\(option.id.display)")
    }
    // The clause whose text opens with "**Option 1:**" is the first of its options, and so named too.
    #expect(try draft.resolve("Option 1 of Article 9.1").key == (try draft.resolve("Article 9.1").key))
    #expect(throws: DraftError.self) { try draft.resolve("Option 1 of Article 9.2") }
    var own = draft
    try own.chooseOption(try own.resolve("Option 1 of Article 9.1").key)
    own.renumber()
    #expect(own.render().contains("\n1. A robust transparency framework covering both action and support,"))
    #expect(!own.render().contains("**Option 2:** A unified and robust transparency framework"))
  }
}
