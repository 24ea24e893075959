import AmendKit
import Documents
import DraftText
import Foundation
import Testing

/// Akoma Ntoso 3.0 out and in: every document valid against the official schema (xmllint), the
/// structure an AKN reader expects, and every real text back byte for byte through `init --from`.
@Suite("Akoma Ntoso", .serialized)
struct AkomaNtosoDocumentTests {
  /// The bundled example, made once for the suite.
  nonisolated(unsafe) static let example = Result { try AKNExample() }

  @Test("drafts 7 and 8 and every proposal, before and after the chair's decisions, validate against the AKN 3.0 schema")
  func exampleValidates() throws {
    let example = try Self.example.get()
    let folder = try AKNScratch()
    var files: [String] = []
    func write(_ name: String, _ bytes: [UInt8]) throws {
      let path = folder.file(name)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      files.append(path)
    }
    try write("draft-7.xml", try example.draft(7))
    try write("draft-8.xml", try example.draft(8))
    for (delegation, bytes) in example.tabledDocuments.sorted(by: { $0.key < $1.key }) {
      try write("tabled-\(AKNRead.slug(delegation)).xml", bytes)
      try write("decided-\(AKNRead.slug(delegation)).xml", try example.amendment(delegation))
    }
    try AKNSchema.expectValid(files)
  }

  @Test("the seventh draft: statement, FRBR, title block in the preface, clauses with AKN4UN eIds and their numbers as printed")
  func seventhDraft() throws {
    let example = try Self.example.get()
    let bytes = try example.draft(7)
    let read = try AKNRead(bytes)
    #expect(read.document.rootElement()?.uri == "http://docs.oasis-open.org/legaldocml/ns/akn/3.0")
    #expect(try read.value("/akomaNtoso/statement/@name") == "conclusionsAndRecommendations")
    let work = "/akn/un/statement/conclusionsAndRecommendations/2010-10-12/migration"
    #expect(try read.value("//FRBRWork/FRBRthis/@value") == work + "/!main")
    #expect(try read.value("//FRBRWork/FRBRuri/@value") == work)
    #expect(try read.value("//FRBRWork/FRBRcountry/@value") == "un")
    #expect(try read.value("//FRBRExpression/FRBRuri/@value") == work + "/eng@draft-7")
    #expect(try read.value("//FRBRExpression/FRBRdate/@date") == "2010-10-12")
    #expect(try read.value("//FRBRExpression/FRBRlanguage/@language") == "eng")
    #expect(try read.value("//FRBRManifestation/FRBRthis/@value") == work + "/eng@draft-7/!main.xml")
    #expect(try read.values("//FRBRWork/FRBRauthor/@href") == ["#secretariat"])
    #expect(try read.value("//references/TLCOrganization[@eId='secretariat']/@showAs") == "Secretariat")
    #expect(try read.value("//preface//docTitle") == "Migration")
    #expect(try read.value("//preface//docStage") == "Seventh draft of conclusions and recommendations")
    #expect(try read.value("//preface//docDate/@date") == "2010-10-12")
    #expect(try read.value("//point[@eId='para_7__list_1__point_b']/num") == "- b)")
    #expect(try read.value("//point[@eId='para_7__list_1__point_b']/@wId") == "para_7__list_1__point_b")
    #expect(try read.value("//point[@eId='para_7__list_1__point_b']/content/p")?.contains("forced labor of migrant") == true)
    #expect(try read.value("//point[@eId='para_7__list_1__point_c']/num") == "c)")
    #expect(try read.value("//paragraph[@eId='para_7']/num") == "7.")
    #expect(try read.value("//paragraph[@eId='para_7']/intro/p")?.hasPrefix("The Working Group recognizes") == true)
    #expect(try read.values("//paragraph[@eId='para_4']/list/point/@eId").count == 11)
    // Every clause of the draft, once, under its DraftText eId.
    let snapshot = try example.workspace.snapshot()
    let clauses = try snapshot.draft(number: 7).draft.clauses
    let eIds = try read.values("//mainBody//*[num]/@eId")
    #expect(eIds == clauses.map(\.eId))
    // One event: the seventh draft is where the negotiation begins; no numbering table.
    #expect(try read.values("//lifecycle/eventRef/@date") == ["2010-10-12"])
    #expect(try read.values("//passiveModifications").isEmpty)
    // The same record makes the same bytes.
    #expect(try example.draft(7) == bytes)
  }

  @Test("the eighth draft: the lifecycle of both drafts, and its numbering table as passive modifications")
  func eighthDraft() throws {
    let example = try Self.example.get()
    let read = try AKNRead(try example.draft(8))
    #expect(try read.values("//lifecycle/eventRef/@date") == ["2010-10-12", "2010-10-13"])
    #expect(try read.values("//lifecycle/eventRef/@refersTo") == ["#draft_7", "#draft_8"])
    #expect(try read.values("//lifecycle/eventRef/@source") == ["#secretariat", "#secretariat"])
    #expect(try read.value("//references/TLCEvent[@eId='draft_8']/@showAs") == "Eighth draft of conclusions and recommendations")
    #expect(try read.value("//FRBRExpression/FRBRuri/@value")?.hasSuffix("/eng@draft-8") == true)
    // 4 (k) moved after 4 (b) became 4 (c).
    let moved = "//textualMod[@type='renumbering'][new/@href='#para_4__list_1__point_c']"
    #expect(try read.value(moved + "/old/@href")?.hasSuffix("/eng@draft-7/!main#para_4__list_1__point_k") == true)
    #expect(try read.value(moved + "/destination/@href") == "#para_4__list_1__point_c")
    // The Philippines' new clause is an insertion whose source is its amendment.
    let inserted = "//textualMod[@type='insertion']"
    #expect(try read.value(inserted + "/destination/@href") == "#para_7__list_1__point_c")
    let philippines = try #require(example.ids["Philippines"])
    #expect(try read.value(inserted + "/source/@href")?.hasSuffix("/\(philippines)/!main") == true)
    let table = try #require(try example.workspace.snapshot().numbering(for: 8))
    #expect(try read.values("//passiveModifications/textualMod").count == table.changes.count)
    #expect(try read.value("//point[@eId='para_7__list_1__point_b']/content/p")?.contains("smuggling and forced labour") == true)
  }

  @Test("a proposal as an amendment: the clause it affects, the words before and as proposed, its sponsors, statement and decision")
  func amendments() throws {
    let example = try Self.example.get()
    let eu = try #require(example.ids["European Union"])
    let tabled = try AKNRead(try #require(example.tabledDocuments["European Union"]))
    let decided = try AKNRead(try example.amendment("European Union"))
    for read in [tabled, decided] {
      #expect(try read.value("/akomaNtoso/amendment/@name") == "amendment")
      #expect(try read.value("//FRBRWork/FRBRuri/@value") == "/akn/un/amendment/2010-10-12/\(eu)")
      let destination = try #require(try read.value("//activeModifications/textualMod[@type='substitution']/destination/@href"))
      #expect(destination == "/akn/un/statement/conclusionsAndRecommendations/2010-10-12/migration/eng@draft-7/!main#para_7__list_1__point_b")
      #expect(try read.values("//amendmentContent//del") == ["labor"])
      #expect(try read.values("//amendmentContent//ins") == ["labour"])
      #expect(try read.value("//preface//docProponent") == "European Union")
      #expect(try read.value("//references/TLCOrganization[@eId='european-union']/@showAs") == "European Union")
      #expect(try read.value("//amendmentJustification/p")?.hasPrefix("Spelling consistent with") == true)
      #expect(try read.value("//preface//affectedDocument") == "Seventh draft of conclusions and recommendations")
    }
    #expect(try tabled.values("//workflow/step/@outcome") == ["#tabled"])
    #expect(try tabled.value("//preface//docStatus") == "pending")
    #expect(try decided.values("//workflow/step/@outcome") == ["#tabled", "#accepted", "#applied"])
    #expect(try decided.value("//workflow/step[@outcome='#accepted']/@by") == "#ambassador-ndiaye")
    #expect(try decided.value("//workflow/step[@outcome='#accepted']/@date") == "2010-10-13")
    #expect(try decided.value("//references/TLCPerson[@eId='ambassador-ndiaye']/@showAs") == "Ambassador Ndiaye")
    #expect(try decided.value("//preface//docStatus") == "applied in the eighth draft")

    let african = try AKNRead(try example.amendment("Group of African States"))
    #expect(try african.values("//preface//docProponent") == ["Group of African States", "Egypt"])
    #expect(try african.values("//FRBRWork/FRBRauthor/@as") == ["#proposer", "#cosponsor"])
    #expect(try african.value("//references/TLCOrganization[@eId='egypt']/@showAs") == "Egypt")
    #expect(try african.values("//amendmentContent//ins") == [", smuggling"])

    let mexico = try AKNRead(try example.amendment("Mexico"))
    #expect(try mexico.values("//workflow/step/@outcome") == ["#tabled", "#deferred"])
    #expect(try mexico.values("//amendmentContent//del") == ["and economic downturn"])
    #expect(try mexico.values("//amendmentJustification").isEmpty)

    let deletion = try AKNRead(try example.amendment("United States"))
    #expect(try deletion.value("//activeModifications/textualMod/@type") == "repeal")
    #expect(try deletion.values("//workflow/step/@outcome") == ["#tabled", "#rejected"])

    let revised = try AKNRead(try example.amendment("Philippines"))
    #expect(try revised.value("//activeModifications/textualMod/destination/@pos") == "after")
    #expect(try revised.value("//amendmentContent//embeddedText")?.hasPrefix("ensuring access to justice") == true)
  }

  @Test("the seed and every real text come back byte for byte: text → draft → AKN → init --from → the same text")
  func roundTrip() throws {
    let folder = try AKNScratch()
    var files: [String] = []
    let texts = AKNShared.texts
    #expect(texts.count >= 6, "the seed and the five real texts: \(texts)")
    for (index, path) in texts.enumerated() {
      let original = try String(contentsOfFile: path, encoding: .utf8)
      let workspace = try aknNegotiation(from: path, in: folder.file("text-\(index)"))
      let snapshot = try workspace.snapshot()
      let bytes = try Documents.render(.draft(try snapshot.currentDraft(), in: snapshot), as: .akn)
      let exported = folder.file("export-\(index).xml")
      try Data(bytes).write(to: URL(fileURLWithPath: exported))
      files.append(exported)
      let again = try aknNegotiation(from: exported, in: folder.file("again-\(index)"))
      let back = try again.snapshot().currentDraft()
      #expect(back.text == original, "\(path) does not come back byte for byte")
      #expect(back.number == (try snapshot.currentDraft().number))
    }
    try AKNSchema.expectValid(files)
  }

  @Test(
    "layout the structure cannot carry comes back: CRLF, no final newline, tabs and no-break spaces after markers, form feeds, control characters")
  func hostileLayout() throws {
    let text =
      "Migration\r\nFirst draft of conclusions\r\nas of 1 March 2011\r\n\r\n\u{0C}1.\tThe Group:\r\n  - a)\u{A0}one &amp; <two>;\n"
      + "   continued \"here\"  \n\n- b)  three\u{07} bell\n\n\n## A heading\n\n\u{FEFF}2. Last\u{0C}page]]>"
    let folder = try AKNScratch()
    let path = folder.file("hostile.txt")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let workspace = try aknNegotiation(from: path, in: folder.file("repo"))
    let snapshot = try workspace.snapshot()
    let bytes = try Documents.render(.draft(try snapshot.currentDraft(), in: snapshot), as: .akn)
    let exported = folder.file("hostile.xml")
    try Data(bytes).write(to: URL(fileURLWithPath: exported))
    try AKNSchema.expectValid([exported])
    let back = try AkomaNtosoImport.text(path: exported)
    #expect(Array(back.utf8) == Array(text.utf8))
    #expect(try snapshot.currentDraft().text == text)
    // The words are in the structure even where a hint keeps the exact bytes.
    let read = try AKNRead(bytes)
    #expect(try read.value("//point[@eId='para_1__list_1__point_a']/content/p")?.contains("one &amp; <two>;") == true)
    #expect(try read.value("//point[@eId='para_1__list_1__point_b']/content/p") == "three\u{FFFD} bell")
  }

  @Test("another reader's AKN (the layout hints taken out) still gives a draft with the same clauses")
  func withoutHints() throws {
    let example = try Self.example.get()
    var xml = String(decoding: try example.draft(8), as: UTF8.self)
    let start = try #require(xml.range(of: "<proprietary"))
    let end = try #require(xml.range(of: "</proprietary>"))
    xml.removeSubrange(start.lowerBound..<end.upperBound)
    let text = try AkomaNtosoImport.text(from: Data(xml.utf8), path: "foreign.xml")
    let draft = try Draft(parsing: text)
    let original = try example.workspace.snapshot().draft(number: 8).draft
    #expect(draft.clauses.map(\.id) == original.clauses.map(\.id))
    #expect(draft.clauses.map(\.text) == original.clauses.map(\.text))
    #expect(draft.titleBlock?.title == "Eighth draft of conclusions and recommendations")
    #expect(draft.ordinal == 8)
  }

  @Test("the UN's AKN 2.0 draft resolution becomes a draft: title block lines, preamble, operative paragraphs with their numbers")
  func unDraftResolution() throws {
    let folder = try AKNScratch()
    let workspace = try aknNegotiation(from: AKNShared.unDraftResolution, in: folder.path)
    let draft = try workspace.snapshot().currentDraft()
    #expect(draft.number == 1)
    #expect(draft.draft.clauses.map(\.id.rawValue) == ["PP1", "PP2", "PP3", "PP4", "1", "2", "3", "8"])
    let lines = draft.text.components(separatedBy: "\n")
    #expect(lines.first == "E/CN.7/2012/L.2")
    #expect(lines.contains("Promoting international cooperation in responding to new psychoactive substances"))
    #expect(lines.contains("The Commission on Narcotic Drugs,"))
    let eight = try #require(draft.draft.clause("8"))
    #expect(eight.marker == "8. ")
    #expect(eight.text.hasPrefix("Requests the United Nations Office on Drugs and Crime to continue to work with the World Health Organization"))
    #expect(eight.text.contains("Narcotic Drugs of 1961 as amended by the 1972 Protocol and article 2"), "footnotes are left out")
    #expect(try #require(draft.draft.clause("3")).text.hasSuffix("public health; …"))
    // And it goes out again as a valid AKN 3.0 statement.
    let snapshot = try workspace.snapshot()
    let exported = folder.file("un.xml")
    try Data(try Documents.render(.draft(draft, in: snapshot), as: .akn)).write(to: URL(fileURLWithPath: exported))
    try AKNSchema.expectValid([exported])
  }

  @Test("AKN is not made of a clause's history: it is refused with the formats it is made as")
  func refusedContent() throws {
    let example = try Self.example.get()
    let snapshot = try example.workspace.snapshot()
    #expect(throws: DocumentError.formatNotOffered(format: .akn, content: "a clause's history", offered: [.html])) {
      try Documents.render(.history(try snapshot.clauseHistory("7.b"), in: snapshot), as: .akn)
    }
  }
}

extension AKNRead {
  static func slug(_ name: String) -> String {
    name.lowercased().split { !$0.isLetter }.joined(separator: "-")
  }
}
