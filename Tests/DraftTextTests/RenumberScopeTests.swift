import Testing

@testable import DraftText

@Suite("Renumbering touches only edited lists")
struct RenumberScopeTests {
  let text = """
    1. The Group notes:

    (a) first;
    (c) third, the source skipped (b);

    2. The Group decides:

    (a) one;
    (b) two;

    """

  @Test("an insertion renumbers its own list and leaves an irregular one elsewhere as written")
  func untouchedListsKeepTheirNumbers() throws {
    var draft = try Draft(parsing: text)
    #expect(draft.warnings.count == 1)
    try draft.insertClause("one and a half;", after: ClauseKey("2.a"))
    let table = draft.renumber()
    let rendered = draft.render()
    #expect(rendered.contains("(a) first;\n(c) third"))
    #expect(rendered.contains("(a) one;\n(b) one and a half;\n(c) two;"))
    #expect(table.map(\.description) == ["(new) → 2 (b)", "2 (b) → 2 (c)"])
  }

  @Test("renumbering without an edit changes nothing")
  func noEditNoChange() throws {
    var draft = try Draft(parsing: text)
    #expect(draft.renumber().isEmpty)
    #expect(draft.render() == text)
  }
}
