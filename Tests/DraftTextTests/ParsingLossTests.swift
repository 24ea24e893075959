import DraftText
import Foundation
import Testing

/// Issue 10, class 7: every numbered line is a clause — tabs as separators, any count of clauses,
/// repeated numbers kept as written with distinct ids — or the parser says why not. Never a silent fold.
@Suite("Parsing losses")
struct ParsingLossTests {
  @Test(
    "a tab separates a marker wherever a space does",
    arguments: [
      ("1. Chapeau:\n-\ta)\tone;\n-\tb)\ttwo.\n", ["1", "1.a", "1.b"]),
      ("6. Six.\n\n7.\tThe Working Group recommends:\n\n8.\tEight.\n", ["6", "7", "8"]),
      ("1. Chapeau:\n(a)\tone;\n(b)\ttwo.\n", ["1", "1.a", "1.b"]),
      ("1. Chapeau:\n\t(a) one;\n\t(b)\ttwo;\n\t(b\tbis)\tthree.\n", ["1", "1.a", "1.b", "1.bbis"]),
      ("1.\tOne:\n-\t\ta)\tone;\n", ["1", "1.a"]),
    ])
  func tabs(text: String, ids: [String]) throws {
    let draft = try Draft(parsing: text)
    #expect(draft.clauses.map(\.id.rawValue) == ids)
    #expect(draft.render() == text)
  }

  @Test("a draft of 43,650 paragraphs keeps them all, and 43000 resolves")
  func manyParagraphs() throws {
    let text = (1...43_650).map { "\($0). Paragraph \($0).\n" }.joined(separator: "\n")
    let draft = try Draft(parsing: text)
    #expect(draft.clauses.count == 43_650)
    #expect(try draft.resolve("43000").text == "Paragraph 43000.")
    #expect(try draft.resolve("para 43650").id.rawValue == "43650")
    #expect(draft.render() == text)
  }

  @Test("repeated numbers are kept as written, each its own clause with a distinct id")
  func repeats() throws {
    let text = "1. a\n1. b\n1. c\n"
    let draft = try Draft(parsing: text)
    #expect(draft.clauses.map(\.id.rawValue) == ["1", "1#2", "1#3"])
    #expect(draft.clauses.map(\.text) == ["a", "b", "c"])
    #expect(draft.clauses.map(\.eId) == ["para_1", "para_1-2", "para_1-3"])
    #expect(draft.clauses.map(\.id.display) == ["1", "1 (second)", "1 (third)"])
    #expect(draft.render() == text)
    for spelling in ["1#2", "1 (second)", "para 1 second", "1#2 "] {
      #expect(try draft.resolve(spelling).text == "b", "\(spelling)")
    }
    #expect(try draft.resolve("1").text == "a")
    #expect(try draft.resolve("1 (third)").text == "c")
    #expect(
      draft.warnings.map(\.description) == [
        "line 2: paragraph 1 appears again: this one is 1 (second), id 1#2",
        "line 3: paragraph 1 appears again: this one is 1 (third), id 1#3",
      ])
  }

  @Test("a repeated subparagraph under a repeated paragraph: ids stay distinct and nested")
  func nestedRepeats() throws {
    let text = "1. One:\n(a) x;\n(a) y.\n\n1. Again:\n(a) z.\n"
    let draft = try Draft(parsing: text)
    #expect(draft.clauses.map(\.id.rawValue) == ["1", "1.a", "1.a#2", "1#2", "1#2.a"])
    #expect(
      draft.clauses.map(\.eId) == [
        "para_1", "para_1__list_1__point_a", "para_1__list_1__point_a-2", "para_1-2", "para_1-2__list_1__point_a",
      ])
    #expect(try draft.resolve("1 (second) (a)").text == "z.")
    #expect(try draft.resolve("1 (a) (second)").text == "y.")
    #expect(try draft.resolve("1.a#2").text == "y.")
  }

  @Test("the Paris draft's parallel options: every clause has its own id and eId, each resolves to itself")
  func parisRepeats() throws {
    let draft = try Fixtures.draft("paris_03_draft_2015-12-09.md")
    let ids = draft.clauses.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(Set(draft.clauses.map(\.eId)).count == ids.count)
    for clause in draft.clauses {
      #expect(try draft.resolve(clause.id.rawValue).key == clause.key, "\(clause.id)")
      #expect(try draft.resolve(clause.id.display).key == clause.key, "\(clause.id.display)")
    }
    let second = try draft.resolve("Article 2bis.1 (second)")
    #expect(second.text.hasPrefix("[All Parties"))
  }

  @Test("a number inside a wrapped sentence that is not read as a paragraph is reported with its line")
  func wrappedNumberReported() throws {
    let text = "1. The Council recalls its resolution adopted on 2 August\n1990. It decides:\n"
    let draft = try Draft(parsing: text)
    #expect(draft.clauses.count == 1)
    #expect(draft.warnings.contains { $0.line == 2 && $0.message.contains("1990.") })
    #expect(draft.render() == text)
  }

  @Test("a lettered line before any paragraph is reported, not silently kept as text")
  func orphanLetterReported() throws {
    let text = "Front page\n(a) an orphan\n\n1. One.\n"
    let draft = try Draft(parsing: text)
    #expect(draft.warnings.contains { $0.line == 2 })
    #expect(draft.render() == text)
  }

  @Test("\"1 (pp)\" is subparagraph pp of paragraph 1, not the first preambular paragraph")
  func letterPP() throws {
    let letters = (1...42).map { LetterRun.label($0) }
    let text = "The General Assembly,\n\nRecalling its work,\n\n1. One:\n" + letters.map { "(\($0)) x;\n" }.joined()
    let draft = try Draft(parsing: text)
    #expect(try draft.resolve("1 (pp)").id.rawValue == "1.pp")
    #expect(try draft.resolve("PP1").id.rawValue == "PP1")
  }
}

/// a…z, aa…zz, as UN lists count.
enum LetterRun {
  static func label(_ n: Int) -> String {
    String(repeating: Character(Unicode.Scalar(UInt8(0x61 + (n - 1) % 26))), count: (n - 1) / 26 + 1)
  }
}
