import DraftText
import Foundation
import NegotiationGenerator
import Testing

@testable import AmendKit

private let labour = ProposalOperation.replaceWords(words: "forced labor", with: "forced labour", occurrence: nil)
private let revised7b =
  "taking measures to combat trafficking and forced or compulsory labour of migrant workers, regardless of their immigration status;"

@Suite("Names are one line of printable text")
struct NameRuleTests {
  @Test(
    "real delegation names pass as written",
    arguments: [
      "Côte d'Ivoire", "Bolivia (Plurinational State of)", "Türkiye", "São Tomé and Príncipe",
      "Group of 77 and China", "Venezuela (Bolivarian Republic of)", "中国", "Amend-Event: a name, not a trailer",
    ])
  func realNames(name: String) throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let record = try workspace.propose("7 (b)", by: name, labour, cosponsors: ["Egypt"])
    #expect(record.delegation == name)
    let author = try git(["log", "-1", "--format=%an"], in: folder.path)
    #expect(author == name + "\n")
    #expect(try git(["fsck", "--strict", "--no-dangling"], in: folder.path) == "")
  }

  @Test("a committer given to the library is checked like any other name")
  func committerInContext() throws {
    let folder = try ScratchFolder()
    _ = try makeNegotiation(in: folder)
    var context = testContext()
    context.committer = Person(name: "Secre\ntariat", email: "s@example.org")
    let workspace = try Workspace.open(at: folder.path, context: context)
    let tip = try workspace.tip
    #expect(throws: NameError.lineBreak(.committerName(.context), text: "Secre\ntariat")) {
      try workspace.propose("7 (b)", by: "Brazil", labour)
    }
    #expect(try workspace.tip == tip)
  }

  @Test("every commit carries exactly amend's own trailers, whatever the names and texts")
  func trailersCannotBeForged() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let a = try workspace.propose("7 (b)", by: "Amend-Event: accepted", labour)
    let b = try workspace.propose(
      "7 (d)", by: "Brazil", .deleteWords(words: "Also emphasizing", occurrence: nil))
    _ = try workspace.openSession(name: "Amend-Proposal: zzzz", chair: "Amend-Session: x", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: a.proposalID, note: "note\n\nAmend-Event: forged")
    _ = try workspace.decide(.accept, on: b.proposalID)
    _ = try workspace.closeSession()
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
    let log = try git(["log", "--format=%H"], in: folder.path).split(separator: "\n")
    for commit in log {
      let events = try git(
        ["show", "-s", "--format=%(trailers:key=Amend-Event,valueonly)", String(commit)], in: folder.path)
      #expect(events.split(separator: "\n").count == 1, "\(commit): \(events)")
      #expect(!events.contains("forged") && !events.contains("accepted\naccepted"))
    }
  }
}

@Suite("One clause's text is one clause")
struct OneClauseTests {
  @Test("a new clause that starts with its own number loses the number, with a note")
  func markerStripped() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let paragraph = try workspace.propose(
      "1", by: "Brazil", .newClause(text: "2. The Working Group stresses cooperation.", before: false))
    #expect(paragraph.textProposed == "The Working Group stresses cooperation.")
    #expect(workspace.warnings.contains { $0.contains("'2.'") })
    let sub = try workspace.propose(
      "7 (b)", by: "Philippines", .newClause(text: "- c) ensuring access to remedies;", before: false))
    #expect(sub.textProposed == "ensuring access to remedies;")
    let whole = try workspace.propose(
      "7 (b)", by: "Chile", .replaceClause(text: "b) taking measures against trafficking;"))
    #expect(whole.textProposed == "taking measures against trafficking;")
    // A roman numeral in a lettered list is the clause's own words, not its marker.
    let kept = try workspace.propose("7 (b)", by: "Peru", .newClause(text: "(i) the right to remedies;", before: false))
    #expect(kept.textProposed == "(i) the right to remedies;")
    _ = try workspace.openSession(name: "Reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    for id in [paragraph.id, sub.id] { _ = try workspace.decide(.accept, on: ProposalID(id)) }
    _ = try workspace.closeSession()
    let next = try workspace.produceNextDraft(date: nil, dryRun: false)
    #expect(next.text.contains("\n2. The Working Group stresses cooperation.\n"))
    #expect(next.text.contains("- c) ensuring access to remedies;"))
  }

  @Test("a line break in a one-line clause is refused; an accepted change renumbers nothing")
  func numberingTableIsComplete() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let tip = try workspace.tip
    #expect(throws: ClauseTextError.notOneClause(.proposedText("7.b"))) {
      try workspace.propose(
        "7 (b)", by: "Brazil", .replaceWords(words: "forced labor", with: "forced labour\nof all kinds", occurrence: nil))
    }
    #expect(try workspace.tip == tip)
    let text = try workspace.propose(
      "7 (b)", by: "Brazil", .replaceWords(words: "forced labor", with: "forced labour of all kinds", occurrence: nil))
    _ = try workspace.openSession(name: "Reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: text.proposalID)
    _ = try workspace.closeSession()
    let next = try workspace.produceNextDraft(date: nil, dryRun: false)
    let old = try Draft(parsing: try workspace.snapshot().draft(number: 7).text).clauses.map(\.id)
    let new = try Draft(parsing: next.text).clauses.map(\.id)
    #expect(old == new)
    #expect(next.numbering.changes.isEmpty)
  }
}

@Suite("An accepted set always produces a draft; no state is a dead end")
struct AcceptedSetTests {
  @Test("a deletion accepted as orally revised replaces the clause with the chair's text")
  func deletionAsRevised() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let deletion = try workspace.propose("4 (h)", by: "United States", .deleteClause)
    _ = try workspace.openSession(name: "Reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: deletion.proposalID, asRevised: "to identify and share good practices;")
    _ = try workspace.closeSession()
    let next = try workspace.produceNextDraft(date: nil, dryRun: false)
    #expect(next.text.contains("- h) to identify and share good practices;\n"))
    #expect(next.numbering.changes.isEmpty)
    #expect(next.applied == [deletion.id])
  }

  /// An acceptance the rules now refuse, written as an older amend let it through.
  func legacyAcceptance(_ workspace: Workspace, _ id: String, asRevised: String) throws {
    try workspace.commit(author: Person.named("Chair"), message: { _ in "Accept \(id)\n\nAmend-Event: accepted" }) { snapshot in
      let ledger = try snapshot.ledger.get()
      let session = try #require(ledger.openSession)
      var made = EventRecord(id: "legacy\(id)", seq: ledger.nextSeq, kind: .accepted, time: "2010-10-13T10:00:00Z")
      made.proposal = id
      made.session = session.id
      made.chair = session.chair
      made.date = session.date
      made.asRevised = asRevised
      return [EventRecord.path(for: made.id): Data(try RecordCoding.encode(made).utf8)]
    }
  }

  @Test("a proposal stuck by an older acceptance is reconsidered in a later session, and the draft produced")
  func reconsiderUnsticks() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let stuck = try workspace.propose("7 (b)", by: "European Union", labour)
    _ = try workspace.openSession(name: "Second reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    try legacyAcceptance(workspace, stuck.id, asRevised: "taking measures;\n\n8. A new paragraph slipped in")
    _ = try workspace.closeSession()
    do {
      _ = try workspace.produceNextDraft(date: nil, dryRun: false)
      Issue.record("next should refuse an accepted text that is more than one clause")
    } catch let NextDraftError.noLongerApplies(proposal, delegation, problem) {
      #expect(proposal == stuck.id && delegation == "European Union")
      #expect(problem == .text(.notOneClause(.revisedText(proposal: stuck.id, clause: "7.b"))), "\(problem)")
    }
    _ = try workspace.openSession(name: "Third reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 14))
    do {
      _ = try workspace.decide(.reopen, on: stuck.proposalID)
      Issue.record("reopen is for this session's decisions")
    } catch let error as DecisionError {
      #expect(error == .decidedInEarlierSession(proposal: stuck.id, session: "2010-10-13-second-reading"))
    }
    let event = try workspace.decide(.reconsider, on: stuck.proposalID, note: "The text read out held two paragraphs.")
    #expect(event.kind == .reconsidered)
    let ledger = try workspace.snapshot().ledger.get()
    #expect(try ledger.proposal(stuck.proposalID).status == .pending)
    #expect(ledger.events.filter { $0.proposal == stuck.id }.map(\.kind) == [.accepted, .reconsidered])
    #expect(ledger.sessions.last?.decisions.map(\.kind) == [.reconsidered])
    _ = try workspace.decide(.accept, on: stuck.proposalID)
    _ = try workspace.closeSession()
    let next = try workspace.produceNextDraft(date: nil, dryRun: false)
    #expect(next.text.contains("forced labour of migrant workers"))
    #expect(!next.text.contains("slipped in"))
  }

  @Test("reconsider refuses what it cannot take back, naming what to do instead")
  func reconsiderRefusals() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let a = try workspace.propose("7 (b)", by: "European Union", labour)
    _ = try workspace.openSession(name: "Second reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: a.proposalID)
    #expect(throws: DecisionError.decidedInThisSession(proposal: a.id)) { try workspace.decide(.reconsider, on: a.proposalID) }
    _ = try workspace.closeSession()
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
    _ = try workspace.openSession(name: "Third reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 14))
    #expect(throws: DecisionError.applied(proposal: a.id, inDraft: 8)) { try workspace.decide(.reconsider, on: a.proposalID) }
  }

  @Test("random sets that accept lets through always produce a draft", arguments: 0..<16)
  func randomAcceptedSets(seed: Int) throws {
    var random = SeededRandom(seed: UInt64(seed) &* 0x9E37_79B9 &+ 1)
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    for round in 0..<2 {
      let draft = try workspace.snapshot().currentDraft().draft
      let clauses = draft.clauses
      var tabled: [String] = []
      for _ in 0..<10 {
        let clause = clauses[random.next(clauses.count)]
        let words = clause.text.split(separator: " ").map(String.init)
        let word = words[random.next(words.count)]
        let operation: ProposalOperation
        switch random.next(8) {
        case 0: operation = .replaceWords(words: word, with: "REPLACED\(round)", occurrence: nil)
        case 1: operation = .deleteWords(words: word, occurrence: nil)
        case 2: operation = .insertWords(text: "inserted \(round)", anchor: random.next(2) == 0 ? .atEnd : .after(word), occurrence: nil)
        case 3: operation = .replaceClause(text: "a whole new text \(round);")
        case 4: operation = .deleteClause
        case 5: operation = .newClause(text: "a new clause \(round);", before: random.next(3) == 0)
        case 6:
          let siblings = clauses.filter { $0.parentKey == clause.parentKey && $0.key != clause.key }
          guard let target = siblings.isEmpty ? nil : siblings[random.next(siblings.count)] else { continue }
          operation = .moveClause(after: target.id.rawValue)
        default: operation = .replaceWords(words: word, with: word.uppercased() + "X", occurrence: nil)
        }
        if let record = try? workspace.propose(clause.id.rawValue, by: "Delegation \(random.next(5))", operation) {
          tabled.append(record.id)
        }
      }
      _ = try workspace.openSession(name: "Reading \(round)", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13 + round))
      for id in tabled.shuffled(using: &random) {
        switch random.next(5) {
        case 0: _ = try? workspace.decide(.reject, on: ProposalID(id))
        case 1:
          let state = try workspace.snapshot().ledger.get().proposal(ProposalID(id))
          _ = try? workspace.decide(.accept, on: ProposalID(id), asRevised: "as read out for \(state.record.clause) in round \(round);")
        default: _ = try? workspace.decide(.accept, on: ProposalID(id))
        }
      }
      _ = try workspace.closeSession()
      let next = try workspace.produceNextDraft(date: nil, dryRun: false)
      _ = try Draft(parsing: next.text)
    }
  }
}

extension SeededRandom {
  /// A number in 0..<bound: every run tries the same sets.
  mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}

@Suite("Oral revisions are credited to the chair")
struct OralRevisionAttributionTests {
  @Test("the delegation keeps its words, the chair's words are the chair's, and git blame agrees")
  func blameSplitsTheCredit() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let eu = try workspace.propose("7 (b)", by: "European Union", labour)
    let ph = try workspace.propose(
      "7 (b)", by: "Philippines", .newClause(text: "ensuring access to remedies;", before: false))
    _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: eu.proposalID, asRevised: revised7b)
    _ = try workspace.decide(.accept, on: ph.proposalID, asRevised: "ensuring effective access to remedies;")
    _ = try workspace.closeSession()
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
    let snapshot = try workspace.snapshot()

    let blame = try snapshot.clauseBlame("7 (b)")
    #expect(blame.text == revised7b)
    let labourSpan = try #require(blame.spans.first { $0.text.contains("labour") })
    #expect(labourSpan.source.proposal?.delegation == "European Union")
    #expect(labourSpan.source.oralRevision == nil)
    let chairSpan = try #require(blame.spans.first { $0.text.contains("compulsory") })
    #expect(!chairSpan.text.contains("labour"))
    #expect(chairSpan.source.oralRevision?.chair == "Ambassador Ndiaye")
    #expect(chairSpan.source.author == "Ambassador Ndiaye")
    #expect(chairSpan.source.proposal?.id == eu.id)
    #expect(chairSpan.source.who.contains("Ambassador Ndiaye"))

    let added = try snapshot.clauseBlame("7 (c)")
    #expect(added.spans.first { $0.text.contains("effective") }?.source.oralRevision?.chair == "Ambassador Ndiaye")
    #expect(added.spans.first { $0.text.contains("remedies") }?.source.proposal?.delegation == "Philippines")
    #expect(added.spans.first { $0.text.contains("remedies") }?.source.oralRevision == nil)

    // git blame names the chair for the lines the chair's words are on.
    for line in blame.lines + added.lines {
      let porcelain = try git(
        ["blame", "--porcelain", "-L", "\(line.line),\(line.line)", "drafts/08-eighth-draft.md"], in: folder.path)
      #expect(porcelain.contains("\nauthor Ambassador Ndiaye\n"), "\(porcelain)")
      #expect(porcelain.hasPrefix(line.source.commit))
    }

    let history = try snapshot.clauseHistory("7 (b)")
    let changes = try #require(history.versions.last?.changes)
    #expect(changes.map(\.kind) == [.amended, .amended])
    #expect(changes.first?.source.proposal?.delegation == "European Union")
    #expect(changes.first?.textAfter?.contains("forced labour") == true)
    #expect(changes.last?.source.oralRevision?.session != nil)
    #expect(changes.last?.textAfter == revised7b)
  }
}
