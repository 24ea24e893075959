import AmendKit
import DraftText
import Foundation
import Testing

@Suite("Chairing a session")
struct ChairingTests {
  /// The seed with four proposals on 7 (b), 4 (h) and 5 tabled.
  struct Table {
    let folder: ScratchFolder
    let workspace: Workspace
    let labour: ProposalRecord
    let smuggling: ProposalRecord
    let exploitation: ProposalRecord
    let deletion: ProposalRecord
    let typo: ProposalRecord

    init() throws {
      folder = try ScratchFolder()
      workspace = try makeNegotiation(in: folder)
      labour = try workspace.propose(
        "7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil))
      smuggling = try workspace.propose(
        "7 (b)", by: "Group of African States",
        .insertWords(text: ", smuggling", anchor: .after("trafficking"), occurrence: nil))
      exploitation = try workspace.propose(
        "7 (b)", by: "Brazil",
        .replaceWords(words: "forced labor of", with: "forced labour and exploitation of", occurrence: nil))
      deletion = try workspace.propose("4 (h)", by: "United States", .deleteClause)
      typo = try workspace.propose(
        "4 (h)", by: "Canada", .replaceWords(words: "good practices", with: "best practices", occurrence: nil))
    }
  }

  @Test("no decision outside a session; one session open at a time")
  func sessionRules() throws {
    let table = try Table()
    let workspace = table.workspace
    #expect(throws: DecisionError.noOpenSession) { try workspace.decide(.accept, on: table.labour.proposalID) }
    _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
    #expect(throws: DecisionError.sessionStillOpen(name: "Second reading")) {
      try workspace.openSession(name: "Other", chair: "X", date: nil)
    }
    #expect(throws: DateError.noSuchDay("2010-02-30")) { try CalendarDate.parse("2010-02-30") }
    let closed = try workspace.closeSession()
    #expect(closed.name == "Second reading" && !closed.isOpen)
    #expect(throws: DecisionError.noSessionToClose) { try workspace.closeSession() }
  }

  @Test("the marshalled list flags collisions and takes the furthest from the text first")
  func agenda() throws {
    let table = try Table()
    let snapshot = try table.workspace.snapshot()
    let list = try snapshot.marshalledList(try snapshot.currentDraft()) { $0.isUndecided }
    let ids = list.map(\.id)
    // 4 (h) comes before 7 (b); on 7 (b) Brazil's wider change comes before the EU's that it collides with.
    #expect(ids.firstIndex(of: table.deletion.id)! < ids.firstIndex(of: table.labour.id)!)
    #expect(ids.firstIndex(of: table.exploitation.id)! < ids.firstIndex(of: table.labour.id)!)
    let labour = try #require(list.first { $0.id == table.labour.id })
    #expect(labour.collidesWith == [table.exploitation.id])
    let smuggling = try #require(list.first { $0.id == table.smuggling.id })
    #expect(smuggling.collidesWith.isEmpty)
    #expect(labour.redline.contains("forced ~~labor~~ **labour**"))
    let deletion = try #require(list.first { $0.id == table.deletion.id })
    #expect(deletion.collidesWith == [table.typo.id])
  }

  @Test("every decision path, each committed with the chair as author")
  func decisions() throws {
    let table = try Table()
    let workspace = table.workspace
    _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
    let accepted = try workspace.decide(.accept, on: table.labour.proposalID, note: "By consensus")
    #expect(accepted.kind == .accepted && accepted.chair == "Ambassador Ndiaye")
    // Different words of the same clause: both stand.
    _ = try workspace.decide(.accept, on: ProposalID(String(table.smuggling.id.prefix(5))))
    // The same words: refused, naming both; as orally revised is the way through.
    do {
      _ = try workspace.decide(.accept, on: table.exploitation.proposalID)
      Issue.record("a colliding acceptance should be refused")
    } catch let DecisionError.collides(proposal, delegation, with, withDelegation, words, clause) {
      #expect(proposal == table.exploitation.id && delegation == "Brazil")
      #expect(with == table.labour.id && withDelegation == "European Union")
      #expect(words.contains("labor") && clause == "7.b", "\(words)")
    }
    _ = try workspace.decide(.reject, on: table.exploitation.proposalID, note: "Falls")
    let session = try #require(try workspace.snapshot().ledger.get().openSession?.id)
    #expect(
      throws: DecisionError.alreadyDecided(
        proposal: table.exploitation.id, status: .rejected, session: session, takeBack: .reopen)
    ) { try workspace.decide(.accept, on: table.exploitation.proposalID) }
    _ = try workspace.decide(.reopen, on: table.exploitation.proposalID)
    _ = try workspace.decide(.deferral, on: table.exploitation.proposalID)
    // Deletion accepted: a text change to the same clause is refused.
    _ = try workspace.decide(.accept, on: table.deletion.proposalID)
    do {
      _ = try workspace.decide(.accept, on: table.typo.proposalID)
      Issue.record("a text change to a clause accepted for deletion should be refused")
    } catch let DecisionError.deletedByAccepted(proposal, clause, deleted, deletion, delegation, takeBack) {
      #expect(proposal == table.typo.id && clause == "4.h" && deleted == nil)
      #expect(deletion == table.deletion.id && delegation == "United States" && takeBack == .reopen)
    }
    let withdrawn = try workspace.propose("6", by: "Norway", .replaceWords(words: "politicians", with: "parliamentarians", occurrence: nil))
    _ = try workspace.withdraw(withdrawn.proposalID, by: "Norway")
    #expect(throws: DecisionError.withdrawn(proposal: withdrawn.id, by: "Norway")) {
      try workspace.decide(.accept, on: withdrawn.proposalID)
    }
    #expect(throws: LookupError.unknownProposal("ffffffff")) { try workspace.decide(.accept, on: "ffffffff") }

    let ledger = try workspace.snapshot().ledger.get()
    #expect(ledger.proposals[table.labour.id]?.status == .accepted)
    #expect(ledger.proposals[table.exploitation.id]?.status == .deferred)
    let closed = try workspace.closeSession()
    let minutes = Minutes.render(closed, ledger: try workspace.snapshot().ledger.get())
    #expect(minutes.contains("\(table.labour.id) European Union, 7 (b) of the seventh draft"))
    #expect(minutes.contains("reopened"))
    let authors = try git(["log", "--format=%an", "-8"], in: table.folder.path)
    #expect(authors.split(separator: "\n").filter { $0 == "Ambassador Ndiaye" }.count >= 6)
  }

  @Test("as orally revised takes the chair's whole text")
  func asRevised() throws {
    let table = try Table()
    let workspace = table.workspace
    _ = try workspace.openSession(name: "Second reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: table.labour.proposalID)
    let revised =
      "taking measures to combat trafficking and forced labour and exploitation of migrant workers, regardless of their immigration status;"
    let event = try workspace.decide(.accept, on: table.exploitation.proposalID, asRevised: revised)
    #expect(event.asRevised == revised)
  }
}
