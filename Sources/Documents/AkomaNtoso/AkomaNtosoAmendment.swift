import AmendKit
import DraftText
import Foundation
import Wording

/// A proposal as an Akoma Ntoso 3.0 `amendment`: the affected draft and clause (an active
/// modification whose destination is the clause's eId in the draft's FRBR expression), the text
/// before and as proposed side by side with `<del>` and `<ins>`, the delegation and co-sponsors as
/// TLC references and in the preface, the explanatory statement as `amendmentJustification`, and
/// what became of it (tabled, withdrawn, decided, applied) as lifecycle events and workflow steps.
enum AkomaNtosoAmendment {
  static func render(_ item: MarshalledProposal, in snapshot: Snapshot) throws -> [UInt8] {
    var xml = XMLWriter()
    xml.start("akomaNtoso", ["xmlns": AkomaNtosoNames.namespace])
    try write(item, in: snapshot, into: &xml)
    xml.end()
    return Array(xml.output.utf8)
  }

  /// The `amendment` of proposal `item`, written into `xml` (a document of its own, or a component of
  /// the compilation's amendment list); `notes` are lines added to its preface (a collision, a late
  /// tabling, a revision needed).
  static func write(_ item: MarshalledProposal, in snapshot: Snapshot, into xml: inout XMLWriter, notes: [Inline] = []) throws {
    let record = item.record
    let state = item.state
    let names = try AkomaNtosoNames(snapshot, upTo: max(record.draft, state.appliedIn ?? record.draft))
    let tabled = String(record.tabled.prefix(10))
    let work = AkomaNtosoNames.amendment(record.id, tabled: tabled)
    let expression = "\(work)/\(AkomaNtosoNames.language)@\(tabled)"
    let draftMain = names.main(record.draft)
    let clauseID = ClauseID(rawValue: record.clause)
    let clauseRef = draftMain + "#" + clauseID.eId
    let draftTitle = names.draftTitles[record.draft] ?? "Draft \(record.draft)"

    // Everyone named, each with one reference id.
    var ids: [String: String] = [:]
    var used: Set<String> = ["secretariat", "proposer", "cosponsor", "chair"]
    func id(_ name: String) -> String {
      if let known = ids[name] { return known }
      let candidate = AkomaNtosoNames.uniqueReference(name, among: &used)
      ids[name] = candidate
      return candidate
    }
    let delegation = id(record.delegation)
    let cosponsors = record.cosponsors.map { ($0, id($0)) }
    let decision = state.decision
    let chair = decision?.chair.map { ($0, id($0)) }
    let withdrawnBy = state.withdrawal?.by.map { ($0, id($0)) }

    xml.start("amendment", ["name": "amendment", "contains": "originalVersion"])
    xml.start("meta")
    xml.start("identification", ["source": "#" + delegation])
    xml.start("FRBRWork")
    xml.empty("FRBRthis", ["value": work + "/!main"])
    xml.empty("FRBRuri", ["value": work])
    xml.empty("FRBRdate", ["date": tabled, "name": "tabled"])
    xml.empty("FRBRauthor", ["href": "#" + delegation, "as": "#proposer"])
    for (_, cosponsor) in cosponsors { xml.empty("FRBRauthor", ["href": "#" + cosponsor, "as": "#cosponsor"]) }
    xml.empty("FRBRcountry", ["value": AkomaNtosoNames.country])
    xml.empty("FRBRnumber", ["value": record.id])
    xml.end()
    xml.start("FRBRExpression")
    xml.empty("FRBRthis", ["value": expression + "/!main"])
    xml.empty("FRBRuri", ["value": expression])
    xml.empty("FRBRdate", ["date": tabled, "name": "tabled"])
    xml.empty("FRBRauthor", ["href": "#" + delegation, "as": "#proposer"])
    xml.empty("FRBRlanguage", ["language": AkomaNtosoNames.language])
    xml.end()
    xml.manifestation(this: expression + "/!main.xml", uri: expression + ".akn", date: tabled)
    xml.end()

    // What happened to it, in order.
    struct Step {
      var id: String
      var date: String
      var by: String
      var outcome: String
      var refersTo: String?
    }
    var steps = [Step(id: "tabled", date: tabled, by: delegation, outcome: "tabled", refersTo: nil)]
    if let withdrawal = state.withdrawal {
      steps.append(Step(id: "withdrawn", date: String(withdrawal.time.prefix(10)), by: withdrawnBy?.1 ?? delegation, outcome: "withdrawn"))
    }
    if let decision, let outcome = Self.outcome(decision.kind) {
      let date = decision.date ?? String(decision.time.prefix(10))
      steps.append(
        Step(id: "decided", date: date, by: chair?.1 ?? "secretariat", outcome: outcome, refersTo: decision.session.map { "#session-" + $0 }))
    }
    if let applied = state.appliedIn {
      steps.append(
        Step(
          id: "applied", date: names.draftDates[applied] ?? tabled, by: "secretariat", outcome: "applied",
          refersTo: "#" + AkomaNtosoNames.draftEvent(applied)))
    }
    xml.start("lifecycle", ["source": "#secretariat"])
    for step in steps {
      xml.empty(
        "eventRef",
        [
          "eId": "lifecycle__evt_\(step.id)", "date": step.date, "source": "#" + step.by,
          "refersTo": "#" + step.outcome, "type": step.id == "tabled" ? "generation" : step.id == "withdrawn" ? "repeal" : nil,
        ])
    }
    xml.end()
    xml.start("workflow", ["source": "#secretariat"])
    for step in steps {
      xml.empty(
        "step",
        ["eId": "workflow__step_\(step.id)", "date": step.date, "by": "#" + step.by, "outcome": "#" + step.outcome, "refersTo": step.refersTo])
    }
    xml.end()

    xml.start("analysis", ["source": "#secretariat"])
    xml.start("activeModifications")
    xml.start("textualMod", ["eId": "amod_1", "type": Self.modification(item.operation)])
    xml.empty("source", ["href": "#amendmentContent_1"])
    switch item.operation {
    case .newClause(_, let before), .newArticle(_, _, let before):
      xml.empty("destination", ["href": clauseRef, "pos": before ? "before" : "after"])
    case .newClauseUnder: xml.empty("destination", ["href": clauseRef, "pos": "inside"])
    default: xml.empty("destination", ["href": clauseRef])
    }
    switch item.operation {
    case .moveClause(let target), .moveClauseBefore(let target):
      xml.empty("new", ["href": draftMain + "#" + ClauseID(rawValue: target).eId])
    default:
      break
    }
    xml.end()
    xml.end()
    xml.end()

    xml.start("references", ["source": "#secretariat"])
    xml.empty("activeRef", ["eId": "affectedDraft", "href": draftMain, "showAs": draftTitle])
    xml.empty("TLCOrganization", ["eId": delegation, "href": Self.organization(record.delegation), "showAs": record.delegation])
    for (name, cosponsor) in cosponsors {
      xml.empty("TLCOrganization", ["eId": cosponsor, "href": Self.organization(name), "showAs": name])
    }
    if let withdrawnBy, withdrawnBy.1 != delegation, !cosponsors.contains(where: { $0.1 == withdrawnBy.1 }) {
      xml.empty("TLCOrganization", ["eId": withdrawnBy.1, "href": Self.organization(withdrawnBy.0), "showAs": withdrawnBy.0])
    }
    xml.empty("TLCOrganization", ["eId": "secretariat", "href": "/akn/ontology/organization/un/secretariat", "showAs": "Secretariat"])
    if let chair {
      xml.empty("TLCPerson", ["eId": chair.1, "href": "/akn/ontology/person/un/\(chair.1)", "showAs": chair.0])
    }
    if let decision, let session = decision.session {
      xml.empty(
        "TLCEvent",
        ["eId": "session-" + session, "href": "/akn/ontology/event/un/session/\(session)", "showAs": Self.sessionName(session, in: snapshot)])
    }
    if let applied = state.appliedIn {
      xml.empty(
        "TLCEvent",
        [
          "eId": AkomaNtosoNames.draftEvent(applied), "href": "/akn/ontology/event/un/draft-\(applied)",
          "showAs": names.draftTitles[applied] ?? "Draft \(applied)",
        ])
    }
    xml.empty("TLCRole", ["eId": "proposer", "href": "/akn/ontology/role/un/proposer", "showAs": "Proposer"])
    xml.empty("TLCRole", ["eId": "cosponsor", "href": "/akn/ontology/role/un/cosponsor", "showAs": "Co-sponsor"])
    for step in steps {
      xml.empty("TLCConcept", ["eId": step.outcome, "href": "/akn/ontology/concept/un/amendment/\(step.outcome)", "showAs": step.outcome])
    }
    xml.end()
    xml.end()

    // What people read.
    xml.start("preface")
    var line = Inline()
    line.element("docType", [:], Inline("Amendment"))
    line.append(" ")
    line.element("docNumber", [:], Inline(record.id))
    xml.inline("p", [:], line)
    line = Inline("Proposed by ")
    line.element("docProponent", ["refersTo": "#" + delegation], Inline(record.delegation))
    xml.inline("p", [:], line)
    if !cosponsors.isEmpty {
      line = Inline("Co-sponsored by ")
      for (index, (name, cosponsor)) in cosponsors.enumerated() {
        if index > 0 { line.append(", ") }
        line.element("docProponent", ["refersTo": "#" + cosponsor], Inline(name))
      }
      xml.inline("p", [:], line)
    }
    line = Inline("Tabled ")
    line.element("docDate", ["date": tabled], Inline(record.tabled))
    xml.inline("p", [:], line)
    line = Inline("To ")
    line.element("affectedDocument", ["href": draftMain], Inline(draftTitle))
    line.append(", ")
    line.element("ref", ["href": clauseRef], Inline(clauseID.display))
    xml.inline("p", [:], line)
    line = Inline("Status: ")
    line.element("docStatus", ["refersTo": "#" + (steps.last?.outcome ?? "tabled")], Inline(Self.statusWords(item)))
    xml.inline("p", [:], line)
    for note in notes { xml.inline("p", ["class": "note"], note) }
    xml.end()

    xml.start("amendmentBody")
    xml.start("amendmentHeading")
    xml.inline("p", [:], Inline(Self.heading(item.operation, clause: clauseID.display)))
    xml.end()
    xml.start("amendmentContent", ["eId": "amendmentContent_1"])
    let (before, after) = Self.sides(record, item.operation)
    xml.start("table", ["eId": "amendmentContent_1__table_1"])
    xml.start("tr")
    xml.start("th")
    xml.text("p", [:], "Text of the \(Ordinal.words(record.draft)) draft")
    xml.end()
    xml.start("th")
    xml.text("p", [:], "Amendment")
    xml.end()
    xml.end()
    xml.start("tr")
    xml.start("td")
    xml.inline("p", [:], before)
    xml.end()
    xml.start("td")
    xml.inline("p", [:], after)
    xml.end()
    xml.end()
    xml.end()
    if let revised = item.asRevised {
      var said = Inline("As revised orally by the chair: ")
      said.element("embeddedText", ["startQuote": "“", "endQuote": "”"], Inline(Self.plain(revised)))
      xml.inline("p", [:], said)
    }
    xml.end()
    let rationale = record.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
    if !rationale.isEmpty {
      xml.start("amendmentJustification", ["eId": "amendmentJustification_1"])
      for paragraph in rationale.components(separatedBy: "\n\n") where !paragraph.trimmingCharacters(in: .whitespaces).isEmpty {
        var inline = Inline()
        for (index, text) in paragraph.components(separatedBy: "\n").enumerated() {
          if index > 0 { inline.element("eol") }
          inline.append(Self.plain(text))
        }
        xml.inline("p", [:], inline)
      }
      xml.end()
    }
    xml.end()
    xml.end()
  }

  /// The text before and as proposed, the words that go struck in `<del>` and the new ones in `<ins>`.
  static func sides(_ record: ProposalRecord, _ operation: ProposalOperation) -> (Inline, Inline) {
    let old = plain(record.textBefore)
    switch operation {
    case .newClause, .newClauseUnder, .newArticle:
      var after = Inline()
      after.element("ins", [:], Inline(plain(record.textProposed ?? "")))
      return (Inline(), after)
    case .deleteClause, .deleteArticle:
      var before = Inline()
      before.element("del", [:], Inline(old))
      return (before, Inline())
    case .moveClause, .moveClauseBefore:
      return (Inline(old), Inline(old))
    default:
      let new = plain(record.textProposed ?? "")
      let oldWords = Words(old)
      let newWords = Words(new)
      var before = Inline()
      var after = Inline()
      var oldAt = 0
      var newAt = 0
      for edit in WordDiff.edits(from: oldWords, to: newWords) {
        before.append(oldWords.text(oldAt..<edit.base.lowerBound))
        after.append(newWords.text(newAt..<edit.replacement.lowerBound))
        marked(&before, "del", oldWords.text(edit.base))
        marked(&after, "ins", newWords.text(edit.replacement))
        oldAt = edit.base.upperBound
        newAt = edit.replacement.upperBound
      }
      before.append(oldWords.text(oldAt..<oldWords.count))
      after.append(newWords.text(newAt..<newWords.count))
      return (before, after)
    }
  }

  /// `text` in a `<del>` or `<ins>`, the white space around its words left outside.
  static func marked(_ inline: inout Inline, _ name: String, _ text: String) {
    let words = text.trimmingCharacters(in: .whitespaces)
    guard !words.isEmpty else {
      inline.append(text)
      return
    }
    inline.append(String(text.prefix { $0 == " " || $0 == "\t" }))
    inline.element(name, [:], Inline(words))
    inline.append(String(String(text.reversed().prefix { $0 == " " || $0 == "\t" }).reversed()))
  }

  /// Text for one line of markup: XML-illegal characters replaced, line breaks as spaces.
  static func plain(_ text: String) -> String {
    XMLText.replacingIllegal(text).replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
  }

  /// "In 7 (b), replace 'forced labor' with 'forced labour'"; "Delete 4 (h)".
  static func heading(_ operation: ProposalOperation, clause: String) -> String {
    let words = operation.description(clause: clause)
    switch operation {
    case .replaceWords, .deleteWords, .insertWords, .brackets: return "In \(clause), \(words)"
    case .replaceClause, .deleteClause, .newClause, .moveClause, .newClauseUnder, .moveClauseBefore, .throughout,
      .newArticle, .deleteArticle, .retitleArticle, .keepOption:
      return words.prefix(1).uppercased() + words.dropFirst()
    }
  }

  static func modification(_ operation: ProposalOperation) -> String {
    switch operation {
    case .replaceWords, .replaceClause, .brackets, .throughout(_, .some), .retitleArticle: "substitution"
    case .deleteWords, .deleteClause, .throughout(_, nil), .deleteArticle, .keepOption: "repeal"
    case .insertWords, .newClause, .newClauseUnder, .newArticle: "insertion"
    case .moveClause, .moveClauseBefore: "renumbering"
    }
  }

  static func outcome(_ kind: EventRecord.Kind) -> String? {
    switch kind {
    case .accepted: "accepted"
    case .rejected: "rejected"
    case .deferred: "deferred"
    default: nil
    }
  }

  static func statusWords(_ item: MarshalledProposal) -> String {
    let status = item.state.status
    if status == .applied, let draft = item.state.appliedIn { return "applied in the \(Ordinal.words(draft)) draft" }
    return status.rawValue
  }

  static func organization(_ name: String) -> String {
    "/akn/ontology/organization/un/\(AkomaNtosoNames.reference(name))"
  }

  static func sessionName(_ session: String, in snapshot: Snapshot) -> String {
    let opened = (try? snapshot.ledger.get())?.sessions.first { $0.id == session }
    return opened.map { "\($0.name), \($0.chair), \($0.date)" } ?? session
  }
}
