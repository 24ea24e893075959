import DraftText
import Foundation
import GitStore
import Testing

@testable import AmendKit

@Suite("History: ten generated drafts", GeneratedNegotiation.BuiltOnce())
struct HistoryGeneratedTests {
  /// The negotiation is built once for the suite; each test opens its own workspace on it (a
  /// workspace is not shared between threads) and only reads.
  let negotiation: GeneratedNegotiation

  init() throws {
    negotiation = try #require(GeneratedNegotiation.shared, "the suite's negotiation was not built")
  }

  @Test("the drafts' clauses follow the published numbering tables from draft to draft")
  func historyAgreesWithNumberingTables() throws {
    let snapshot = try negotiation.workspace.snapshot()
    let timeline = try snapshot.timeline()
    #expect(timeline.latest.keys.sorted() == Array(7...17))
    #expect(timeline.problems.isEmpty)
    for number in 8...17 {
      let table = try #require(try snapshot.numbering(for: number))
      let old = timeline.versions[try timeline.latestVersion(of: number - 1)]
      let new = timeline.versions[try timeline.latestVersion(of: number)]
      for (position, clause) in old.draft.clauses.enumerated() {
        let followed = new.clause(onThread: old.threads[position]).map { new.draft.clauses[$0].id.rawValue }
        let published: String? = table.follow(clause.id.rawValue) ?? clause.id.rawValue
        #expect(followed == published, "draft \(number): \(clause.id.rawValue)")
      }
      let added = new.draft.clauses.indices.filter { old.clause(onThread: new.threads[$0]) == nil }
      #expect(
        added.map { new.draft.clauses[$0].id.rawValue }.sorted()
          == table.changes.filter { $0.old == nil }.compactMap(\.new).sorted())
    }
  }

  @Test("history follows 7 (b) of the seventh draft through ten renumberings and names each amendment")
  func historyFollowsRenumbering() throws {
    let history = try negotiation.workspace.snapshot().clauseHistory("7 (l)")
    #expect(history.versions.map(\.draft) == Array(7...17))
    #expect(history.versions.compactMap(\.clause) == ["7.b", "7.c", "7.d", "7.e", "7.f", "7.g", "7.h", "7.i", "7.j", "7.k", "7.l"])
    #expect(history.versions.first?.changes.map(\.kind) == [.received])
    #expect(
      history.versions.first?.text
        == "taking measures to combat trafficking and forced labor of migrant workers, regardless of their immigration status;")
    for (round, version) in zip(1...10, history.versions.dropFirst()) {
      #expect(version.text?.hasSuffix("(step \(round))") == true)
      #expect(version.changes.map(\.kind) == [.renumbered, .amended], "draft \(version.draft)")
      let renumbering = try #require(version.changes.first?.source.proposal)
      #expect(renumbering.id == negotiation.inserting[round])
      let amended = try #require(version.changes.last)
      let proposal = try #require(amended.source.proposal)
      #expect(amended.source.kind == .proposal && amended.source.draft == version.draft)
      #expect(proposal.id == negotiation.amending[round])
      #expect(proposal.delegation == GeneratedNegotiation.delegation(round))
      #expect(amended.source.author == GeneratedNegotiation.delegation(round))
      #expect(proposal.cosponsors == (round.isMultiple(of: 2) ? [GeneratedNegotiation.delegation(round + 1)] : []))
      #expect(proposal.decision?.kind == "accepted")
      #expect(proposal.decision?.sessionName == "Reading \(round)")
      #expect(proposal.decision?.date == String(format: "2010-11-%02d", round))
      #expect(proposal.decision?.chair == "Chair \(round % 2 + 1)")
      #expect(amended.clauseBefore == amended.clauseAfter)
      #expect(amended.textAfter == version.text)
    }
  }

  @Test("blame gives each round's words to its delegation and the rest to the seventh draft")
  func blameAttributesWords() throws {
    let blame = try negotiation.workspace.snapshot().clauseBlame("7.l")
    #expect(blame.spans.map(\.text).joined() == blame.text)
    #expect(blame.notes.isEmpty)
    #expect(
      blame.spans.first?.text == "taking measures to combat trafficking and forced labor of migrant workers, regardless of their immigration status;")
    #expect(blame.spans.first?.source.kind == .received)
    #expect(blame.spans.first?.source.draft == 7)
    let rounds = blame.spans.dropFirst()
    #expect(rounds.count == 10)
    for (round, span) in zip(1...10, rounds) {
      #expect(span.text == " (step \(round))")
      #expect(span.source.proposal?.id == negotiation.amending[round])
      #expect(span.source.draft == 7 + round)
    }
  }

  @Test("a clause inserted in round 3 begins in the tenth draft and is renumbered after")
  func newClauseHistory() throws {
    let current = try negotiation.workspace.snapshot().currentDraft()
    let inserted = try requireClause(current) { $0.text == "new measure number 3;" }
    let history = try negotiation.workspace.snapshot().clauseHistory(inserted.id.rawValue)
    #expect(history.versions.map(\.draft) == Array(10...17))
    #expect(history.versions.first?.changes.map(\.kind) == [.introduced])
    #expect(history.versions.first?.changes.first?.source.proposal?.id == negotiation.inserting[3])
    #expect(history.versions.first?.clause == "7.b")
    #expect(history.versions.last?.clause == inserted.id.rawValue)
    #expect(history.versions.dropFirst().allSatisfy { $0.changes.map(\.kind) == [.renumbered] })
    let blame = try negotiation.workspace.snapshot().clauseBlame(inserted.id.rawValue)
    #expect(blame.spans.count == 1 && blame.spans.first?.source.proposal?.id == negotiation.inserting[3])
  }

  @Test("a deleted clause's history ends in the draft that deleted it, naming the proposal")
  func deletedClauseHistory() throws {
    let history = try negotiation.workspace.snapshot().clauseHistory("4.k", draft: 7)
    #expect(history.versions.map(\.draft) == [7, 8])
    let deleted = try #require(history.versions.last)
    #expect(deleted.clause == nil && deleted.text == nil)
    #expect(deleted.changes.map(\.kind) == [.deleted])
    #expect(deleted.changes.first?.source.proposal?.id == negotiation.deleting[1])
    #expect(deleted.changes.first?.source.proposal?.delegation == "United States")
    #expect(deleted.changes.first?.textBefore == negotiation.deletedText[1])
  }

  @Test("a moved clause is reported as moved, and the comparison of two drafts lists every change")
  func movesAndComparison() throws {
    let snapshot = try negotiation.workspace.snapshot()
    let history = try snapshot.clauseHistory("1.a", draft: 7)
    #expect(history.versions.map(\.clause)[0...4] == ["1.a", "1.a", "1.a", "1.b", "1.b"])
    let moved = try #require(history.versions.first { $0.draft == 10 }?.changes.first)
    #expect(moved.kind == .renumbered || moved.kind == .moved)
    let comparison = try snapshot.comparison()
    #expect(comparison.from == 16 && comparison.to == 17)
    let kinds = Dictionary(grouping: comparison.entries, by: \.kind).mapValues(\.count)
    #expect(kinds[.introduced] == 1 && kinds[.amended] == 1 && kinds[.deleted] == nil)
    let tenth = try snapshot.comparison(from: 9, to: 10)
    #expect(tenth.entries.filter { $0.kind == .deleted }.map(\.textBefore) == [negotiation.deletedText[3]])
    #expect(tenth.entries.filter { $0.kind == .deleted }.first?.changes.first?.source.proposal?.id == negotiation.deleting[3])
    let whole = try snapshot.comparison(from: 7, to: 17, clause: "7.l")
    #expect(whole.entries.count == 1)
    #expect(whole.entries.first?.changes.filter { $0.kind == .amended }.count == 10)
    #expect(
      whole.entries.first?.redline.hasSuffix("status; **(step 1) (step 2) (step 3) (step 4) (step 5) (step 6) (step 7) (step 8) (step 9) (step 10)**")
        == true)
  }

  @Test("for every clause line of every draft, amend's attribution agrees with git blame --porcelain")
  func agreesWithGitBlame() throws {
    let snapshot = try negotiation.workspace.snapshot()
    let timeline = try snapshot.timeline()
    let ledger = try snapshot.ledger.get()
    for number in 7...17 {
      let version = timeline.versions[try timeline.latestVersion(of: number)]
      let git = try gitBlame(version.file.path, in: negotiation.path)
      for clause in version.draft.clauses {
        let blame = try timeline.blame(of: clause.id.rawValue, inDraft: number, ledger: ledger)
        for line in blame.lines {
          #expect(git[line.line] == line.source.commit, "\(version.file.path):\(line.line) \(clause.id.display)")
        }
      }
    }
  }

  @Test("the log lists every event newest first, with who and when")
  func log() throws {
    let entries = try negotiation.workspace.snapshot().log()
    let count = try git(["rev-list", "--count", "HEAD"], in: negotiation.path).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(String(entries.count) == count)
    #expect(entries.first?.event == "draft-produced" && entries.first?.draft == 17)
    #expect(entries.last?.event == "draft-produced" && entries.last?.draft == 7)
    #expect(entries.allSatisfy { !$0.handMade })
    let amending = negotiation.amending[10]
    let tabled = try #require(entries.first { $0.event == "tabled" && $0.proposal == amending })
    #expect(tabled.delegation == GeneratedNegotiation.delegation(10) && tabled.author == tabled.delegation)
    #expect(entries.contains { $0.event == "rejected" && $0.author == "Chair 1" })
    #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.time >= $1.time })
  }
}

/// `git blame --porcelain` of `path` at HEAD: the commit of each 1-based line.
func gitBlame(_ path: String, in folder: String) throws -> [Int: String] {
  var commits: [Int: String] = [:]
  for line in try git(["blame", "--porcelain", path], in: folder).split(separator: "\n") {
    let fields = line.split(separator: " ")
    guard fields.count >= 3, fields[0].count == 40, fields[0].allSatisfy(\.isHexDigit), let final = Int(fields[2])
    else { continue }
    commits[final] = String(fields[0])
  }
  return commits
}
