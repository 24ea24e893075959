import DraftText
import Foundation
import Testing

@Suite("Ordinals and numbered titles")
struct TitleTests {
  @Test("ordinals 1…99 round-trip through words")
  func roundTrip() {
    for number in 1...99 {
      let words = Ordinal.words(number)
      #expect(Ordinal.number(words) == number)
      #expect(Ordinal.number(words.uppercased()) == number)
      #expect(Ordinal.number(words.capitalized) == number)
    }
  }

  @Test("known ordinals")
  func known() {
    #expect(Ordinal.words(1) == "first")
    #expect(Ordinal.words(8) == "eighth")
    #expect(Ordinal.words(12) == "twelfth")
    #expect(Ordinal.words(20) == "twentieth")
    #expect(Ordinal.words(21) == "twenty-first")
    #expect(Ordinal.words(99) == "ninety-ninth")
    #expect(Ordinal.words(100) == "one hundredth")
    #expect(Ordinal.number("Seventh") == 7)
    #expect(Ordinal.number("Twenty-First") == 21)
    #expect(Ordinal.number("twenty first") == 21)
    #expect(Ordinal.number("draft") == nil)
  }

  @Test("draft file names")
  func fileNames() {
    #expect(Ordinal.draftFileName(7) == "07-seventh-draft.md")
    #expect(Ordinal.draftFileName(21) == "21-twenty-first-draft.md")
  }

  @Test("the seed's title block")
  func seedTitleBlock() throws {
    let draft = try Fixtures.seedDraft()
    let block = try #require(draft.titleBlock)
    #expect(block.subject == "Migration")
    #expect(block.subjectLine == 3)
    #expect(block.title == "Seventh draft of conclusions and recommendations")
    #expect(block.titleLine == 4)
    #expect(block.dateLine == "as of 12 October 2010")
    #expect(block.dateLineNumber == 5)
    #expect(draft.ordinal == 7)
  }

  @Test("advancing the seed changes exactly the title and date lines")
  func advanceSeed() throws {
    let draft = try Fixtures.seedDraft()
    let next = try draft.advancingTitle(to: 8, date: DateComponents(year: 2010, month: 10, day: 13))
    let old = draft.render().split(separator: "\n", omittingEmptySubsequences: false)
    let new = next.render().split(separator: "\n", omittingEmptySubsequences: false)
    #expect(old.count == new.count)
    let changed = zip(old, new).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    #expect(changed == [3, 4])
    #expect(new[3] == "Eighth draft of conclusions and recommendations")
    #expect(new[4] == "as of 13 October 2010")
    #expect(next.ordinal == 8)
    #expect(next.clauses == draft.clauses)
  }

  @Test(
    "the ordinal keeps the source's capitalisation",
    arguments: [
      ("Seventh draft", 8, "Eighth draft"),
      ("SEVENTH DRAFT", 8, "EIGHTH DRAFT"),
      ("seventh draft", 8, "eighth draft"),
      ("Twentieth draft", 21, "Twenty-first draft"),
      ("Twenty-First Draft", 22, "Twenty-Second Draft"),
      ("Revised twenty first draft", 23, "Revised twenty-third draft"),
    ])
  func capitalisation(title: String, number: Int, expected: String) throws {
    let draft = try Draft(parsing: "\(title)\n\n1. Text.\n")
    #expect(try draft.advancingTitle(to: number, date: nil).titleBlock?.title == expected)
  }

  @Test(
    "date lines keep their style",
    arguments: [
      ("as of 12 October 2010", "as of 3 November 2011"),
      ("12 October 2010", "3 November 2011"),
      ("October 12, 2010", "November 3, 2011"),
      ("2010-10-12", "2011-11-03"),
      ("Geneva, 02 Oct. 2010", "Geneva, 03 Nov. 2011"),
    ])
  func dateStyles(line: String, expected: String) throws {
    let draft = try Draft(parsing: "Migration\nSeventh draft\n\(line)\n\n1. Text.\n")
    let next = try draft.advancingTitle(to: 8, date: DateComponents(year: 2011, month: 11, day: 3))
    #expect(next.titleBlock?.dateLine == expected)
  }

  @Test("a title without an ordinal asks for a title")
  func noOrdinal() throws {
    let draft = try Fixtures.draft("un_ga_A-RES-80-51_pdf-extract.md")
    #expect(draft.titleBlock == nil)
    #expect(throws: DraftError.noOrdinalInTitle(title: nil)) { try draft.advancingTitle(to: 2, date: nil) }
    let error = DraftError.noOrdinalInTitle(title: "Draft conclusions")
    #expect(error.description.contains("replacingTitle"))
    let titled = try draft.replacingTitle(with: "Second draft of the resolution")
    #expect(titled.ordinal == 2)
    #expect(titled.render().contains("---\nSecond draft of the resolution\n\nUnited Nations"))
    #expect(try titled.advancingTitle(to: 3, date: nil).titleBlock?.title == "Third draft of the resolution")
  }

  @Test("a draft without a date line gets one")
  func addsDateLine() throws {
    let draft = try Draft(parsing: "Seventh draft\n\n1. Text.\n")
    let next = try draft.advancingTitle(to: 8, date: DateComponents(year: 2010, month: 10, day: 13))
    #expect(next.render() == "Eighth draft\nas of 13 October 2010\n\n1. Text.\n")
    #expect(next.clauses.first?.line == 4)
  }

  @Test("bad requests fail with clear errors")
  func errors() throws {
    let draft = try Fixtures.seedDraft()
    #expect(throws: DraftError.ordinalOutOfRange(0)) { try draft.advancingTitle(to: 0, date: nil) }
    #expect(throws: DraftError.incompleteDate) { try draft.advancingTitle(to: 8, date: DateComponents(year: 2010)) }
  }
}
