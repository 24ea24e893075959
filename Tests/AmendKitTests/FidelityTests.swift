import DraftText
import Foundation
import GitStore
import Testing
import Wording

@testable import AmendKit

@Suite("Fidelity: agreed text never changes silently")
struct FidelityTests {
  /// The real-text tests here and in NextDraftTests take their cases from ../shared: without it they
  /// would have none, and pass.
  @Test("the seed and the real texts are present in ../shared")
  func realCasesPresent() throws {
    try #require(FileManager.default.fileExists(atPath: Shared.seed), "no seed at \(Shared.seed)")
    let present = Set(Shared.realCases.map { URL(fileURLWithPath: $0).lastPathComponent })
    for name in Shared.expectedRealCases {
      try #require(present.contains(name), "\(name) is missing from \(Shared.root.path)/realcases")
    }
  }

  /// The clause a test amends in each text: one with words to change, deep in the document.
  func target(in draft: Draft) throws -> Clause {
    let candidates = draft.clauses.filter { Words($0.text).tokens.filter { $0.count > 3 }.count > 6 }
    return try #require(candidates.dropFirst(candidates.count / 2).first)
  }

  @Test("an accepted change alters its own line and no other", arguments: [Shared.seed] + Shared.realCases)
  func acceptedChangeTouchesOnlyItsLine(source: String) throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(from: source, in: folder)
    let before = try workspace.snapshot().currentDraft()
    let clause = try target(in: before.draft)
    let word = try #require(Words(clause.text).tokens.first { $0.count > 3 && $0.allSatisfy(\.isLetter) })
    let record = try workspace.propose(
      clause.id.rawValue, by: "Chile",
      .replaceWords(words: String(word), with: word.uppercased(), occurrence: 1))
    _ = try workspace.openSession(name: "Reading", chair: "Chair", date: CalendarDate(year: 2016, month: 2, day: 1))
    _ = try workspace.decide(.accept, on: record.proposalID)
    _ = try workspace.closeSession()
    let title = before.draft.titleBlock != nil && before.draft.ordinal == nil ? "Revised text" : nil
    let next = try workspace.produceNextDraft(date: nil, title: title, dryRun: true)
    let old = before.text.components(separatedBy: "\n")
    let new = next.text.components(separatedBy: "\n")
    #expect(old.count == new.count)
    let allowed = Set([before.draft.titleBlock?.titleLine, before.draft.titleBlock?.dateLineNumber].compactMap { $0 })
    let amended = try #require(try Draft(parsing: next.text).clause(key: clause.key) ?? Draft(parsing: next.text).clause(clause.id))
    for (index, pair) in zip(old, new).enumerated() where pair.0 != pair.1 {
      let isAmendedLine = pair.1.contains(word.uppercased()) && amended.text.contains(word.uppercased())
      #expect(allowed.contains(index + 1) || isAmendedLine, "line \(index + 1) changed: \(pair.0) → \(pair.1)")
    }
    #expect(next.text.contains(word.uppercased()))
  }

  @Test("init works without flags on every real text, and show gives it back byte for byte", arguments: Shared.realCases)
  func initEveryRealText(source: String) throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(from: source, in: folder)
    let current = try workspace.snapshot().currentDraft()
    #expect(Data(current.text.utf8) == FileManager.default.contents(atPath: source))
    #expect(current.number >= 1)
  }

  @Test("two colliding acceptances that reached the record by merging clones: next refuses, writing nothing")
  func conflictLeftUnresolved() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let first = try workspace.propose(
      "7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil))
    let second = try workspace.propose(
      "7 (b)", by: "Brazil", .replaceWords(words: "forced labor", with: "compulsory labour", occurrence: nil))
    _ = try workspace.openSession(name: "Reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: first.proposalID)
    // The second acceptance arrives as a record written elsewhere (another clone), not through the
    // checks `amend accept` makes.
    let ledger = try workspace.snapshot().ledger.get()
    var event = EventRecord(id: "0000000000ff", seq: ledger.nextSeq, kind: .accepted, time: "2010-10-13T10:00:00Z")
    event.proposal = second.id
    event.session = ledger.openSession?.id
    let tip = try workspace.tip
    let tree = try workspace.repository.writeTree(
      base: try workspace.repository.treeID(ofCommit: tip),
      changes: [
        .upsert(
          path: EventRecord.path(for: event.id),
          blob: try workspace.repository.writeBlob(Data(try RecordCoding.encode(event).utf8)))
      ])
    let hand = Signature(name: "Other clone", email: "clone@example.org", time: Date(timeIntervalSince1970: 1_286_960_000))
    let merged = try workspace.repository.createCommit(
      tree: tree, parents: [tip], author: hand, committer: hand, message: "Decision from another clone")
    try workspace.repository.updateReference(workspace.branch, to: merged, expecting: tip, message: "merge")
    _ = try workspace.closeSession()
    let closed = try workspace.tip
    do {
      _ = try workspace.produceNextDraft(date: nil, dryRun: false)
      Issue.record("next should refuse a conflict left unresolved")
    } catch let NextDraftError.unresolvedCollision(proposal, delegation, words, clause) {
      #expect(proposal == second.id && delegation == "Brazil" && clause == "7.b")
      #expect(words.contains("labor"), "\(words)")
    }
    #expect(try workspace.tip == closed)
    #expect(try git(["tag", "--list"], in: folder.path) == "draft-7\n")
  }
}
