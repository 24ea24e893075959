import DraftText
import Foundation
import Testing

@Suite("Clause ids")
struct ClauseIDTests {
  @Test(
    "display, eId and parent follow the scheme",
    arguments: [
      ("7", "7", "para_7", nil),
      ("7.b", "7 (b)", "para_7__list_1__point_b", "7"),
      ("3.a.ii", "3 (a) (ii)", "para_3__list_1__point_a__list_1__point_ii", "3.a"),
      ("PP2", "PP2", "preamble__recital_2", nil),
      ("A4", "Article 4", "art_4", nil),
      ("A4.1", "Article 4.1", "art_4__para_1", nil),
      ("A4.1.a", "Article 4.1 (a)", "art_4__para_1__list_1__point_a", "A4.1"),
      ("7.bbis", "7 (b bis)", "para_7__list_1__point_bbis", "7"),
    ] as [(String, String, String, String?)])
  func scheme(raw: String, display: String, eId: String, parent: String?) {
    let id = ClauseID(rawValue: raw)
    #expect(id.display == display)
    #expect(id.eId == eId)
    #expect(id.parent?.rawValue == parent)
  }

  @Test("proposed new clauses are called bis, ter, quater …")
  func bis() {
    let id: ClauseID = "7.b"
    #expect(id.bis(1).display == "7 (b bis)")
    #expect(id.bis(2).display == "7 (b ter)")
    #expect(id.bis(3).display == "7 (b quater)")
    #expect(id.bis(9).display == "7 (b decies)")
    #expect(ClauseID(rawValue: "7").bis(1).display == "7 bis")
    let names = (1...9).map { id.bis($0).display }
    #expect(names.last == "7 (b decies)")
    #expect(names[4] == "7 (b sexies)")
  }

  @Test("every clause of the seed has the eId of its id")
  func seedEIds() throws {
    let draft = try Fixtures.seedDraft()
    #expect(draft.clause("7.b")?.eId == "para_7__list_1__point_b")
    #expect(draft.clause("7")?.eId == "para_7")
    #expect(draft.clauses.allSatisfy { $0.eId == $0.id.eId })
  }

  @Test("ids and keys are codable as plain strings")
  func codable() throws {
    let row = Renumbering(key: ClauseKey("7.c"), old: "7.c", new: "7.d")
    let data = try JSONEncoder().encode(row)
    #expect(String(decoding: data, as: UTF8.self).contains("\"key\":\"7.c\""))
    #expect(try JSONDecoder().decode(Renumbering.self, from: data) == row)
  }
}
