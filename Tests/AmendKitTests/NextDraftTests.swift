import AmendKit
import DraftText
import Foundation
import Testing

@Suite("Producing the next draft")
struct NextDraftTests {
  @Test("nothing accepted: only the title and date lines change", arguments: [Shared.seed])
  func nothingAcceptedSeed(source: String) throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(from: source, in: folder)
    let before = try workspace.snapshot().currentDraft()
    let next = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 13), dryRun: false, allowEmpty: true)
    #expect(next.file.path == "drafts/08-eighth-draft.md")
    let old = before.text.components(separatedBy: "\n")
    let new = next.text.components(separatedBy: "\n")
    #expect(old.count == new.count)
    let changed = zip(old, new).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    #expect(changed.map { new[$0] } == ["Eighth draft of conclusions and recommendations", "as of 13 October 2010"])
    #expect(next.numbering.changes.isEmpty)
    #expect(try git(["tag", "--list"], in: folder.path) == "draft-7\ndraft-8\n")
    #expect(FileManager.default.contents(atPath: folder.path + "/drafts/08-eighth-draft.md") == Data(next.text.utf8))
    #expect(try git(["status", "--porcelain"], in: folder.path) == "")
    #expect(try git(["fsck", "--strict"], in: folder.path) == "")
  }

  @Test("nothing accepted on the real cases: every line but title and date kept", arguments: Shared.realCases)
  func nothingAcceptedRealCases(source: String) throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(from: source, in: folder)
    let before = try workspace.snapshot().currentDraft()
    let tip = try workspace.tip
    let tags = try git(["tag", "--list"], in: folder.path)
    let title = before.draft.titleBlock != nil && before.draft.ordinal == nil ? "Revised text" : nil
    let next = try workspace.produceNextDraft(date: CalendarDate(year: 2016, month: 2, day: 1), title: title, dryRun: true, allowEmpty: true)
    let old = before.text.components(separatedBy: "\n")
    let new = next.text.components(separatedBy: "\n")
    #expect(old.count == new.count)
    let titleLines = [before.draft.titleBlock?.titleLine, before.draft.titleBlock?.dateLineNumber].compactMap { $0 }
    for (index, pair) in zip(old, new).enumerated() where pair.0 != pair.1 {
      #expect(titleLines.contains(index + 1), "line \(index + 1) changed: \(pair.1)")
    }
    // A dry run writes nothing: no commit, no tag, no draft file.
    #expect(try workspace.tip == tip)
    #expect(try git(["tag", "--list"], in: folder.path) == tags)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/" + next.file.path))
  }

  /// The bundled example's decisions, on the seed.
  func negotiate(in folder: ScratchFolder) throws -> (Workspace, [String: String]) {
    let workspace = try makeNegotiation(in: folder)
    var ids: [String: String] = [:]
    ids["EU"] = try workspace.propose(
      "7 (b)", by: "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil)
    ).id
    ids["AG"] = try workspace.propose(
      "7 (b)", by: "Group of African States",
      .insertWords(text: ", smuggling", anchor: .after("trafficking"), occurrence: nil)
    ).id
    ids["PH"] = try workspace.propose(
      "7 (b)", by: "Philippines", .newClause(text: "ensuring access to remedies;", before: false)
    ).id
    ids["US"] = try workspace.propose("4 (h)", by: "United States", .deleteClause).id
    ids["CH"] = try workspace.propose(
      "5", by: "Switzerland", .replaceWords(words: "Working Groups", with: "Working Group", occurrence: nil)
    ).id
    ids["MX"] = try workspace.propose(
      "7 (d)", by: "Mexico", .deleteWords(words: "Also emphasizing", occurrence: nil)
    ).id
    ids["NO"] = try workspace.propose("4 (k)", by: "Norway", .moveClause(after: "4 (b)")).id
    _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
    _ = try workspace.decide(.accept, on: ProposalID(ids["EU"]!))
    _ = try workspace.decide(.accept, on: ProposalID(ids["AG"]!))
    _ = try workspace.decide(
      .accept, on: ProposalID(ids["PH"]!), asRevised: "ensuring access to justice and effective remedies;")
    _ = try workspace.decide(.accept, on: ProposalID(ids["US"]!))
    _ = try workspace.decide(.reject, on: ProposalID(ids["CH"]!))
    _ = try workspace.decide(.accept, on: ProposalID(ids["NO"]!))
    _ = try workspace.closeSession()
    return (workspace, ids)
  }

  @Test("accepted proposals apply, the list renumbers in its own style, undecided ones carry over")
  func appliesAndRenumbers() throws {
    let folder = try ScratchFolder()
    let (workspace, ids) = try negotiate(in: folder)
    let seventh = try workspace.snapshot().currentDraft()
    let next = try workspace.produceNextDraft(date: nil, dryRun: false)
    let draft = try Draft(parsing: next.text)
    #expect(draft.titleBlock?.title == "Eighth draft of conclusions and recommendations")
    #expect(draft.titleBlock?.dateLine == "as of 13 October 2010")
    #expect(
      draft.clause("7.b")?.text
        == "taking measures to combat trafficking, smuggling and forced labour of migrant workers, regardless of their immigration status;")
    #expect(draft.clause("7.c")?.text == "ensuring access to justice and effective remedies;")
    #expect(draft.clause("7.c")?.marker == "- c) ")
    #expect(draft.clause("7.d")?.marker == "d) ")
    #expect(draft.clause("7.e")?.text.hasPrefix("Taking all appropriate") == true)
    #expect(draft.clause("4.c")?.text.hasPrefix("to combat and eliminate negative stereotyping") == true)
    #expect(draft.clause("4.k") == nil)
    #expect(draft.clause("4.j")?.text.hasPrefix("to urge cooperation") == true)
    let table = Dictionary(next.numbering.changes.compactMap { c in c.old.map { ($0, c.new) } }, uniquingKeysWith: { a, _ in a })
    #expect(table["7.c"] == .some("7.d"))
    #expect(table["7.d"] == .some("7.e"))
    #expect(table["4.h"] == .some(nil))
    #expect(table["4.k"] == .some("4.c"))
    #expect(next.numbering.changes.contains { $0.old == nil && $0.new == "7.c" && $0.proposal == ids["PH"] })
    // Mexico's proposal on 7 (d) follows its clause to 7 (e).
    let carried = try #require(next.carriedOver.first { $0.id == ids["MX"] })
    #expect(carried.clause == "7.e" && carried.needsRevision == nil)
    let snapshot = try workspace.snapshot()
    let placed = try snapshot.placement(of: try snapshot.ledger.get().proposal(ProposalID(ids["MX"]!)).record, in: try snapshot.currentDraft())
    #expect(placed.clause?.id.rawValue == "7.e")
    #expect(try snapshot.ledger.get().proposal(ProposalID(ids["EU"]!)).status == .applied)
    // Untouched lines are byte-identical but for renumbered markers.
    let newLines = Set(next.text.components(separatedBy: "\n"))
    for line in seventh.text.components(separatedBy: "\n") where !line.contains("forced labor") {
      let unchanged = newLines.contains(line)
      let renumbered = line.hasPrefix("- ") || line.hasPrefix("c) ") || line.hasPrefix("d) ")
      let touched = line.contains("Seventh draft") || line.contains("12 October") || line.contains("good practices")
      #expect(unchanged || renumbered || touched, "line lost: \(line)")
    }
  }

  @Test("git blame of the eighth draft names the delegations on the lines they changed")
  func blameNamesDelegations() throws {
    let folder = try ScratchFolder()
    let (workspace, _) = try negotiate(in: folder)
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
    let blame = try git(["blame", "--line-porcelain", "drafts/08-eighth-draft.md"], in: folder.path)
    var authorOf: [String: String] = [:]
    var author = ""
    for line in blame.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("author ") { author = String(line.dropFirst(7)) }
      if line.hasPrefix("\t") { authorOf[String(line.dropFirst())] = author }
    }
    let seventhB = authorOf.first { $0.key.contains("trafficking, smuggling and forced labour") }
    #expect(seventhB?.value == "Group of African States" || seventhB?.value == "European Union")
    // Philippines' clause as orally revised: the chair's words ("justice and effective") came last.
    #expect(authorOf["- c) ensuring access to justice and effective remedies;"] == "Ambassador Ndiaye")
    #expect(authorOf["Eighth draft of conclusions and recommendations"] == "Secretariat")
    // One commit per applied proposal, the branch moved once.
    let reflog = try git(["reflog", "--format=%gs", "main"], in: folder.path)
    #expect(reflog.split(separator: "\n").first?.hasPrefix("amend next") == true)
    let authors = try git(["log", "--format=%an", "draft-7..draft-8"], in: folder.path).split(separator: "\n")
    #expect(authors.contains("European Union") && authors.contains("Norway") && authors.contains("United States"))
    #expect(authors.contains("Philippines") && authors.contains("Ambassador Ndiaye"))
  }

  @Test("next refuses an open session and a bad date, and writes nothing")
  func refusals() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let tip = try workspace.tip
    #expect(throws: DateError.notADate("13 October")) { try CalendarDate.parse("13 October") }
    #expect(try workspace.tip == tip)
    _ = try workspace.openSession(name: "S", chair: "C", date: CalendarDate(year: 2010, month: 10, day: 13))
    let open = try workspace.tip
    #expect(throws: NextDraftError.sessionStillOpen(name: "S")) { try workspace.produceNextDraft(date: nil, dryRun: false) }
    #expect(try workspace.tip == open)
    #expect(tip != open)
  }

  @Test("a proposal tabled on the seventh draft applies to the eighth wherever its words still stand")
  func carriedProposalApplies() throws {
    let folder = try ScratchFolder()
    let (workspace, ids) = try negotiate(in: folder)
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
    let stale = try workspace.propose("7 (b)", by: "Brazil", .replaceWords(words: "regardless of", with: "irrespective of", occurrence: nil))
    _ = try workspace.openSession(name: "Third reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 14))
    _ = try workspace.decide(.accept, on: ProposalID(ids["MX"]!))
    _ = try workspace.decide(.accept, on: stale.proposalID)
    _ = try workspace.closeSession()
    let ninth = try workspace.produceNextDraft(date: nil, dryRun: false)
    let draft = try Draft(parsing: ninth.text)
    #expect(draft.titleBlock?.title == "Ninth draft of conclusions and recommendations")
    #expect(draft.clause("7.e")?.text.contains("Also emphasizing") == false)
    #expect(draft.clause("7.b")?.text.contains("irrespective of their immigration status") == true)
  }
}

@Suite("Repairing what a stop left")
struct DraftTagRepairTests {
  @Test("a draft published but left untagged is tagged by the next run of next")
  func missingTagRestored() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let eighth = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 13), dryRun: false, allowEmpty: true)
    try git(["tag", "-d", "draft-8"], in: folder.path)
    _ = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 14), dryRun: false, allowEmpty: true)
    #expect(try git(["tag", "--list"], in: folder.path) == "draft-7\ndraft-8\ndraft-9\n")
    let tagged = try git(["rev-parse", "draft-8^{commit}"], in: folder.path).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(tagged == eighth.commit?.hex)
  }
}
