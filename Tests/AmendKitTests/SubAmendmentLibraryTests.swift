import AmendKit
import DraftText
import Foundation
import Testing

/// Sub-amendments through the library: two accepted one after the other on a proposed new clause.
@Suite("Sub-amendments (library)")
struct SubAmendmentLibraryTests {
  @Test("two sub-amendments of a new clause, accepted in turn: the parent's text, the draft and blame follow them")
  func twoOnANewClause() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let parent = try workspace.propose("7 (b)", by: "Philippines", .newClause(text: "ensuring access to effective remedies;", before: false))
    func subAmend(_ delegation: String, _ operation: ProposalOperation) throws -> ProposalRecord {
      var request = ProposalRequest(clause: "", delegation: delegation, operation: operation)
      request.to = parent.proposalID
      return try workspace.table(request)
    }
    let timely = try subAmend("Brazil", .replaceWords(words: "effective remedies", with: "effective and timely remedies", occurrence: nil))
    let full = try subAmend("Chile", .insertWords(text: "full ", anchor: .before("access"), occurrence: nil))
    #expect(timely.to == parent.id && timely.textBefore == "ensuring access to effective remedies;")
    #expect(timely.textProposed == "ensuring access to effective and timely remedies;")
    #expect(throws: SubAmendmentError.parentIsSubAmendment(parent: timely.id, itsParent: parent.id)) {
      var request = ProposalRequest(clause: "", delegation: "Chile", operation: .deleteWords(words: "timely", occurrence: nil))
      request.to = timely.proposalID
      _ = try workspace.table(request)
    }

    let snapshot = try workspace.snapshot()
    let order = try snapshot.marshalledList(try snapshot.currentDraft()) { $0.isOnAgenda }.map(\.id)
    #expect(order == [timely.id, full.id, parent.id])

    _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
    #expect(throws: SubAmendmentError.subAmendmentsUndecided(parent: parent.id, pending: [timely.id, full.id], delegations: ["Brazil", "Chile"])) {
      try workspace.decide(.accept, on: parent.proposalID)
    }
    _ = try workspace.decide(.accept, on: timely.proposalID)
    _ = try workspace.decide(.accept, on: full.proposalID)
    let ledger = try workspace.snapshot().ledger.get()
    let amended = try #require(ledger.proposals[parent.id])
    #expect(amended.record.textProposed == "ensuring full access to effective and timely remedies;")
    #expect(try amended.record.operation.decoded() == .newClause(text: "ensuring full access to effective and timely remedies;", before: false))
    #expect(amended.subAmendedBy.compactMap(\.subAmendment) == [timely.id, full.id])
    #expect(amended.unamended?.textProposed == "ensuring access to effective remedies;")
    #expect(ledger.events.filter { $0.kind == .subAmended }.map(\.by) == ["Brazil", "Chile"])

    _ = try workspace.decide(.accept, on: parent.proposalID)
    _ = try workspace.closeSession()
    let next = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 14), dryRun: false)
    #expect(next.applied == [parent.id, timely.id, full.id])
    #expect(next.text.contains("ensuring full access to effective and timely remedies;"))
    let after = try workspace.snapshot()
    let statuses = try after.ledger.get().proposals.values.map(\.status)
    #expect(Set(statuses) == [.applied])
    let added = try #require(next.numbering.changes.first { $0.proposal == parent.id }?.new)
    let blame = try after.clauseBlame(added)
    func words(of delegation: String) -> String {
      blame.spans.filter { $0.source.proposal?.delegation == delegation }.map(\.text).joined()
    }
    #expect(words(of: "Brazil").contains("and timely"), "\(blame.spans.map { ($0.text, $0.source.who) })")
    #expect(words(of: "Chile").contains("full"))
    #expect(words(of: "Philippines").contains("remedies"))
    #expect(!words(of: "Philippines").contains("timely"))
  }
}
