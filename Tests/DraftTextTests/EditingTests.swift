import DraftText
import Foundation
import Testing

/// Edits on the seed: each changes only what it names, and renumbering restores the sequence
/// with every marker in its own style.
@Suite("Editing and renumbering")
struct EditingTests {
  let source: String
  let lines: [String]

  init() throws {
    source = try Fixtures.text(Fixtures.seed.lastPathComponent)
    lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The index of the seed line that starts with `prefix`.
  func line(_ prefix: String) throws -> Int {
    try #require(lines.firstIndex { $0.hasPrefix(prefix) })
  }

  func joined(_ lines: [String]) -> String { lines.joined(separator: "\n") }

  @Test("insert after 7 (b), then renumber: - c) new, c) → d), d) → e)")
  func insertAfter7b() throws {
    var draft = try Fixtures.seedDraft()
    let key = try draft.insertClause(
      "taking measures to protect migrant domestic workers;", after: try draft.resolve("7 (b)").key)
    #expect(key == ClauseKey("new-1"))
    #expect(draft.clause(key: key)?.marker == "- b bis) ")
    #expect(draft.clause(key: key)?.id.display == "7 (b bis)")

    let table = draft.renumber()
    let new = try #require(draft.clause(key: key))
    #expect(new.id == "7.c")
    #expect(new.marker == "- c) ")
    #expect(draft.clause(key: ClauseKey("7.c"))?.marker == "d) ")
    #expect(draft.clause(key: ClauseKey("7.c"))?.id == "7.d")
    #expect(draft.clause(key: ClauseKey("7.d"))?.marker == "e) ")
    #expect(
      table == [
        Renumbering(key: key, old: nil, new: "7.c"),
        Renumbering(key: ClauseKey("7.c"), old: "7.c", new: "7.d"),
        Renumbering(key: ClauseKey("7.d"), old: "7.d", new: "7.e"),
      ])

    var expected = lines
    let b = try line("- b) taking measures")
    expected[try line("c) enhancing")] = "d)" + expected[try line("c) enhancing")].dropFirst(2)
    expected[try line("d) Taking")] = "e)" + expected[try line("d) Taking")].dropFirst(2)
    expected.insert("- c) taking measures to protect migrant domestic workers;", at: b + 1)
    #expect(draft.render() == joined(expected))
  }

  @Test("delete 4 (h), then renumber: - i) → - h), j → i, k → j")
  func delete4h() throws {
    var draft = try Fixtures.seedDraft()
    try draft.deleteClause(try draft.resolve("4 (h)").key)
    #expect(draft.clause("4.h") == nil)
    let table = draft.renumber()
    #expect(draft.clause(key: ClauseKey("4.i"))?.marker == "- h) ")
    #expect(draft.clause(key: ClauseKey("4.k"))?.id == "4.j")
    #expect(
      table == [
        Renumbering(key: ClauseKey("4.i"), old: "4.i", new: "4.h"),
        Renumbering(key: ClauseKey("4.j"), old: "4.j", new: "4.i"),
        Renumbering(key: ClauseKey("4.k"), old: "4.k", new: "4.j"),
        Renumbering(key: ClauseKey("4.h"), old: "4.h", new: nil),
      ])
    var expected = lines
    expected[try line("- i) ")] = "- h) " + expected[try line("- i) ")].dropFirst(5)
    expected[try line("- j) ")] = "- i) " + expected[try line("- j) ")].dropFirst(5)
    expected[try line("- k) ")] = "- j) " + expected[try line("- k) ")].dropFirst(5)
    expected.remove(at: try line("- h) "))
    #expect(draft.render() == joined(expected))
  }

  @Test("move 4 (k) after 4 (b), then renumber")
  func move4k() throws {
    var draft = try Fixtures.seedDraft()
    try draft.moveClause(try draft.resolve("4 (k)").key, after: try draft.resolve("4 (b)").key)
    draft.renumber()
    #expect(draft.clause(key: ClauseKey("4.k"))?.id == "4.c")
    #expect(draft.clause(key: ClauseKey("4.c"))?.id == "4.d")
    #expect(draft.clause(key: ClauseKey("4.j"))?.id == "4.k")
    let labels = draft.children(of: ClauseKey("4")).map(\.label)
    #expect(labels == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])

    var expected = lines
    let k = expected.remove(at: try line("- k) "))
    let paragraph4 = try line("4. ")
    for (letter, next) in zip("cdefghij", "defghijk").reversed() {
      let index = try #require(expected.indices.first { $0 > paragraph4 && expected[$0].hasPrefix("- \(letter)) ") })
      expected[index] = "- \(next)) " + expected[index].dropFirst(5)
    }
    let b = try #require(expected.firstIndex { $0.hasPrefix("- b) to design") })
    expected.insert("- c) " + k.dropFirst(5), at: b + 1)
    #expect(draft.render() == joined(expected))
  }

  @Test("replacing the text of 7 (b) keeps its marker and every other byte")
  func replace7b() throws {
    var draft = try Fixtures.seedDraft()
    let text = "taking measures to combat trafficking and forced labour of migrant workers;"
    try draft.replaceText(of: try draft.resolve("7 (b)").key, with: text)
    var expected = lines
    expected[try line("- b) taking measures")] = "- b) " + text
    #expect(draft.render() == joined(expected))
    #expect(draft.renumber().isEmpty)
  }

  @Test("inserting after a paragraph adds a numbered paragraph separated by a blank line")
  func insertParagraph() throws {
    var draft = try Fixtures.seedDraft()
    let key = try draft.insertClause("The Working Group welcomes the report.", after: ClauseKey("3"))
    #expect(draft.clause(key: key)?.marker == "3 bis. ")
    let table = draft.renumber()
    #expect(draft.clause(key: key)?.id == "4")
    #expect(draft.clause(key: ClauseKey("4.k"))?.id == "5.k")
    #expect(table.first == Renumbering(key: key, old: nil, new: "4"))
    #expect(table.contains(Renumbering(key: ClauseKey("7.d"), old: "7.d", new: "8.d")))
    #expect(
      draft.render().contains(
        "regardless of their immigration status, in accordance with their obligations under international law.\n\n"
          + "4. The Working Group welcomes the report.\n\n"
          + "5. The Working Group invites States:\n"
      ))
  }

  @Test("inserting before the first subparagraph uses its style, then renumbers")
  func insertBefore() throws {
    var draft = try Fixtures.seedDraft()
    let key = try draft.insertClause("shoring up labour inspection;", before: ClauseKey("7.a"))
    #expect(draft.clause(key: key)?.marker == "- a pre) ")
    draft.renumber()
    #expect(draft.clause(key: key)?.id == "7.a")
    #expect(draft.children(of: ClauseKey("7")).map(\.marker) == ["- a) ", "- b) ", "- c) ", "d) ", "e) "])
    #expect(draft.render().contains("intervention:\n\n- a) shoring up labour inspection;\n- b) shoring up just"))
  }

  @Test("deleting a blank-separated subparagraph takes its blank line with it")
  func deleteSeparated() throws {
    var draft = try Fixtures.seedDraft()
    try draft.deleteClause(ClauseKey("7.c"))
    draft.renumber()
    #expect(draft.render().contains("regardless of their immigration status;\n\nc) Taking all appropriate"))
    #expect(!draft.render().contains("\n\n\n"))
  }

  @Test("deleting a paragraph removes its subparagraphs and one separator")
  func deleteParagraph() throws {
    var draft = try Fixtures.seedDraft()
    try draft.deleteClause(ClauseKey("4"))
    #expect(draft.clauses.filter { $0.parentKey == ClauseKey("4") }.isEmpty)
    let table = draft.renumber()
    #expect(draft.clause(key: ClauseKey("5"))?.id == "4")
    #expect(table.filter { $0.new == nil }.count == 12)
    #expect(draft.render().contains("international law.\n\n4. The Working Groups invites"))
  }

  @Test("a wrapped clause is replaced whole")
  func replaceWrapped() throws {
    var draft = try Fixtures.draft("un_sc_S-RES-687-1991_gold.txt")
    let before = draft.render()
    let clause = try draft.resolve("11")
    #expect(clause.text.contains("\n"))
    try draft.replaceText(of: clause.key, with: "Invites Iraq to ratify the Treaty;")
    let after = draft.render()
    #expect(after.contains("\n11. Invites Iraq to ratify the Treaty;\n\n12. Decides"))
    #expect(after.count == before.count - clause.text.count + "Invites Iraq to ratify the Treaty;".count)
  }

  @Test("keys stay, ids follow the numbering")
  func keysStay() throws {
    var draft = try Fixtures.seedDraft()
    try draft.deleteClause(ClauseKey("1"))
    draft.renumber()
    #expect(draft.clause(key: ClauseKey("7.d"))?.id == "6.d")
    #expect(draft.clause("7") == nil)
    #expect(draft.resolve(spellingOrNil: "6 (d)")?.key == ClauseKey("7.d"))
  }

  @Test("edits on a key that is gone fail clearly")
  func unknownKey() throws {
    var draft = try Fixtures.seedDraft()
    try draft.deleteClause(ClauseKey("4.h"))
    #expect(throws: DraftError.unknownKey(ClauseKey("4.h"))) { try draft.deleteClause(ClauseKey("4.h")) }
    #expect(throws: DraftError.emptyText(ClauseKey("4.a"))) { try draft.replaceText(of: ClauseKey("4.a"), with: "  ") }
    #expect(throws: DraftError.self) { try draft.moveClause(ClauseKey("4"), after: ClauseKey("4.b")) }
  }

  @Test("a file without a final line ending keeps it so across edits")
  func noFinalNewline() throws {
    var draft = try Draft(parsing: "1. First.\n\n2. Second.")
    try draft.insertClause("Third.", after: ClauseKey("2"))
    draft.renumber()
    #expect(draft.render() == "1. First.\n\n2. Second.\n\n3. Third.")
    try draft.deleteClause(ClauseKey("2"))
    #expect(draft.render() == "1. First.\n\n3. Third.")
  }

  @Test("CRLF files stay CRLF")
  func crlf() throws {
    var draft = try Draft(parsing: "1. Chapeau:\r\n(a) one;\r\n(b) two.\r\n")
    try draft.insertClause("one and a half;", after: ClauseKey("1.a"))
    draft.renumber()
    #expect(draft.render() == "1. Chapeau:\r\n(a) one;\r\n(b) one and a half;\r\n(c) two.\r\n")
  }

  @Test("letters run past z as aa, bb")
  func longLists() throws {
    let items = (0..<26).map { "(\(Character(Unicode.Scalar(UInt8(0x61 + $0))))) item \($0 + 1);" }
    var draft = try Draft(parsing: "1. The Working Group:\n" + items.joined(separator: "\n") + "\n")
    try draft.insertClause("item 27.", after: ClauseKey("1.z"))
    draft.renumber()
    #expect(draft.clauses.last?.marker == "(aa) ")
    #expect(draft.clauses.last?.id == "1.aa")
  }
}

extension Draft {
  /// The clause a spelling resolves to, or nil.
  func resolve(spellingOrNil spelling: String) -> Clause? { try? resolve(spelling) }
}
