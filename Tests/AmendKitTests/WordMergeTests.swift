import AmendKit
import Foundation
import Testing
import Wording

@Suite("Word-level diff, merge and redline")
struct WordMergeTests {
  let clause = "taking measures to combat trafficking and forced labor of migrant workers, regardless of their immigration status;"

  @Test("tokens join back to the exact text")
  func tokensRoundTrip() {
    for text in [clause, "", "  a  b ", "*inter alia*, ILO 111;", "“global public good”"] {
      #expect(Words(text).tokens.joined() == text)
    }
  }

  @Test("changes to different words of one clause both apply")
  func mergesDisjointChanges() throws {
    let ours = clause.replacingOccurrences(of: "forced labor", with: "forced labour")
    let theirs = clause.replacingOccurrences(of: "trafficking", with: "trafficking, smuggling")
    let merged = try WordMerge.merge(base: clause, ours: ours, theirs: theirs)
    #expect(
      merged
        == clause.replacingOccurrences(of: "forced labor", with: "forced labour")
        .replacingOccurrences(of: "trafficking", with: "trafficking, smuggling"))
  }

  @Test("changes to the same words collide and name them")
  func collidingChanges() {
    let ours = clause.replacingOccurrences(of: "forced labor", with: "forced labour")
    let theirs = clause.replacingOccurrences(of: "forced labor of", with: "forced labour and exploitation of")
    let conflict = #expect(throws: WordConflict.self) { try WordMerge.merge(base: clause, ours: ours, theirs: theirs) }
    #expect(conflict?.words.contains("labor") == true, "\(String(describing: conflict))")
  }

  @Test("the same change made twice merges once")
  func identicalChanges() throws {
    let ours = clause.replacingOccurrences(of: "labor", with: "labour")
    #expect(try WordMerge.merge(base: clause, ours: ours, theirs: ours) == ours)
  }

  @Test("a change made on an earlier wording applies where its words still stand")
  func rebasesOntoLaterWording() throws {
    let later = clause.replacingOccurrences(of: "regardless of", with: "irrespective of")
    let proposed = clause.replacingOccurrences(of: "forced labor", with: "forced labour")
    let carried = try WordMerge.merge(base: clause, ours: proposed, theirs: later)
    #expect(carried.contains("forced labour") && carried.contains("irrespective of"))
  }

  @Test("redline strikes deleted words and bolds new ones")
  func redline() {
    let proposed = clause.replacingOccurrences(of: "forced labor", with: "forced labour")
    #expect(Redline.render(from: clause, to: proposed).contains("forced ~~labor~~ **labour** of"))
    let deleted = "the global financial crisis and economic downturn, climate change"
    #expect(
      Redline.render(from: deleted, to: "the global financial crisis, climate change")
        == "the global financial crisis ~~and economic downturn~~, climate change")
  }

  @Test("operations produce the text a delegation means")
  func operations() throws {
    #expect(
      try ProposalOperation.replaceWords(words: "forced labor", with: "forced labour", occurrence: nil).applied(to: clause)
        .contains("forced labour of"))
    #expect(
      try ProposalOperation.insertWords(text: ", smuggling", anchor: .after("trafficking"), occurrence: nil).applied(to: clause)
        .contains("trafficking, smuggling and"))
    #expect(
      try ProposalOperation.insertWords(text: "effective", anchor: .before("measures"), occurrence: nil).applied(to: clause)
        .hasPrefix("taking effective measures"))
    #expect(
      try ProposalOperation.deleteWords(words: "and economic downturn", occurrence: nil)
        .applied(to: "the crisis and economic downturn, climate change") == "the crisis, climate change")
    #expect(try ProposalOperation.insertWords(text: ";", anchor: .atEnd, occurrence: nil).applied(to: "intolerance") == "intolerance;")
  }

  @Test("words that occur twice need an occurrence; words inside other words do not count")
  func occurrences() throws {
    let text = "racism, racial discrimination and racism"
    #expect(throws: WordMatchError.ambiguous("racism", count: 2)) {
      try ProposalOperation.deleteWords(words: "racism", occurrence: nil).applied(to: text)
    }
    #expect(try ProposalOperation.replaceWords(words: "racism", with: "hatred", occurrence: 2).applied(to: text).hasSuffix("and hatred"))
    #expect(throws: WordMatchError.wordsNotFound("labor")) {
      try ProposalOperation.deleteWords(words: "labor", occurrence: nil).applied(to: "laborious work")
    }
  }
}
