import Foundation
import Testing

/// Citations of the text's own clauses follow renumbering in `next`.
@Suite("Cross-references follow renumbering")
struct CrossReferencesCLITests {
  static let draft = """
    Test
    First draft of the outcome
    as of 1 December 2015

    1. The Parties agree to the following:
      a) first;
      b) second, in accordance with subparagraph (c) below;
      c) third.
    2. Paragraph 3 below applies, as do paragraphs 3 and 4, but not Article 2 of the Convention nor paragraph 4 of decision 1/CP.21.
    3. The third paragraph.
    4. The fourth paragraph, which recalls paragraph 1 (a) above and paragraph 1(b).
    5. Recalling paragraph 9 and paragraph 3 of this decision.

    """

  /// A negotiation on `draft` in a new folder.
  static func negotiation() throws -> Scratch {
    let folder = try Scratch()
    let source = folder.path + "/source.txt"
    try Self.draft.write(toFile: source, atomically: true, encoding: .utf8)
    #expect(try CLI.run(["init", "--from", source], in: folder.path).status == 0)
    try FileManager.default.removeItem(atPath: source)
    return folder
  }

  /// Tables a proposal by Brazil: its id and what propose printed.
  static func table(_ arguments: [String], in folder: Scratch) throws -> (id: String, line: String) {
    let run = try CLI.run(["propose"] + arguments + ["--by", "Brazil"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    return (String(run.stdout.prefix { !$0.isWhitespace }), run.stdout)
  }

  @Test("next rewrites citations of renumbered clauses, lists them, warns about what it cannot follow, never touches another instrument")
  func follow() throws {
    let folder = try Self.negotiation()
    let subparagraph = try Self.table(["1.a", "--new-clause", "first and a half;"], in: folder).id
    let paragraph = try Self.table(["2", "--new-clause", "A new second paragraph.", "--before"], in: folder).id
    try CLI.run(["session", "open", "Reading", "--chair", "Chair", "--date", "2015-12-02"], in: folder.path)
    for id in [subparagraph, paragraph] { #expect(try CLI.run(["accept", id], in: folder.path).status == 0) }
    try CLI.run(["session", "close"], in: folder.path)
    let next = try CLI.run(["next", "--date", "2015-12-03"], in: folder.path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(
      next.stdout.contains(
        """
        Citations followed (secretariat):
          in 1 (c): 'subparagraph (c)' → 'subparagraph (d)'
          in 3: 'Paragraph 3' → 'Paragraph 4'
          in 3: 'paragraphs 3 and 4' → 'paragraphs 4 and 5'
          in 5: 'paragraph 1(b)' → 'paragraph 1(c)'
          in 6: 'paragraph 3' → 'paragraph 4'

        """), "\(next.stdout)")
    #expect(next.stderr.contains("amend: warning: in 6, 'paragraph 9' cites 9, which the first draft does not have"), "\(next.stderr)")
    let text = try CLI.run(["show"], in: folder.path).stdout
    #expect(text.contains("  c) second, in accordance with subparagraph (d) below;\n"))
    #expect(
      text.contains(
        "3. Paragraph 4 below applies, as do paragraphs 4 and 5, but not Article 2 of the Convention nor paragraph 4 of decision 1/CP.21.\n"
      ), "\(text)")
    #expect(text.contains("5. The fourth paragraph, which recalls paragraph 1 (a) above and paragraph 1(c).\n"))
    // The secretariat's commit made the change: git blame credits it, not Brazil.
    let blame = try git(["blame", "--line-porcelain", "drafts/02-second-draft.md"], in: folder.path)
    let line = try #require(blame.components(separatedBy: "\nauthor ").first { $0.contains("c) second, in accordance with subparagraph (d)") })
    #expect(!line.hasPrefix("Brazil"), "\(line)")
  }

  @Test("a clause new in the round, cited by the name propose gave it ('paragraph 3 bis', '1 (a bis)'), is followed to its number")
  func newInTheRound() throws {
    let folder = try Self.negotiation()
    let point = try Self.table(["1.a", "--new-clause", "first and a half;"], in: folder)
    let paragraph = try Self.table(["3", "--new-clause", "A paragraph after the third."], in: folder)
    #expect(point.line.contains(" on 1 (a bis): ") && paragraph.line.contains(" on 3 bis: "), "\(point.line)\(paragraph.line)")
    let citing = try Self.table(
      ["4", "--replace", "The fourth paragraph,", "--with", "The fourth paragraph, read with paragraphs 3 bis and 1 (a bis),"], in: folder)
    try CLI.run(["session", "open", "Reading", "--chair", "Chair", "--date", "2015-12-02"], in: folder.path)
    for id in [point.id, paragraph.id, citing.id] { #expect(try CLI.run(["accept", id], in: folder.path).status == 0) }
    try CLI.run(["session", "close"], in: folder.path)
    let next = try CLI.run(["next", "--date", "2015-12-03"], in: folder.path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stdout.contains("  in 5: 'paragraphs 3 bis and 1 (a bis)' → 'paragraphs 4 and 1 (b)'\n"), "\(next.stdout)")
    let text = try CLI.run(["show"], in: folder.path).stdout
    #expect(text.contains("5. The fourth paragraph, read with paragraphs 4 and 1 (b), which recalls paragraph 1 (a) above"), "\(text)")
  }
}
