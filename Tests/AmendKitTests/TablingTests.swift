import AmendKit
import DraftText
import Foundation
import GitStore
import Testing

@Suite("Tabling proposals")
struct TablingTests {
  @Test("amend init commits the seed byte for byte as the seventh draft")
  func initCommitsSeed() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let current = try workspace.snapshot().currentDraft()
    #expect(current.number == 7)
    #expect(current.file.path == "drafts/07-seventh-draft.md")
    #expect(Data(current.text.utf8) == FileManager.default.contents(atPath: Shared.seed))
    #expect(try git(["tag", "--list"], in: folder.path) == "draft-7\n")
    let onDisk = FileManager.default.contents(atPath: folder.path + "/drafts/07-seventh-draft.md")
    #expect(onDisk == FileManager.default.contents(atPath: Shared.seed))
  }

  @Test("a proposal to 7 (b) is recorded with the delegation as author and the keyboard as committer")
  func tablesWithDelegationAsAuthor() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let record = try workspace.propose(
      "7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil),
      cosponsors: ["Norway"])
    #expect(record.id.count == 8)
    #expect(record.clause == "7.b")
    #expect(record.textBefore.hasPrefix("taking measures to combat trafficking and forced labor"))
    #expect(record.textProposed?.contains("forced labour of migrant workers") == true)
    let log = try git(["log", "-1", "--format=%an <%ae>|%cn <%ce>", "--", "proposals"], in: folder.path)
    #expect(log == "European Union <european-union@delegations.invalid>|Secretariat <secretariat@example.org>\n")
    let file = try #require(FileManager.default.contents(atPath: folder.path + "/" + ProposalRecord.path(for: record.id)))
    let text = String(decoding: file, as: UTF8.self)
    #expect(text.hasPrefix("---\nid: \(record.id)\n"))
    #expect(text.contains("kind: replace-words"))
    #expect(text.contains("cosponsors:\n- Norway"))
    #expect(try git(["status", "--porcelain"], in: folder.path) == "")
  }

  @Test(
    "every operation is checked against the clause and recorded",
    arguments: [
      ("7.b", ProposalOperation.insertWords(text: ", smuggling", anchor: .after("trafficking"), occurrence: nil)),
      ("1 (c)", .deleteWords(words: "and economic downturn", occurrence: nil)),
      ("4 (c)", .insertWords(text: ";", anchor: .atEnd, occurrence: nil)),
      ("4 (a)", .insertWords(text: "urgently", anchor: .atStart, occurrence: nil)),
      ("4 (a)", .insertWords(text: "effective", anchor: .before("concrete measures"), occurrence: nil)),
      ("5", .replaceClause(text: "The Working Group invites all relevant organizations to act.")),
      ("4 (h)", .deleteClause),
      ("7 (b)", .newClause(text: "ensuring access to remedies;", before: false)),
      ("7 (b)", .newClause(text: "ensuring access to remedies;", before: true)),
      ("4 (k)", .moveClause(after: "4 (b)")),
      ("7", .replaceWords(words: "Working Group", with: "Working Group on Migration", occurrence: 2)),
    ])
  func everyOperation(clause: String, operation: ProposalOperation) throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let record = try workspace.propose(clause, by: "Mexico", operation)
    let read = try workspace.snapshot().ledger.get().proposal(record.proposalID)
    #expect(read.record == record)
    if case .moveClause = operation {
      #expect(try read.record.operation.decoded() == .moveClause(after: "4.b"))
    } else {
      #expect(try read.record.operation.decoded() == operation)
    }
    #expect(read.status == .pending)
  }

  @Test(
    "bad proposals are refused with the clause and the words, and nothing is written",
    arguments: [
      (
        "7 (z)", ProposalOperation.deleteClause,
        LookupError.clause(.unknownClause("7 (z)", nearest: ["7.d", "7.c", "7.b", "7.a", "1.a"]), inDraft: 7)
          as any Error & Equatable
      ),
      (
        "7 (b)", .replaceWords(words: "forced labr", with: "x", occurrence: nil),
        TablingError.wordsNotFound(words: "forced labr", clause: "7.b")
      ),
      ("7", .deleteWords(words: "Working Group", occurrence: nil), TablingError.wordsAmbiguous(words: "Working Group", count: 3, clause: "7")),
      (
        "7", .deleteWords(words: "Working Group", occurrence: 4),
        TablingError.noSuchOccurrence(words: "Working Group", occurrence: 4, count: 3, clause: "7")
      ),
      ("7 (b)", .replaceClause(text: "  "), TablingError.emptyText(clause: "7.b")),
      ("7 (b)", .replaceWords(words: "labor", with: "labor", occurrence: nil), TablingError.replacedWithItself(words: "labor", clause: "7.b")),
      ("7 (b)", .newClause(text: "", before: false), TablingError.emptyNewClause(next: "7.b")),
      // Moves go across lists and levels (docs/TREATIES.md), but not into the moved clause itself.
      ("4", .moveClause(after: "4 (k)"), TablingError.moveOutsideList(clause: "4", destination: "4.k")),
      ("4 (k)", .moveClauseBefore("4 (k)"), TablingError.moveOutsideList(clause: "4.k", destination: "4.k")),
    ] as [(String, ProposalOperation, any Error & Equatable)])
  func refusals(clause: String, operation: ProposalOperation, expected: any Error & Equatable) throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let before = try workspace.tip
    do {
      _ = try workspace.propose(clause, by: "Brazil", operation)
      Issue.record("tabling should have been refused")
    } catch {
      let matches = Self.same(error, expected)
      #expect(matches, "\(error) is not \(expected)")
    }
    #expect(try workspace.tip == before)
  }

  /// Whether `error` is `expected`, of the same type and with the same facts.
  static func same<Expected: Error & Equatable>(_ error: any Error, _ expected: Expected) -> Bool {
    (error as? Expected) == expected
  }

  @Test("an unknown clause lists the nearest ids; a missing delegation is refused")
  func unknownClauseAndDelegation() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    #expect(throws: TablingError.noDelegation) { try workspace.propose("7 (b)", by: "  ", .deleteClause) }
    #expect {
      try workspace.propose("7 (f)", by: "Brazil", .deleteClause)
    } throws: { error in
      guard case LookupError.clause(.unknownClause("7 (f)", let nearest), inDraft: 7) = error else { return false }
      return nearest.contains("7.d")
    }
  }

  @Test("only the proposer or a co-sponsor may withdraw, and only before a decision")
  func withdrawal() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let first = try workspace.propose("4 (h)", by: "United States", .deleteClause, cosponsors: ["Canada"])
    let second = try workspace.propose("5", by: "Switzerland", .replaceWords(words: "Groups", with: "Group", occurrence: nil))
    #expect(
      throws: TablingError.cannotWithdraw(
        delegation: "Brazil", proposal: first.id, proposer: "United States", cosponsors: ["Canada"])
    ) { try workspace.withdraw(first.proposalID, by: "Brazil") }
    let event = try workspace.withdraw(first.proposalID, by: "canada")
    #expect(event.by == "canada" && event.onBehalfOf == "United States")
    #expect(try workspace.snapshot().ledger.get().proposal(first.proposalID).status == .withdrawn)
    #expect(throws: TablingError.alreadyDecided(proposal: first.id, status: .withdrawn)) {
      try workspace.withdraw(first.proposalID, by: "United States")
    }
    _ = try workspace.openSession(name: "Second reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.reject, on: second.proposalID)
    #expect(throws: TablingError.alreadyDecided(proposal: second.id, status: .rejected)) {
      try workspace.withdraw(second.proposalID, by: "Switzerland")
    }
    let authors = try git(["log", "--format=%an"], in: folder.path).split(separator: "\n")
    #expect(authors.contains("canada") && authors.contains("Chair"))
  }

  @Test("a record edited into nonsense is reported by file and field, and the others are still read")
  func brokenRecords() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let good = try workspace.propose("5", by: "Switzerland", .replaceWords(words: "Groups", with: "Group", occurrence: nil))
    let bad = try workspace.propose("4 (h)", by: "United States", .deleteClause)
    let path = ProposalRecord.path(for: bad.id)
    let tip = try workspace.tip
    let original = try #require(try workspace.repository.fileContent(at: path, inCommit: tip))
    let wrongType = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "draft: 7", with: "draft: seven")
    let tree = try workspace.repository.writeTree(
      base: try workspace.repository.treeID(ofCommit: tip),
      changes: [
        .upsert(path: path, blob: try workspace.repository.writeBlob(Data(wrongType.utf8))),
        .upsert(path: "proposals/nonsense.md", blob: try workspace.repository.writeBlob(Data("}}} not yaml".utf8))),
      ])
    let signature = Signature(name: "Hand", email: "hand@example.org", time: Date(timeIntervalSince1970: 1_286_900_000))
    let commit = try workspace.repository.createCommit(
      tree: tree, parents: [tip], author: signature, committer: signature, message: "Edit by hand")
    try workspace.repository.updateReference(workspace.branch, to: commit, expecting: tip, message: "hand edit")
    let ledger = try workspace.snapshot().ledger.get()
    #expect(ledger.proposals[good.id] != nil)
    #expect(ledger.proposals[bad.id] == nil)
    let problems = ledger.problems.map(\.description)
    #expect(problems.contains { $0.hasPrefix(path) && $0.contains("'draft'") && $0.contains("whole number") }, "\(problems)")
    #expect(problems.contains { $0.hasPrefix("proposals/nonsense.md") }, "\(problems)")
  }
}
