import AmendKit
import DraftText
import Foundation
import Testing

@Suite("What accept refuses so that next can always produce the draft")
struct AcceptanceRulesTests {
  func session(_ workspace: Workspace) throws {
    _ = try workspace.openSession(name: "Reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
  }

  @Test("a paragraph accepted for deletion takes its subparagraphs: changes to them are refused, and the other way round")
  func deletionTakesSubparagraphs() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let paragraph = try workspace.propose("4", by: "United States", .deleteClause)
    let sub = try workspace.propose(
      "4 (a)", by: "Canada", .replaceWords(words: "concrete measures", with: "effective measures", occurrence: nil))
    let newAfterSub = try workspace.propose("4 (a)", by: "Chile", .newClause(text: "to act;", before: false))
    try session(workspace)
    _ = try workspace.decide(.accept, on: paragraph.proposalID)
    for id in [sub.id, newAfterSub.id] {
      do {
        _ = try workspace.decide(.accept, on: ProposalID(id))
        Issue.record("a change under a paragraph accepted for deletion should be refused")
      } catch let error as DecisionError {
        #expect(
          error
            == .deletedByAccepted(
              proposal: id, clause: "4.a", deleted: "4", deletion: paragraph.id, delegation: "United States",
              takeBack: .reopen), "\(error)")
      }
    }
    _ = try workspace.decide(.reopen, on: paragraph.proposalID)
    _ = try workspace.decide(.accept, on: sub.proposalID)
    do {
      _ = try workspace.decide(.accept, on: paragraph.proposalID)
      Issue.record("deleting a paragraph with an accepted change in it should be refused")
    } catch let error as DecisionError {
      #expect(error == .acceptedChangeInside(clause: "4", change: sub.id, delegation: "Canada", takeBack: .reopen), "\(error)")
    }
    _ = try workspace.closeSession()
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
  }

  @Test("a subparagraph moved out of a paragraph accepted for deletion, and reworded, is accepted in either order: moves come first")
  func movedOutOfDeletion() throws {
    for deletionFirst in [true, false] {
      let folder = try ScratchFolder()
      let workspace = try makeNegotiation(in: folder)
      let paragraph = try workspace.propose("4", by: "United States", .deleteClause)
      let move = try workspace.propose("4 (a)", by: "Canada", .moveClause(after: "5"))
      let wording = try workspace.propose(
        "4 (a)", by: "Chile", .replaceClause(text: "States are invited to adopt a human rights approach to migration."))
      try session(workspace)
      for id in deletionFirst ? [paragraph, move, wording] : [move, wording, paragraph] {
        _ = try workspace.decide(.accept, on: id.proposalID)
      }
      _ = try workspace.closeSession()
      let next = try workspace.produceNextDraft(date: nil, dryRun: false)
      #expect(!next.text.contains("The Working Group invites States:"))
      #expect(!next.text.contains("awareness raising campaigns"))
      #expect(next.text.contains("in accordance with their mandates.\n\n5. States are invited to adopt a human rights approach to migration.\n"))
    }
  }

  @Test("two deletions of one clause: the second is refused, and the draft is produced")
  func doubleDeletion() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let first = try workspace.propose("4 (h)", by: "United States", .deleteClause)
    let second = try workspace.propose("4 (h)", by: "Canada", .deleteClause)
    try session(workspace)
    _ = try workspace.decide(.accept, on: first.proposalID)
    #expect(
      throws: DecisionError.deletedByAccepted(
        proposal: second.id, clause: "4.h", deleted: nil, deletion: first.id, delegation: "United States",
        takeBack: .reopen)
    ) { try workspace.decide(.accept, on: second.proposalID) }
    _ = try workspace.decide(.reject, on: second.proposalID, note: "Falls with the first")
    _ = try workspace.closeSession()
    let next = try workspace.produceNextDraft(date: nil, dryRun: false)
    #expect(!next.text.contains("good practices on migration"))
  }

  @Test("a change that would not combine with an accepted oral revision is refused; one that would is accepted")
  func combinesWithOralRevision() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let labour = try workspace.propose(
      "7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil))
    let compulsory = try workspace.propose(
      "7 (b)", by: "Brazil", .replaceWords(words: "forced labor", with: "compulsory labour", occurrence: nil))
    let status = try workspace.propose(
      "7 (b)", by: "Chile", .replaceWords(words: "regardless of", with: "irrespective of", occurrence: nil))
    try session(workspace)
    _ = try workspace.decide(
      .accept, on: labour.proposalID,
      asRevised: "taking measures to combat trafficking and forced or compulsory labour of migrant workers, regardless of their immigration status;")
    #expect {
      try workspace.decide(.accept, on: compulsory.proposalID)
    } throws: { error in
      guard case DecisionError.collides(compulsory.id, "Brazil", labour.id, "European Union", _, "7.b") = error else {
        return false
      }
      return true
    }
    _ = try workspace.decide(.accept, on: status.proposalID)
    _ = try workspace.closeSession()
    let next = try workspace.produceNextDraft(date: nil, dryRun: false)
    #expect(
      next.text.contains(
        "taking measures to combat trafficking and forced or compulsory labour of migrant workers, irrespective of their immigration status;"))
  }
}
