import AmendKit
import Documents
import Foundation
import Testing

/// The compilation as an Akoma Ntoso `amendmentList` and the redline between drafts as the later
/// draft with its changes marked: valid against the official schema, every pending proposal once, each
/// change attributed to who made it.
@Suite("Akoma Ntoso compilation and redline", .serialized)
struct AkomaNtosoCollectionTests {
  /// The bundled example after its eighth draft, with proposals tabled on the eighth draft: two that
  /// collide, a new clause, and a late one after the deadline (Mexico's deferred proposal is pending too).
  nonisolated(unsafe) static let example: Result<(AKNExample, [String: String]), any Error> = Result {
    let example = try AKNExample()
    let workspace = example.workspace
    var ids: [String: String] = [:]
    let extra: [(String, String, ProposalOperation, Bool)] = [
      ("Japan", "7 (b)", .replaceWords(words: "forced labour", with: "compulsory labour", occurrence: nil), false),
      ("Chile", "7 (b)", .replaceWords(words: "forced labour", with: "slavery", occurrence: nil), false),
      ("Kenya", "5", .newClause(text: "The Working Group requests a report at its next session.", before: false), false),
      ("Peru", "1 (a)", .insertWords(text: " regular", anchor: .atEnd, occurrence: nil), true),
    ]
    _ = try workspace.setDeadline(try Deadline.parse("2010-10-14T12:00"))
    for (delegation, clause, operation, late) in extra {
      if late { _ = try? workspace.setDeadline(try Deadline.parse("2010-10-13T00:00")) }
      var request = ProposalRequest(clause: clause, delegation: delegation, operation: operation)
      request.late = late
      ids[delegation] = try workspace.table(request).id
    }
    return (example, ids)
  }

  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  static func count(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }

  @Test("the compilation, the 7→8 redline and a real text's compilation and redline validate against the AKN 3.0 schema")
  func validates() throws {
    let (example, _) = try Self.example.get()
    let snapshot = try example.workspace.snapshot()
    let current = try snapshot.currentDraft()
    let pending = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
    let folder = try AKNScratch()
    var files: [String] = []
    func write(_ name: String, _ bytes: [UInt8]) throws {
      let path = folder.file(name)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      files.append(path)
    }
    try write("compilation.xml", try Documents.render(.compilation(current, proposals: pending, in: snapshot), as: .akn))
    try write("redline-7-8.xml", try Documents.render(.comparison(try snapshot.comparison(from: 7, to: 8), in: snapshot), as: .akn))

    // A real text: the Paris Agreement's draft of 9 December 2015, two proposals, one accepted as orally revised.
    let paris = try AKNScratch()
    let clock = AKNClock("2015-12-09T09:00:00Z")
    let workspace = try aknNegotiation(
      from: AKNShared.root.appendingPathComponent("realcases/paris_03_draft_2015-12-09.md").path, in: paris.path, clock: clock)
    let draft = try workspace.snapshot().currentDraft()
    let clauses = draft.draft.clauses.filter { $0.text.split(separator: " ").count > 4 }
    let first = try #require(clauses.first)
    let second = try #require(clauses.dropFirst(3).first)
    let words = first.text.split(separator: " ").prefix(2).joined(separator: " ")
    let accepted = try workspace.table(
      ProposalRequest(
        clause: first.id.rawValue, delegation: "Saint Lucia", operation: .replaceWords(words: words, with: words + " also", occurrence: nil)))
    let deletion = try workspace.table(ProposalRequest(clause: second.id.rawValue, delegation: "Norway", operation: .deleteClause))
    // A global amendment: listed once, before the clauses, as an amendment of its own.
    _ = try workspace.table(
      ProposalRequest(
        clause: "", delegation: "Least Developed Countries",
        operation: .throughout(words: "developing country Parties", with: "developing-country Parties")))
    let tabled = try workspace.snapshot()
    let parisPending = try tabled.marshalledList(try tabled.currentDraft(), toleratingDamage: true) { $0.isOnAgenda }
    #expect(parisPending.count == 3)
    let parisCompilation = try Documents.render(.compilation(try tabled.currentDraft(), proposals: parisPending, in: tabled), as: .akn)
    let parisText = String(decoding: parisCompilation, as: UTF8.self)
    #expect(parisText.contains("Throughout the text: 1") && !parisText.contains("no longer exists"))
    try write("paris-compilation.xml", parisCompilation)
    _ = try workspace.openSession(name: "Comité de Paris", chair: "Laurent Fabius", date: try CalendarDate.parse("2015-12-10"))
    let revised = first.text.replacing(words, with: words + " also", maxReplacements: 1) + " (as revised)"
    _ = try workspace.decide(.accept, on: ProposalID(accepted.id), asRevised: revised, note: nil)
    _ = try workspace.decide(.accept, on: ProposalID(deletion.id), asRevised: nil, note: nil)
    _ = try workspace.closeSession()
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
    let after = try workspace.snapshot()
    let to = try after.currentDraft().number
    let redline = try Documents.render(.comparison(try after.comparison(from: draft.number, to: to), in: after), as: .akn)
    let redlineText = Self.text(redline)
    #expect(redlineText.contains("refersTo=\"#laurent-fabius\""))
    #expect(redlineText.contains("refersTo=\"#saint-lucia\""))
    #expect(redlineText.contains("-deleted\" wId=\"\(second.eId)\" class=\"deleted\">"))
    try write("paris-redline.xml", redline)

    // A real text in articles: the Paris Agreement as adopted, a paragraph deleted and one amended.
    let adoptedFolder = try AKNScratch()
    let adopted = try aknNegotiation(
      from: AKNShared.root.appendingPathComponent("realcases/paris_04_adopted_2015-12-12.md").path, in: adoptedFolder.path,
      clock: AKNClock("2015-12-12T09:00:00Z"))
    let agreement = try adopted.snapshot().currentDraft()
    let inArticles = agreement.draft.clauses.filter { $0.eId.hasPrefix("art_") && $0.kind != .articleText && $0.text.split(separator: " ").count > 4 }
    let struck = try #require(inArticles.dropFirst(2).first)
    let changed = try #require(inArticles.dropFirst(6).first)
    let lead = changed.text.split(separator: " ").prefix(2).joined(separator: " ")
    let deleted = try adopted.table(ProposalRequest(clause: struck.id.rawValue, delegation: "Saudi Arabia", operation: .deleteClause))
    let amended = try adopted.table(
      ProposalRequest(
        clause: changed.id.rawValue, delegation: "Tuvalu", operation: .replaceWords(words: lead, with: lead + " further", occurrence: nil)))
    _ = try adopted.openSession(name: "Plenary", chair: "Laurent Fabius", date: try CalendarDate.parse("2015-12-12"))
    _ = try adopted.decide(.accept, on: ProposalID(deleted.id), asRevised: nil, note: nil)
    _ = try adopted.decide(.accept, on: ProposalID(amended.id), asRevised: nil, note: nil)
    _ = try adopted.closeSession()
    _ = try adopted.produceNextDraft(date: nil, dryRun: false)
    let final = try adopted.snapshot()
    let articleRedline = Self.text(
      try Documents.render(.comparison(try final.comparison(from: agreement.number, to: try final.currentDraft().number), in: final), as: .akn))
    #expect(articleRedline.contains("-deleted\" wId=\"\(struck.eId)\" class=\"deleted\">"))
    #expect(articleRedline.contains("refersTo=\"#tuvalu\""))
    try write("paris-articles-redline.xml", Array(articleRedline.utf8))
    try AKNSchema.expectValid(files)
  }

  @Test(
    "the compilation: an amendmentList holding the eighth draft, then every pending proposal once, by clause in the chair's order, with what the compilation notes"
  )
  func compilation() throws {
    let (example, ids) = try Self.example.get()
    let snapshot = try example.workspace.snapshot()
    let current = try snapshot.currentDraft()
    let pending = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
    let xml = Self.text(try Documents.render(.compilation(current, proposals: pending, in: snapshot), as: .akn))
    #expect(xml.contains("<amendmentList name=\"compilation\" contains=\"singleVersion\">"))
    #expect(xml.contains("<component eId=\"cmp_1\">\n        <statement name=\"conclusionsAndRecommendations\""))
    #expect(xml.contains("<docNumber>\(pending.count)</docNumber> pending on the eighth draft"))
    // Five pending: Mexico's deferred proposal and the four tabled on the eighth draft, each once.
    #expect(pending.count == 5)
    #expect(Self.count("<amendment name=\"amendment\"", in: xml) == pending.count)
    for item in pending { #expect(Self.count("<FRBRnumber value=\"\(item.id)\"/>", in: xml) == 1, "\(item.record.delegation)") }
    // In the draft's order: 1 (a) Peru, 1 (c) Mexico, 5 Kenya (bis), then on 7 (b) the chair's order,
    // the furthest from the text first: Chile's "slavery" before Japan's "compulsory".
    let order = ["Peru", "Mexico", "Kenya", "Chile", "Japan"].map { name in
      xml.range(of: "<FRBRnumber value=\"\(name == "Mexico" ? example.ids["Mexico"] ?? "" : ids[name] ?? "")\"/>")?.lowerBound
    }
    #expect(order.allSatisfy { $0 != nil })
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    #expect(xml.contains("<p>Proposals on <ref href=\"#cmp_1__para_7__list_1__point_b\">7 (b)</ref>: 2</p>"))
    // The ids of each component are its own: the draft's clause and each amendment's content.
    #expect(xml.contains("<point eId=\"cmp_1__para_7__list_1__point_b\" wId=\"cmp_1__para_7__list_1__point_b\">"))
    #expect(Self.count("eId=\"cmp_1__secretariat\"", in: xml) == 1)
    // What the compilation says of them.
    let japan = try #require(ids["Japan"])
    let chile = try #require(ids["Chile"])
    #expect(
      xml.contains(
        "<p class=\"note\">Collides with <ref href=\"/akn/un/amendment/2010-10-13/\(chile)/!main\">\(chile)</ref>: they change the same words</p>"))
    #expect(
      xml.contains(
        "<p class=\"note\">Collides with <ref href=\"/akn/un/amendment/2010-10-13/\(japan)/!main\">\(japan)</ref>: they change the same words</p>"))
    #expect(Self.count("Tabled late, after the deadline", in: xml) == 1)
    #expect(xml.contains("<p class=\"note\">Listed as 5 bis</p>"))
    // The same record, the same bytes.
    #expect(try Documents.render(.compilation(current, proposals: pending, in: snapshot), as: .akn) == Array(xml.utf8))
  }

  @Test("the 7→8 redline: the eighth draft with <ins>/<del> attributed, each change a textualMod whose source is who made it")
  func redline() throws {
    let (example, _) = try Self.example.get()
    let snapshot = try example.workspace.snapshot()
    let xml = Self.text(try Documents.render(.comparison(try snapshot.comparison(from: 7, to: 8), in: snapshot), as: .akn))
    #expect(
      xml.contains("<FRBRthis value=\"/akn/un/statement/conclusionsAndRecommendations/2010-10-12/migration/eng@draft-8/!main.redline-draft-7.xml\"/>")
    )
    #expect(!xml.contains("<proprietary"))
    // The European Union's labor → labour, attributed to it.
    #expect(
      xml.contains("<del eId=\"para_7__list_1__point_b__del_1\" refersTo=\"#european-union\"")
        && xml.contains(">labor</del>"), "\(Self.clause("para_7__list_1__point_b", in: xml))")
    #expect(xml.contains("refersTo=\"#european-union\" title=\"European Union, proposal \(example.ids["European Union"] ?? "")"))
    #expect(xml.contains("<TLCOrganization eId=\"european-union\" href=\"/akn/ontology/organization/un/european-union\" showAs=\"European Union\"/>"))
    // The chair's words of the oral revision, attributed to the chair.
    #expect(xml.contains("<TLCPerson eId=\"ambassador-ndiaye\" href=\"/akn/ontology/person/un/ambassador-ndiaye\" showAs=\"Ambassador Ndiaye\"/>"))
    #expect(
      xml.range(of: ##"<ins eId="[^"]*" refersTo="#ambassador-ndiaye"[^>]*>justice and effective</ins>"##, options: .regularExpression) != nil,
      "\(Self.clause("para_7__list_1__point_c", in: xml))")
    // The title block and renumbering: the secretariat's.
    #expect(
      xml.range(
        of:
          ##"<docStage><del eId="preface__p_2__del_1" refersTo="#secretariat"[^>]*>Seventh</del><ins eId="preface__p_2__ins_1" refersTo="#secretariat"[^>]*>Eighth</ins>"##,
        options: .regularExpression) != nil)
    // Norway's move: struck where 4 (k) stood, and at its new place with the id it had.
    #expect(xml.contains("<point eId=\"para_4__list_1__point_k-moved\" wId=\"para_4__list_1__point_k\" class=\"deleted\">"))
    #expect(xml.contains("<point eId=\"para_4__list_1__point_c\" wId=\"para_4__list_1__point_k\">"))
    // Each change a textualMod: the European Union's, with its amendment.
    let eu = try #require(example.ids["European Union"])
    #expect(
      xml.contains(
        """
        <textualMod eId="pmod_
        """))
    #expect(
      xml.range(
        of: ##"<source href="#european-union"/>\s*<source href="/akn/un/amendment/2010-10-12/"## + eu
          + ##"/!main"/>\s*<destination href="#para_7__list_1__point_b"/>\s*<old href="#para_7__list_1__point_b__del_1"/>\s*<new href="#para_7__list_1__point_b__ins_2"/>"##,
        options: .regularExpression) != nil)
    #expect(xml.range(of: ##"<textualMod eId="pmod_\d+" type="renumbering">\s*<source href="#secretariat"/>"##, options: .regularExpression) != nil)
    #expect(xml.range(of: ##"<source href="#ambassador-ndiaye"/>"##, options: .regularExpression) != nil)
    // Every ins and del says who made it.
    #expect(Self.count("<ins ", in: xml) == Self.count("<ins eId=\"", in: xml))
    #expect(!xml.contains("<ins eId=\"para_7__list_1__point_b__ins_1\">"))
    for tag in ["<ins ", "<del "] {
      let marks = xml.components(separatedBy: tag).dropFirst()
      #expect(marks.allSatisfy { $0.prefix(while: { $0 != ">" }).contains("refersTo=\"#") })
    }
  }

  static func clause(_ eId: String, in xml: String) -> String {
    guard let start = xml.range(of: "eId=\"\(eId)\"") else { return "(no \(eId))" }
    return String(xml[start.lowerBound...].prefix(700))
  }
}
