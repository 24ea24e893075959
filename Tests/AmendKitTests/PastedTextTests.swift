import AmendKit
import Testing
import Wording

/// Words pasted from a word processor match the clause they look identical to, and only the matched
/// range of the clause's own text is changed.
@Suite("Pasted text")
struct PastedTextTests {
  static let clause = "taking measures to combat trafficking and forced\u{00A0}labor of migrant workers;"

  @Test(
    "Typed words match the clause's non-breaking space, soft hyphen, curly quotes, dashes and spacing",
    arguments: [
      ("forced labor", "combat trafficking and forced\u{00A0}labor of", "a non-breaking space where you typed a space"),
      ("forced labor", "and forced\u{202F}labor of", "a non-breaking space where you typed a space"),
      ("trafficking", "combat traf\u{00AD}ficking and", "a soft hyphen inside a word"),
      ("the migrants' rights", "of the migrants\u{2019} rights;", "a curly quote where you typed a straight quote"),
      ("cross-regional", "on a cross\u{2013}regional basis", "an en dash where you typed a hyphen"),
      ("forced labor", "and forced   labor of", "3 spaces where you typed a space"),
      ("forced\u{00A0}labor", "and forced labor of", "a space where you typed a non-breaking space"),
    ])
  func matchesAsPasted(typed: String, text: String, note: String) throws {
    let operation = ProposalOperation.replaceWords(words: typed, with: "X", occurrence: nil)
    let result = try operation.applied(to: text)
    let found = try #require(WordMatch.occurrences(of: typed, in: text).first)
    #expect(result == text.replacingCharacters(in: found, with: "X"))
    #expect(!result.contains(typed))
    #expect(operation.pastedTextNote(in: text)?.contains(note) == true, "\(operation.pastedTextNote(in: text) ?? "nil")")
  }

  @Test("Inserting after pasted words keeps the clause's own bytes")
  func insertionKeepsBytes() throws {
    let operation = ProposalOperation.insertWords(text: "and smuggling", anchor: .after("forced labor"), occurrence: nil)
    #expect(
      try operation.applied(to: Self.clause)
        == "taking measures to combat trafficking and forced\u{00A0}labor and smuggling of migrant workers;")
  }

  @Test("Exact words are preferred, and an ambiguous pasted match is still ambiguous")
  func exactFirstThenAmbiguous() throws {
    let both = "forced labor and forced\u{00A0}labor"
    #expect(WordMatch.occurrences(of: "forced labor", in: both).count == 1)
    #expect(ProposalOperation.replaceWords(words: "forced labor", with: "x", occurrence: nil).pastedTextNote(in: both) == nil)
    let twice = "forced\u{00A0}labor and forced\u{202F}labor"
    #expect(throws: WordMatchError.ambiguous("forced labor", count: 2)) {
      try ProposalOperation.deleteWords(words: "forced labor", occurrence: nil).applied(to: twice)
    }
    #expect(throws: WordMatchError.wordsNotFound("forced labour")) {
      try ProposalOperation.deleteWords(words: "forced labour", occurrence: nil).applied(to: Self.clause)
    }
  }

  @Test("Pasted words still match whole words only")
  func wholeWords() {
    #expect(WordMatch.occurrences(of: "labor", in: "forced\u{00A0}laborious").isEmpty)
  }
}

@Suite("Word matching on characters that join")
struct JoinedCharacterTests {
  @Test("a line feed searched inside a carriage return and line feed matches the whole line break, never half of it")
  func lineFeedInsideCRLF() {
    let text = "one\r\ntwo"
    #expect(WordMatch.occurrences(of: "\n", in: text).map { String(text[$0]) } == ["\r\n"])
    #expect(WordMatch.occurrences(of: "two", in: "one\r\ntwo").count == 1)
    #expect(throws: WordMatchError.wordsNotFound("\nt")) { try WordMatch.locate("\nt", in: "one\r\ntwo", occurrence: nil) }
  }
}
