import AmendKit
import Foundation
import Testing

@testable import Documents

@Suite("PDF documents: the HTML printed on A4 by headless Chromium")
struct PDFDocumentTests {
  @Test("the eighth draft as PDF: A4, its title, 'forced labour'; pdftotext and pdfinfo read it")
  func eighthDraft() throws {
    let pdftotext = try HTMLTool.require("pdftotext", package: "poppler-utils")
    let pdfinfo = try HTMLTool.require("pdfinfo", package: "poppler-utils")
    let example = try HTMLExample()
    let snapshot = try example.snapshot()
    let scratch = try HTMLScratch()
    let work = try HTMLScratch()
    guard let found = try? ChromiumEngine.find() else {
      Issue.record("no Chromium found: install Debian's chromium package (make deps), or set AMEND_CHROMIUM")
      return
    }
    let engine = ChromiumEngine(executable: found.executable, temporaryParent: URL(fileURLWithPath: work.path))
    let bytes = try PDFDocument.render(.draft(try snapshot.currentDraft(), in: snapshot), engine: engine)
    #expect(bytes.starts(with: Array("%PDF-".utf8)))
    let file = scratch.file("eighth.pdf")
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let text = try HTMLTool.run(pdftotext, ["-layout", file, "-"]).stdout
    let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("forced labour of migrant workers"), "\(words.prefix(400))")
    #expect(!words.contains("forced labor"))
    #expect(words.contains("Eighth draft of conclusions and recommendations"))
    #expect(words.contains("1/2") && words.hasSuffix("2/2"), "page numbers")
    let info = try HTMLTool.run(pdfinfo, [file]).stdout
    #expect(info.contains("(A4)"), "\(info)")
    #expect(info.contains("Title:") && info.contains("Migration — Eighth draft of conclusions and recommendations"), "\(info)")
    // Chromium's temporary folder is gone.
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
  }

  @Test("a proposal, a history and a blame are not made as PDF; a missing engine is named with its package")
  func refusals() throws {
    let example = try HTMLExample()
    let contents = Dictionary(uniqueKeysWithValues: try example.contents().map { ($0.name, $0.content) })
    #expect(throws: DocumentError.formatNotOffered(format: .pdf, content: "a proposal", offered: [.html, .akn])) {
      try Documents.render(try #require(contents["proposal"]), as: .pdf)
    }
    #expect(throws: DocumentError.formatNotOffered(format: .pdf, content: "a clause's history", offered: [.html])) {
      try Documents.render(try #require(contents["history"]), as: .pdf)
    }
    #expect(throws: DocumentError.noPDFEngine(named: nil)) { try ChromiumEngine.find(environment: ["PATH": "/nonexistent"]) }
    #expect(throws: DocumentError.noPDFEngine(named: "no-such-chromium")) {
      try ChromiumEngine.find(environment: ["PATH": "/usr/bin:/bin", "AMEND_CHROMIUM": "no-such-chromium"])
    }
    #expect(try ChromiumEngine.find(environment: ["PATH": "/nonexistent", "AMEND_CHROMIUM": "/bin/sh"]).executable == "/bin/sh")
    // An engine that writes no PDF is a failure, not an empty document.
    #expect(throws: DocumentError.pdfEngineFailed(engine: "/bin/true", reason: "it exited with status 0 without writing a PDF")) {
      try ChromiumEngine(executable: "/bin/true").printToPDF(html: "<p>x</p>")
    }
    // An engine that hangs is stopped at the time limit, and its folder removed.
    let scratch = try HTMLScratch()
    let hanging = scratch.file("hanging-chromium")
    try Data("#!/bin/sh\nsleep 60\n".utf8).write(to: URL(fileURLWithPath: hanging))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hanging)
    let work = try HTMLScratch()
    let started = Date()
    #expect(throws: DocumentError.pdfEngineFailed(engine: hanging, reason: "it did not finish within 1 second")) {
      try ChromiumEngine(executable: hanging, timeLimit: 1, temporaryParent: URL(fileURLWithPath: work.path)).printToPDF(html: "<p>x</p>")
    }
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
  }
}
