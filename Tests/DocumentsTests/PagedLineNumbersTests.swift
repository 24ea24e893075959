import AmendKit
import DraftText
import Foundation
import Testing
import ZIPFoundation

@testable import Documents

/// The draft on numbered pages (PagedLayout): numbering restarting on each page of the PDF and the Word
/// document, and proposals cited by page and line where those documents print their words.
@Suite("Paged line numbers")
struct PagedLineNumbersTests {
  /// The bundled example's eighth draft, its pending proposals by delegation, and its layout.
  struct Fixture {
    let example: HTMLExample
    let snapshot: Snapshot
    let current: DraftVersion
    let pending: [MarshalledProposal]
    let layout: PagedLayout

    init() throws {
      example = try HTMLExample()
      snapshot = try example.snapshot()
      current = try snapshot.currentDraft()
      pending = try snapshot.marshalledList(current, toleratingDamage: false) { $0.isOnAgenda }
      layout = PagedLayout(current.draft)
    }

    func proposal(by delegation: String) throws -> MarshalledProposal {
      try #require(pending.first { $0.record.delegation == delegation })
    }

    /// The printed text of lines `citation` names, joined by spaces.
    func printed(_ citation: PageLineCitation) -> String {
      layout.lines.filter { ($0.page, $0.number) >= (citation.page, citation.line) && ($0.page, $0.number) <= (citation.lastPage, citation.lastLine) }
        .map(\.text).joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
  }

  @Test("the layout: every file line wrapped at the measure, hanging under its marker, 45 lines a page, numbered from 1 on each")
  func layout() throws {
    let fixture = try Fixture()
    let layout = fixture.layout
    #expect(layout.pageCount >= 3, "the example is long enough for three pages")
    for (index, page) in layout.pages.enumerated() {
      #expect(page.map(\.number) == Array(1...page.count))
      #expect(page.allSatisfy { $0.page == index + 1 })
      if index < layout.pageCount - 1 { #expect(page.count == PagedLayout.standardLinesPerPage) }
    }
    var fileLines = fixture.current.draft.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if fileLines.last == "" { fileLines.removeLast() }
    #expect(Set(layout.lines.map(\.fileLine)) == Set(1...fileLines.count))
    let markers = Dictionary(fixture.current.draft.clauses.map { ($0.line, $0.marker.count) }, uniquingKeysWith: { first, _ in first })
    for (offset, fileLine) in fileLines.enumerated() {
      let pieces = layout.lines.filter { $0.fileLine == offset + 1 }
      // The pieces cover the file line, in order, each no wider than the measure.
      #expect(pieces.first?.columns.lowerBound == 0)
      #expect(pieces.last?.columns.upperBound == fileLine.count)
      for (a, b) in zip(pieces, pieces.dropFirst()) { #expect(a.columns.upperBound == b.columns.lowerBound) }
      #expect(pieces.allSatisfy { $0.text.count <= PagedLayout.standardWidth }, "\(pieces.map(\.text))")
      #expect(
        pieces.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
          == fileLine.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
      let hang = String(repeating: " ", count: markers[offset + 1] ?? 0)
      for continuation in pieces.dropFirst() { #expect(continuation.text.hasPrefix(hang) && !continuation.text.dropFirst(hang.count).hasPrefix(" ")) }
    }
    #expect(PagedLayout.changedWords("forced labor of migrant", "forced labour of migrant") == 7..<12)
    #expect(PagedLayout.changedWords("trafficking and forced", "trafficking, smuggling and forced") == 0..<11)
    #expect(PageLineCitation(page: 2, line: 14, lastPage: 2, lastLine: 14).description == "page 2, line 14")
    #expect(PageLineCitation(page: 2, line: 14, lastPage: 2, lastLine: 16).description == "page 2, lines 14–16")
    #expect(PageLineCitation(page: 2, line: 44, lastPage: 3, lastLine: 2).description == "page 2, line 44 to page 3, line 2")
  }

  @Test("each proposal cited by one rule: the words it changes, the clause it deletes, the line a new clause follows")
  func citations() throws {
    let fixture = try Fixture()
    let layout = fixture.layout
    let mexico = try #require(layout.citation(of: try fixture.proposal(by: "Mexico")))
    #expect(fixture.printed(mexico).contains("and economic downturn"), "\(mexico): \(fixture.printed(mexico))")
    let deleted = try fixture.proposal(by: "United States")
    let clause = try #require(deleted.placement.clause)
    #expect(layout.citation(of: deleted) == layout.citation(of: clause))
    #expect(fixture.printed(try #require(layout.citation(of: deleted))).hasPrefix(clause.marker.trimmingCharacters(in: .whitespaces)))
    let philippines = try #require(layout.citation(of: try fixture.proposal(by: "Philippines")))
    let anchor = try #require(try fixture.proposal(by: "Philippines").placement.clause)
    let followed = try #require(layout.citation(of: anchor))
    #expect(philippines.page == followed.lastPage && philippines.line == followed.lastLine && philippines.lastLine == philippines.line)
    let hostile = try #require(layout.citation(of: try fixture.proposal(by: HTMLExample.hostileDelegation)))
    #expect(fixture.printed(hostile).contains("The Working Groups invites"))
  }

  @Test("the PDF: amend's pages, numbered from 1 on each, each line's words where the layout puts them; the citations hold")
  func pdf() throws {
    let pdftotext = try HTMLTool.require("pdftotext", package: "poppler-utils")
    let fixture = try Fixture()
    let scratch = try HTMLScratch()
    let found = try ChromiumEngine.find()
    let engine = ChromiumEngine(executable: found.executable, temporaryParent: URL(fileURLWithPath: scratch.path))
    let html = PagedDraftPage.page(fixture.current)
    #expect(html == PagedDraftPage.page(fixture.current), "byte for byte")
    let bytes = try PDFDocument.render(.draft(fixture.current, in: fixture.snapshot), engine: engine, options: DocumentOptions(lineNumbers: true))
    let file = scratch.file("numbered.pdf")
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let pages = try Self.numberedPages(HTMLTool.run(pdftotext, ["-layout", file, "-"]).stdout)
    Self.expectPages(pages, fixture.layout)
    let mexico = try #require(fixture.layout.citation(of: try fixture.proposal(by: "Mexico")))
    let line = pages[mexico.page - 1].first { $0.number == mexico.line }?.text ?? ""
    #expect(line.contains("economic") || line.contains("downturn"), "page \(mexico.page), line \(mexico.line): \(line)")
  }

  @Test("Word: amend's lines, Word's numbering restarting on each page; pandoc reads it; LibreOffice prints the same pages")
  func word() throws {
    let fixture = try Fixture()
    let content = DocumentContent.draft(fixture.current, in: fixture.snapshot)
    let docx = try Documents.render(content, as: .docx, options: DocumentOptions(lineNumbers: true))
    let again = try Documents.render(content, as: .docx, options: DocumentOptions(lineNumbers: true))
    #expect(docx == again, "byte for byte")
    let document = try Self.part("word/document.xml", of: docx)
    #expect(document.contains("<w:lnNumType w:countBy=\"1\" w:distance=\"284\" w:restart=\"newPage\"/>"))
    #expect(document.components(separatedBy: "<w:pStyle w:val=\"NumberedLineTop\"/>").count - 1 == fixture.layout.pageCount - 1)
    #expect(document.components(separatedBy: "<w:p>").count - 1 == fixture.layout.lines.count)
    let styles = try Self.part("word/styles.xml", of: docx)
    #expect(styles.contains("w:styleId=\"NumberedLineTop\"") && styles.contains("<w:pageBreakBefore/>"))
    #expect(styles.contains("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"300\" w:lineRule=\"exact\"/>"))
    // Without line numbers, the draft is the usual one.
    let plain = try Self.part("word/styles.xml", of: try Documents.render(content, as: .docx))
    #expect(!plain.contains("NumberedLine"))

    let scratch = try WordScratch()
    let file = try scratch.write("numbered.docx", docx)
    let pandoc = try WordTool.run("pandoc", ["-f", "docx", "-t", "plain", "--wrap=none", file])
    #expect(pandoc.status == 0, "\(pandoc.stderr)")
    let read = String(decoding: pandoc.stdout, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(read.contains("Eighth draft of conclusions and recommendations"))
    #expect(read.contains(fixture.layout.lines.first { $0.text.contains("labour") }?.text.split(separator: " ").joined(separator: " ") ?? "?"))

    let converted = try WordTool.run(
      "soffice", ["-env:UserInstallation=file://\(scratch.path)/profile", "--headless", "--convert-to", "pdf", "--outdir", scratch.path, file],
      timeout: 180)
    #expect(converted.status == 0, "\(converted.stderr)")
    let text = try WordTool.run("pdftotext", ["-layout", scratch.path + "/numbered.pdf", "-"])
    let pages = try Self.numberedPages(String(decoding: text.stdout, as: UTF8.self))
    Self.expectPages(pages, fixture.layout)
  }

  /// One line pdftotext read: its number and its words.
  struct ReadLine: Equatable, CustomStringConvertible {
    var number: Int
    var text: String
    var description: String { "\(number) \(text)" }
  }

  /// The numbered lines of each page of pdftotext's output (pages end with a form feed); the page number at
  /// the foot ("1/3", "1 / 3", "1") is left out.
  static func numberedPages(_ text: String) throws -> [[ReadLine]] {
    var pages = text.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages.enumerated().map { index, page in
      var lines = page.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace) }.filter { !$0.isEmpty }
      let foot = lines.last?.joined(separator: "").split(separator: "/").first.map(String.init)
      if foot == String(index + 1) { lines.removeLast() }
      return lines.map { ReadLine(number: Int($0[0]) ?? -1, text: $0.dropFirst().joined(separator: " ")) }
    }
  }

  /// The pages read back are the layout's: as many, each line's number and words in order.
  static func expectPages(_ pages: [[ReadLine]], _ layout: PagedLayout, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(pages.count == layout.pageCount, sourceLocation: sourceLocation)
    for (index, page) in zip(layout.pages.indices, layout.pages) where index < pages.count {
      let expected = page.map { ReadLine(number: $0.number, text: $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")) }
      #expect(pages[index] == expected, "page \(index + 1)", sourceLocation: sourceLocation)
    }
  }

  static func part(_ path: String, of docx: [UInt8]) throws -> String {
    let archive = try Archive(data: Data(docx), accessMode: .read)
    let entry = try #require(archive[path])
    var data = Data()
    _ = try archive.extract(entry) { data.append($0) }
    return String(decoding: data, as: UTF8.self)
  }
}
