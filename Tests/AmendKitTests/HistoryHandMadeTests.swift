import AmendKit
import DraftText
import Foundation
import GitStore
import Testing

@Suite("History: hand-made commits, rewritten histories and bad input")
struct HistoryHandMadeTests {
  /// Commits with the git CLI as a person editing the repository by hand would.
  func commitByHand(_ message: String, in folder: ScratchFolder, _ edit: () throws -> Void) throws {
    try edit()
    try git(["add", "-A"], in: folder.path)
    try git(
      [
        "-c", "user.name=Jane Clerk", "-c", "user.email=jane@example.org", "commit", "-q", "-m", message,
        "--date", "2010-11-20T09:00:00Z",
      ],
      in: folder.path)
  }

  func replace(_ old: String, with new: String, inFile path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
  }

  @Test("a draft edited by hand: history, blame and log name the hand-made commit, and git blame agrees")
  func handEditedDraft() throws {
    let folder = try ScratchFolder()
    let negotiation = try GeneratedNegotiation.make(rounds: 2, in: folder)
    let draft = folder.path + "/drafts/09-ninth-draft.md"
    try commitByHand("Fix the spelling of labour", in: folder) { try replace("forced labor", with: "forced labour", inFile: draft) }
    try commitByHand("Add a note for the interpreters", in: folder) {
      try "Read slowly.\n".write(toFile: folder.path + "/NOTES.txt", atomically: true, encoding: .utf8)
    }
    let snapshot = try Workspace.open(at: folder.path, context: testContext()).snapshot()
    let history = try snapshot.clauseHistory("7.d")
    let ninth = try #require(history.versions.last)
    #expect(ninth.draft == 9 && ninth.text?.contains("forced labour") == true)
    let handMade = try #require(ninth.changes.last)
    #expect(handMade.kind == .amended && handMade.source.kind == .handMade)
    #expect(handMade.source.author == "Jane Clerk" && handMade.source.proposal == nil)
    #expect(handMade.source.summary == "Fix the spelling of labour")
    #expect(ninth.changes.dropLast().last?.source.proposal?.id == negotiation.amending[2])

    let blame = try snapshot.clauseBlame("7.d")
    #expect(blame.spans.map(\.text).joined() == blame.text)
    #expect(blame.spans.filter { $0.source.kind == .handMade }.map(\.text) == ["labour"])
    #expect(blame.notes.isEmpty)
    let git = try gitBlame(blame.path, in: folder.path)
    #expect(blame.lines.allSatisfy { git[$0.line] == $0.source.commit })

    let log = try snapshot.log()
    #expect(log.prefix(2).map(\.event) == ["hand-made", "hand-made"])
    #expect(log.prefix(2).allSatisfy { $0.handMade && $0.author == "Jane Clerk" })
    #expect(log.first?.summary == "Add a note for the interpreters")
  }

  @Test("a history squashed into one commit: drafts are still followed, changes are shown as hand-made")
  func squashedHistory() throws {
    let folder = try ScratchFolder()
    let negotiation = try GeneratedNegotiation.make(rounds: 1, in: folder)
    try git(["checkout", "-q", "--orphan", "squashed"], in: folder.path)
    try git(
      ["-c", "user.name=Jane Clerk", "-c", "user.email=jane@example.org", "commit", "-q", "-m", "Squash the record"],
      in: folder.path)
    let snapshot = try Workspace.open(at: folder.path, context: testContext()).snapshot()
    let history = try snapshot.clauseHistory("7.c")
    #expect(history.versions.map(\.draft) == [7, 8])
    #expect(history.versions.first?.changes.first?.source.kind == .received)
    let eighth = try #require(history.versions.last?.changes)
    #expect(eighth.map(\.kind) == [.amended])
    #expect(eighth.first?.source.kind == .handMade && eighth.first?.source.summary == "Squash the record")
    let blame = try snapshot.clauseBlame("7.c")
    #expect(blame.spans.filter { $0.source.kind == .handMade }.map(\.text) == [" (step 1)"])
    #expect(try snapshot.log().map(\.event) == ["hand-made"])
    // The proposal records are still in the tree, but no commit says which applied where.
    #expect(try snapshot.ledger.get().proposals[negotiation.amending[1] ?? ""] != nil)
  }

  @Test("an unreadable draft committed by hand is noted and its change counted with the commit that mends it")
  func unreadableDraft() throws {
    let folder = try ScratchFolder()
    _ = try makeNegotiation(in: folder)
    let draft = folder.path + "/drafts/07-seventh-draft.md"
    let original = try String(contentsOfFile: draft, encoding: .utf8)
    try commitByHand("Empty the draft", in: folder) { try "".write(toFile: draft, atomically: true, encoding: .utf8) }
    try commitByHand("Restore the draft with a change", in: folder) {
      try original.replacingOccurrences(of: "forced labor", with: "forced labour")
        .write(toFile: draft, atomically: true, encoding: .utf8)
    }
    let snapshot = try Workspace.open(at: folder.path, context: testContext()).snapshot()
    let history = try snapshot.clauseHistory("7.b")
    #expect(history.notes.count == 1 && history.notes.first?.contains("unreadable") == true)
    #expect(history.versions.first?.changes.last?.source.summary == "Restore the draft with a change")
  }

  @Test("unknown clauses suggest the nearest ids; missing drafts list the drafts there are")
  func badInput() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let snapshot = try workspace.snapshot()
    #expect(
      throws: LookupError.clause(.unknownClause("7.z", nearest: ["7.d", "7.c", "7.b", "7.a", "1.a"]), inDraft: 7)
    ) {
      try snapshot.clauseHistory("7.z")
    }
    #expect(throws: LookupError.noSuchDraft(3, drafts: [7])) { try snapshot.clauseBlame("7.b", draft: 3) }
    #expect(throws: LookupError.nothingBefore(draft: 7, drafts: [7])) {
      try snapshot.comparison()
    }
    _ = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 13), dryRun: false, allowEmpty: true)
    let later = try workspace.snapshot()
    #expect(throws: LookupError.outOfOrder(from: 8, to: 7)) {
      try later.comparison(from: 8, to: 7)
    }
    #expect(try later.comparison().entries.isEmpty)
  }

  @Test("trailers are read from the message's last paragraph only")
  func trailers() {
    let message = "Apply 1a2b3c4d (Canada) to 4 (c)\n\ninsert ';' at the end\n\nAmend-Event: applied\nAmend-Proposal: 1a2b3c4d\nAmend-Draft: 8\n"
    let trailers = CommitTrailers(message: message)
    #expect(trailers.event == "applied" && trailers.proposal == "1a2b3c4d" && trailers.draft == 8)
    #expect(!CommitTrailers(message: "Amend-Event: applied").isAmend)
    #expect(!CommitTrailers(message: "Fix a typo\n\nAmend-Event: applied\n\nSigned-off-by: Jane").isAmend)
  }
}
