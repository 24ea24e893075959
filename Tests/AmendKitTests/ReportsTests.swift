import DraftText
import Foundation
import Testing

@testable import AmendKit

/// What the commands list and show, computed by the library: the CLI only prints it.
@Suite("Reports: proposals selected, clauses listed")
struct ReportsTests {
  @Test("proposals are selected by clause, by delegation or co-sponsor in any case, and by status")
  func proposalFilter() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let eu = try workspace.propose(
      "7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil),
      cosponsors: ["Egypt"])
    let canada = try workspace.propose("4 (c)", by: "Canada", .insertWords(text: ";", anchor: .atEnd, occurrence: nil))
    let brazil = try workspace.propose("7.b", by: "Brazil", .deleteWords(words: "regardless of their immigration status", occurrence: nil))
    let snapshot = try workspace.snapshot()
    let current = try snapshot.currentDraft()
    func ids(_ filter: ProposalFilter) throws -> Set<String> {
      Set(try snapshot.proposals(in: current, matching: filter).map(\.id))
    }
    #expect(try ids(ProposalFilter()) == [eu.id, canada.id, brazil.id])
    #expect(try ids(ProposalFilter(clause: "para 7 (b)")) == [eu.id, brazil.id])
    #expect(try ids(ProposalFilter(delegation: "egypt")) == [eu.id])
    #expect(try ids(ProposalFilter(clause: "4.c", delegation: "CANADA", status: .pending)) == [canada.id])
    #expect(try ids(ProposalFilter(status: .accepted)).isEmpty)
    let unknown = #expect(throws: DraftError.self) { try snapshot.proposals(in: current, matching: ProposalFilter(clause: "7 (z)")) }
    #expect(unknown.map { "\($0)" }?.hasPrefix("unknown clause \"7 (z)\"; nearest: 7 (d)") == true, "\(String(describing: unknown))")

    #expect(try snapshot.proposal(ProposalID(String(brazil.id.prefix(5))), in: current).id == brazil.id)
    #expect(throws: LookupError.unknownProposal("zzzzzzzz")) { try snapshot.proposal("zzzzzzzz", in: current) }
  }

  @Test("a clause's descendants, its JSON entry and its first words")
  func clauseListing() throws {
    let folder = try ScratchFolder()
    let version = try makeNegotiation(in: folder).snapshot().currentDraft()
    let seven = try version.draft.resolve("7")
    #expect(version.draft.descendants(of: seven).map(\.id.rawValue) == ["7.a", "7.b", "7.c", "7.d"])
    #expect(version.draft.descendants(of: try version.draft.resolve("7 (b)")).isEmpty)
    let entry = ClauseEntry(seven, in: version)
    #expect(entry.id == "7" && entry.name == "7" && entry.draft == 7)
    #expect(entry.children == ["7.a", "7.b", "7.c", "7.d"])
    let listed = ClauseListing(try version.draft.resolve("7 (b)"))
    #expect(listed.name == "7 (b)")
    #expect(listed.firstWords == "taking measures to combat trafficking and forced labor …")
    #expect(ClauseListing.firstWords("one two  three") == "one two three")
  }
}
