import DraftText
import Foundation
import Testing

/// A new clause tabled with its sub-items, parallel numbering joined once nothing parts it, and the
/// numbering at adoption (issue 17, docs/TREATIES.md).
@Suite("Treaty-shaped texts: a new clause with its points, runs no longer parted, numbering at adoption")
struct TreatySubItemsTests {
  /// Two runs of one article's paragraphs, each under a bold title, as Article 3ter of the Paris draft.
  static let mechanisms = """
    ## Article 1

    **Mechanism one**

    1. One of one.

    2. Two of one.

    **Mechanism two**

    1. One of two.

    2. Two of two.

    """

  @Test("the lines after a new clause's first that open with a marker are its points, in the text's sub-list style")
  func newClauseWithPoints() throws {
    var draft = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    let anchor = try draft.resolve("Article 5.3")
    let key = try draft.insertClause(
      "Areas of cooperation may include:\n    (a) Early warning systems;\n\n    (b) Emergency preparedness;", after: anchor.key)
    let table = draft.renumber()
    let clause = try #require(draft.clause(key: key))
    #expect(clause.text == "Areas of cooperation may include:")
    let points = draft.clauses.filter { $0.parentKey == key }
    #expect(points.map(\.id.rawValue) == [clause.id.rawValue + ".1", clause.id.rawValue + ".2"])
    // The Paris draft's first sub-list ("    1. To hold…", Article 2) gives the style: its article has none.
    #expect(points.map(\.marker) == ["    1. ", "    2. "])
    #expect(points.map(\.text) == ["Early warning systems;", "Emergency preparedness;"])
    #expect(table.filter { $0.old == nil }.count == 3)
    #expect(draft.readsBack)
  }

  @Test("a new clause before another, with points, in a text without sub-lists: (a), (b)")
  func newClauseBeforeWithPoints() throws {
    var draft = try Draft(parsing: "1. One.\n\n2. Two.\n")
    let key = try draft.insertClause("New, listing:\n(a) first;\n(b) second.", before: try draft.resolve("2").key)
    draft.renumber()
    #expect(draft.render() == "1. One.\n\n2. New, listing:\n(a) first;\n(b) second.\n\n3. Two.\n")
    #expect(draft.clause(key: key)?.id.rawValue == "2")
    #expect(draft.readsBack)
  }

  @Test("points two levels deep: a point indented further than the first is under the point before it")
  func pointsTwoLevelsDeep() throws {
    var draft = try Draft(parsing: "1. One.\n\n2. Two.\n")
    let text = "New, listing:\n(a) first, namely:\n    (i) one;\n    (ii) two;\n(b) second."
    #expect(Draft.points(of: text, ownKind: .number).points.map(\.underPrevious) == [false, true, true, false])
    let key = try draft.insertClause(text, after: try draft.resolve("1").key)
    draft.renumber()
    #expect(draft.render() == "1. One.\n\n2. New, listing:\n(a) first, namely:\n(i) one;\n(ii) two;\n(b) second.\n\n3. Two.\n")
    #expect(draft.clause(key: key)?.id.rawValue == "2")
    #expect(draft.children(of: try draft.resolve("2 (a)").key).map(\.text) == ["one;", "two;"])
    #expect(draft.readsBack)
    // In the Paris draft, whose points are indented and which has no third level: indented further.
    var paris = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    _ = try paris.insertClause(
      "Areas of cooperation may include:\n(a) Early warning systems, including:\n    (i) for floods;\n    (ii) for droughts;\n(b) Slow onset events.",
      after: try paris.resolve("Article 8.3").key)
    paris.renumber()
    #expect(
      paris.render().contains(
        "\n\n    1. Early warning systems, including:\n        (i) for floods;\n        (ii) for droughts;\n\n    2. Slow onset"))
    #expect(try paris.resolve("Article 8.4 (1) (ii)").text == "for droughts;")
    #expect(paris.readsBack)
  }

  @Test("a line after the first that opens with no marker is not a point: the text is taken whole (tabling refuses it)")
  func notPoints() throws {
    #expect(Draft.subItems(of: "Chapeau:\n(a) first;\nand more", ownKind: .number).items.isEmpty)
    #expect(Draft.subItems(of: "One line.", ownKind: .number).items.isEmpty)
    // A marker of the clause's own kind, not indented, is a second clause of the list, not a point.
    #expect(Draft.subItems(of: "Chapeau:\n9. Another paragraph", ownKind: .number).items.isEmpty)
    #expect(Draft.subItems(of: "ensuring access;\nc) and more", ownKind: .letter).items.isEmpty)
    #expect(Draft.subItems(of: "Chapeau:\n    9. A point", ownKind: .number).items == ["A point"])
    #expect(Draft.subItems(of: "Chapeau:\n(c) a point", ownKind: .number).items == ["a point"])
    var draft = try Draft(parsing: "1. One.\n\n2. Two.\n")
    let key = try draft.insertClause("Chapeau:\nnot a point", after: try draft.resolve("1").key)
    #expect(draft.clause(key: key)?.text == "Chapeau:\nnot a point")
    #expect(draft.clauses.count == 3)
  }

  @Test("deleting the title that parted two runs makes them one list, numbered on; the table follows each clause")
  func runsJoined() throws {
    var draft = try Draft(parsing: Self.mechanisms)
    try draft.deleteClause(try draft.resolve("Title of Article 1.1 (second)").key)
    let table = draft.renumber()
    #expect(draft.render().contains("2. Two of one.\n\n3. One of two.\n\n4. Two of two.\n"))
    #expect(table.map { "\($0.key): \($0)" } == ["A1.1#2: Article 1.1 (second) → Article 1.3", "A1.2#2: Article 1.2 (second) → Article 1.4"])
    #expect(draft.readsBack)
  }

  @Test("a run still parted by its title keeps its own numbers; the first title's deletion joins nothing")
  func runsStillParted() throws {
    var draft = try Draft(parsing: Self.mechanisms)
    try draft.deleteClause(try draft.resolve("Article 1.2").key)
    try draft.deleteClause(try draft.resolve("Title of Article 1.1").key)
    draft.renumber()
    #expect(
      draft.render()
        == Self.mechanisms.replacingOccurrences(of: "**Mechanism one**\n\n", with: "")
        .replacingOccurrences(of: "2. Two of one.\n\n", with: ""))
    #expect(draft.readsBack)
  }

  @Test("numbering at adoption: articles counted 1, 2, 3…, an article's only paragraph made its own text, the table following")
  func numberingAtAdoption() throws {
    var draft = try Draft(
      parsing: """
        ## Article 1

        1. Only paragraph.

        ## Article 1bis

        1. One, listing:
        (a) a point.

        ## Article 3

        Own text.

        1. Under own text.

        ## Article 5

        1. One.

        2. Two.

        ## Article 7

        **Option 1:**

        1. Under an option.

        """)
    draft.numberArticlesInOrder()
    #expect(
      draft.render() == """
        ## Article 1

        Only paragraph.

        ## Article 2

        1. One, listing:
        (a) a point.

        ## Article 3

        Own text.

        1. Under own text.

        ## Article 4

        1. One.

        2. Two.

        ## Article 5

        **Option 1:**

        1. Under an option.

        """)
    #expect(
      draft.renumberingTable().map(\.description) == [
        "Article 1.1 → Article 1", "Article 1bis.1 → Article 2.1", "Article 1bis.1 (a) → Article 2.1 (a)", "Article 5.1 → Article 4.1",
        "Article 5.2 → Article 4.2", "Article 7.1 → Article 5.1", "Article 1bis heading → Article 2 heading",
        "Article 5 heading → Article 4 heading", "Article 7 heading → Article 5 heading",
      ])
    #expect(draft.readsBack)
  }

  @Test("the Paris draft: deleting Proposed Mechanism 2's title numbers its paragraphs after Mechanism 1's")
  func parisMechanisms() throws {
    var draft = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    let title = try #require(draft.unnumberedLines.first { $0.text.contains("Proposed Mechanism 2") })
    try draft.deleteClause(title.key)
    let table = draft.renumber()
    #expect(table.map(\.description).contains("Article 3ter.1 (second) → Article 3ter.4"))
    #expect(try draft.resolve("Article 3ter.5").text.hasPrefix("The CMA shall adopt modalities and procedures for the mechanism"))
    #expect(draft.readsBack)
  }
}
