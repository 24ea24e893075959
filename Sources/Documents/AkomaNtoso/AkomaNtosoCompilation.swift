import AmendKit
import DraftText
import Foundation

/// The compilation as an Akoma Ntoso 3.0 `amendmentList`: the current draft as its first component
/// (the `statement` `amend show --format akn` writes), then, clause by clause in the draft's order and
/// in the chair's order under each clause, an `interstitial` naming the clause and one `amendment` per
/// pending proposal (the document `amend proposal --format akn` writes) with what the compilation
/// says of it (collisions, late tabling, revision needed, conflict) in its preface; proposals whose
/// clause is gone come last. Each component's ids are prefixed with the component's eId
/// (`cmp_3__amendmentContent_1`), so that the collection's ids stay unique.
enum AkomaNtosoCompilation {
  static func render(_ version: DraftVersion, proposals: [MarshalledProposal], in snapshot: Snapshot) throws -> [UInt8] {
    let names = try AkomaNtosoNames(snapshot, upTo: version.number)
    let draftDate = names.draftDates[version.number] ?? names.workDate
    let lastDay = ([draftDate] + proposals.map { String($0.record.tabled.prefix(10)) }).max() ?? draftDate
    let subject = version.draft.titleBlock?.subject.flatMap(AkomaNtosoNames.slug) ?? "negotiation"
    let work = "/akn/\(AkomaNtosoNames.country)/amendmentList/\(draftDate)/\(subject)-draft-\(version.number)"
    let expression = "\(work)/\(AkomaNtosoNames.language)@\(lastDay)"
    let draftTitle = names.draftTitles[version.number] ?? "Draft \(version.number)"

    let groups = CompilationGroups(proposals, foldingHeadingsIn: version.draft)
    let (byClause, orphans) = (groups.byClause, groups.gone)

    // Colliding proposals are named by their work, whose URI holds the day each was tabled.
    let tabled = Dictionary(proposals.map { ($0.id, String($0.record.tabled.prefix(10))) }, uniquingKeysWith: { first, _ in first })

    var xml = XMLWriter()
    xml.start("akomaNtoso", ["xmlns": AkomaNtosoNames.namespace, "xmlns:amend": AkomaNtosoNames.layoutNamespace])
    xml.start("amendmentList", ["name": "compilation", "contains": "singleVersion"])
    xml.start("meta")
    xml.start("identification", ["source": "#secretariat"])
    xml.start("FRBRWork")
    xml.empty("FRBRthis", ["value": work + "/!main"])
    xml.empty("FRBRuri", ["value": work])
    xml.empty("FRBRdate", ["date": draftDate, "name": "draft"])
    xml.empty("FRBRauthor", ["href": "#secretariat"])
    xml.empty("FRBRcountry", ["value": AkomaNtosoNames.country])
    if let subject = version.draft.titleBlock?.subject { xml.empty("FRBRname", ["value": subject]) }
    xml.end()
    xml.start("FRBRExpression")
    xml.empty("FRBRthis", ["value": expression + "/!main"])
    xml.empty("FRBRuri", ["value": expression])
    xml.empty("FRBRdate", ["date": lastDay, "name": "lastTabled"])
    xml.empty("FRBRauthor", ["href": "#secretariat"])
    xml.empty("FRBRlanguage", ["language": AkomaNtosoNames.language])
    xml.end()
    xml.manifestation(this: expression + "/!main.xml", uri: expression + ".akn", date: lastDay)
    xml.end()
    xml.start("references", ["source": "#secretariat"])
    xml.empty("activeRef", ["eId": "compiledDraft", "href": names.main(version.number), "showAs": draftTitle])
    xml.empty("TLCOrganization", ["eId": "secretariat", "href": "/akn/ontology/organization/un/secretariat", "showAs": "Secretariat"])
    xml.end()
    xml.end()

    xml.start("preface")
    if let subject = version.draft.titleBlock?.subject {
      var line = Inline()
      line.element("docTitle", [:], Inline(AkomaNtosoAmendment.plain(subject)))
      xml.inline("p", [:], line)
    }
    var line = Inline()
    line.element("docStage", [:], Inline("Compilation of proposals"))
    line.append(" on the ")
    line.element("affectedDocument", ["href": names.main(version.number)], Inline(AkomaNtosoAmendment.plain(draftTitle)))
    xml.inline("p", [:], line)
    line = Inline()
    line.element("docNumber", [:], Inline("\(proposals.count)"))
    line.append(" pending on the \(Ordinal.words(version.number)) draft")
    xml.inline("p", [:], line)
    let conflicts = proposals.filter { $0.state.status == .conflict }.count
    if conflicts > 0 {
      xml.text("p", ["class": "note"], "\(conflicts) of them in conflict: decided both ways in merged histories, to be decided again")
    }
    xml.end()

    xml.start("collectionBody")
    var count = 0
    func component(_ build: (inout XMLWriter) throws -> Void) rethrows {
      count += 1
      let eId = "cmp_\(count)"
      xml.start("component", ["eId": eId])
      var inner = XMLWriter(nestedAt: xml.depth)
      try build(&inner)
      xml.raw(XMLWriter.prefixingIds(inner.output, with: eId + "__"))
      xml.end()
    }
    func interstitial(_ words: Inline) {
      count += 1
      xml.start("component", ["eId": "cmp_\(count)"])
      xml.start("interstitial")
      xml.inline("p", [:], words)
      xml.end()
      xml.end()
    }
    try component { try AkomaNtosoDraft.write(version, in: snapshot, into: &$0) }
    func amendment(_ item: MarshalledProposal, bisIndex: Int) throws {
      try component { try AkomaNtosoAmendment.write(item, in: snapshot, into: &$0, notes: notes(item, bisIndex: bisIndex, tabled: tabled)) }
    }
    if !groups.throughout.isEmpty {
      interstitial(Inline("Throughout the text: \(groups.throughout.count)"))
      for item in groups.throughout { try amendment(item, bisIndex: 1) }
    }
    for clause in version.draft.clauses {
      guard let items = byClause[clause.key], !items.isEmpty else { continue }
      var heading = Inline("Proposals on ")
      heading.element("ref", ["href": "#cmp_1__" + clause.eId], Inline(clause.id.display))
      heading.append(": \(items.count)")
      interstitial(heading)
      var bis = 0
      for item in items {
        if case .newClause(_, false) = item.operation { bis += 1 }
        try amendment(item, bisIndex: max(bis, 1))
      }
    }
    if !orphans.isEmpty {
      interstitial(Inline("Proposals whose clause no longer exists: \(orphans.count)"))
      for item in orphans { try amendment(item, bisIndex: 1) }
    }
    xml.end()
    xml.end()
    xml.end()
    return Array(xml.output.utf8)
  }

  /// What the compilation says of a proposal beside the proposal itself: where it stands, what it
  /// collides with (by the other proposal's work URI), late tabling, a revision needed, a conflict.
  static func notes(_ item: MarshalledProposal, bisIndex: Int, tabled: [String: String]) -> [Inline] {
    let summary = ProposalSummary(item, bisIndex: bisIndex)
    var notes: [Inline] = []
    if item.operation.isNewClause { notes.append(Inline("Listed as \(summary.clauseName)")) }
    if !summary.collidesWith.isEmpty {
      var line = Inline("Collides with ")
      for (index, other) in summary.collidesWith.enumerated() {
        if index > 0 { line.append(", ") }
        let work = AkomaNtosoNames.amendment(other, tabled: tabled[other] ?? String(item.record.tabled.prefix(10)))
        line.element("ref", ["href": work + "/!main"], Inline(other))
      }
      line.append(": they change the same words")
      notes.append(line)
    }
    if summary.late == true { notes.append(Inline("Tabled late, after the deadline (a manuscript amendment)")) }
    if let reason = summary.needsRevision { notes.append(Inline("Needs revision: " + AkomaNtosoAmendment.plain(reason))) }
    if let conflict = summary.conflictLine { notes.append(Inline(AkomaNtosoAmendment.plain(conflict))) }
    return notes
  }

}
