import DraftText
import Testing

/// A version one wording apart is read from the version before it (what history does for each
/// commit of `next`), and only then: anything the parser could read otherwise is parsed in full.
@Suite struct ParsedAgainTests {
  /// On every one-line clause of the seed and of every real case: a new wording is read from the
  /// draft before it, equal to a full parse of the new text (a debug build also asserts it).
  @Test(arguments: Fixtures.allTexts)
  func oneWordingApart(_ name: String) throws {
    let source = try Fixtures.text(name)
    let draft = try Draft(parsing: source)
    var read = 0
    for clause in draft.clauses where !clause.text.contains("\n") && clause.labelKind != .none {
      let edited = clause.text.replacingOccurrences(of: " the ", with: " every ")
      guard edited != clause.text else { continue }
      var copy = draft
      try copy.replaceText(of: clause.key, with: edited)
      let text = copy.render()
      if let again = draft.parsedAgain(from: source, as: text) {
        #expect(again == (try Draft(parsing: text)), "\(name) \(clause.id)")
        #expect(again.clause(key: clause.key)?.text == edited)
        read += 1
      }
    }
    #expect(read > 0 || !draft.clauses.contains { !$0.text.contains("\n") && $0.text.contains(" the ") && $0.labelKind != .none })
  }

  @Test func anythingElseIsParsedInFull() throws {
    let source = "Title\n\n1. First paragraph;\n\n2. Second paragraph;\n   (a) its point;\n   (b) another point.\n"
    let draft = try Draft(parsing: source)
    func again(_ text: String) -> Draft? { draft.parsedAgain(from: source, as: text) }
    #expect(again(source.replacingOccurrences(of: "First paragraph;", with: "First words here;")) != nil)
    // Another ending: the next marker might be read otherwise.
    #expect(again(source.replacingOccurrences(of: "First paragraph;", with: "First paragraph:")) == nil)
    // Another marker, a line added, a line break inside, a line that is not a clause.
    #expect(again(source.replacingOccurrences(of: "2. Second", with: "3. Second")) == nil)
    #expect(again(source.replacingOccurrences(of: "(b) another point.\n", with: "(b) another point.\n   (c) more.\n")) == nil)
    #expect(again(source.replacingOccurrences(of: "its point;", with: "its\npoint;")) == nil)
    #expect(again(source.replacingOccurrences(of: "Title", with: "Heading")) == nil)
    // Words that change how the marker scans (its spacing).
    #expect(again(source.replacingOccurrences(of: "1. First paragraph;", with: "1.  First paragraph;")) == nil)
    // The same text: nothing to read again.
    #expect(again(source) == nil)
    // An edited draft is not as parsed.
    var edited = draft
    try edited.replaceText(of: ClauseKey("1"), with: "Other words;")
    #expect(edited.parsedAgain(from: edited.render(), as: source) == nil)
  }
}
