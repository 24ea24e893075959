import AmendKit
import DraftText
import Foundation
import Testing
import ZIPFoundation

@testable import Documents

/// Word documents checked by readers we did not write: pandoc reads every tracked change back with
/// its author, xmllint every part, LibreOffice converts each kind of document to PDF.
@Suite("Word documents")
struct WordDocumentTests {
  @Test("the compilation: each pending proposal's changes under its delegation's name and no other, a comment on each")
  func compilation() throws {
    let example = try WordExample.get()
    let changes = try ReadBack.read(example.compilation)
    let tracked = changes.filter { $0.kind != .comment }
    func texts(_ kind: ReadBack.Kind, by author: String) -> [String] {
      tracked.filter { $0.kind == kind && $0.author == author }.map { $0.text.trimmingCharacters(in: .whitespaces) }
    }
    #expect(texts(.insertion, by: "European Union") == ["labour"])
    #expect(texts(.deletion, by: "European Union") == ["labor"])
    #expect(texts(.insertion, by: "Group of African States") == [", smuggling"])
    #expect(texts(.deletion, by: "Switzerland") == ["Groups"] && texts(.insertion, by: "Switzerland") == ["Group"])
    #expect(texts(.insertion, by: "Canada") == [";"])
    #expect(texts(.deletion, by: "Mexico") == ["and economic downturn"])
    // Brazil competes with the European Union for "forced labor": its clause as proposed, an inserted paragraph.
    #expect(texts(.insertion, by: "Brazil").contains { $0.contains("forced labour and labour exploitation of migrant workers") })
    #expect(tracked.contains { $0.kind == .paragraphInsertion && $0.author == "Brazil" })
    #expect(texts(.insertion, by: "Philippines").contains { $0.hasPrefix("- b bis)") && $0.contains("ensuring access to remedies") })
    #expect(texts(.deletion, by: "United States").contains { $0.contains("good practices on migration") })
    #expect(tracked.contains { $0.kind == .paragraphDeletion && $0.author == "United States" })
    // Norway's move: struck where 4 (k) stands, inserted after 4 (b).
    #expect(texts(.deletion, by: "Norway").contains { $0.contains("negative stereotyping") })
    #expect(texts(.insertion, by: "Norway").contains { $0.contains("negative stereotyping") })
    // Every change is a pending proposal's, at its tabling time; every pending proposal has changes.
    let delegations = Set(example.pending.values)
    #expect(Set(tracked.map(\.author)) == delegations)
    #expect(tracked.allSatisfy { $0.date?.hasPrefix("2010-10-12T") == true })
    // Each change's words under one name only.
    for change in tracked where change.kind == .insertion || change.kind == .deletion {
      let others = tracked.filter { $0.author != change.author && $0.kind == change.kind && $0.text == change.text }
      #expect(others.isEmpty, "\(change.text) is under \(change.author) and \(others.map(\.author))")
    }
    // One comment on each proposal, by its delegation, naming its id; statements and co-sponsors included.
    let comments = changes.filter { $0.kind == .comment }
    #expect(comments.count == example.pending.count)
    for (id, delegation) in example.pending {
      let mine = comments.filter { $0.text.hasPrefix("[\(id)]") }
      #expect(mine.count == 1 && mine.first?.author == delegation, "comment on \(id)")
    }
    #expect(
      comments.contains {
        $0.author == "Group of African States" && $0.text.contains("co-sponsors: Egypt") && $0.text.contains("Smuggling of migrants is distinct")
      })
    #expect(
      comments.contains { $0.author == "Brazil" && $0.text.contains("An alternative") && $0.text.contains(example.ids["European Union"] ?? "?") })
  }

  @Test("the clean draft: every clause line in pandoc's plain text, markers typed, no tracked change")
  func cleanDraft() throws {
    let example = try WordExample.get()
    let result = try WordTool.run("pandoc", ["-f", "docx", "-t", "plain", "--wrap=none"], input: Data(example.eighthDraft))
    #expect(result.status == 0, "\(result.stderr)")
    let lines = Set(String(decoding: result.stdout, as: UTF8.self).components(separatedBy: "\n"))
    #expect(lines.contains("Eighth draft of conclusions and recommendations") && lines.contains("as of 13 October 2010"))
    for clause in example.eighthClauses {
      let marker = clause.marker.trimmingCharacters(in: .whitespaces)
      let line = marker.isEmpty ? clause.text : marker + " " + clause.text
      #expect(lines.contains(line), "missing: \(line)")
    }
    // "b)" without the dash in paragraph 7, as in the text, not renumbered by Word.
    #expect(lines.contains { $0.hasPrefix("- b) taking measures") } && lines.contains { $0.hasPrefix("d) enhancing employment") })
    #expect(try ReadBack.read(example.eighthDraft).isEmpty)
  }

  @Test("the redline from the seventh to the eighth draft: each change under the delegation that made it")
  func redline() throws {
    let example = try WordExample.get()
    let tracked = try ReadBack.read(example.redline).filter { $0.kind != .comment }
    func texts(_ kind: ReadBack.Kind, by author: String) -> [String] {
      tracked.filter { $0.kind == kind && $0.author == author }.map { $0.text.trimmingCharacters(in: .whitespaces) }
    }
    #expect(texts(.insertion, by: "European Union") == ["labour"] && texts(.deletion, by: "European Union") == ["labor"])
    #expect(texts(.insertion, by: "Group of African States") == [", smuggling"])
    #expect(texts(.insertion, by: "Switzerland") == ["Group"] && texts(.insertion, by: "Canada") == [";"])
    // Philippines' new clause, with the words the chair read out under the chair's name.
    #expect(texts(.insertion, by: "Ambassador Ndiaye") == ["justice and effective"])
    #expect(texts(.insertion, by: "Philippines").joined(separator: " ").contains("remedies for migrant workers"))
    #expect(texts(.insertion, by: "Norway").contains { $0.contains("negative stereotyping") })
    #expect(texts(.deletion, by: "Norway").contains { $0.contains("negative stereotyping") })
    // The secretariat: title, date and the renumbered markers.
    #expect(texts(.deletion, by: "Secretariat").prefix(2) == ["Seventh", "12"])
    #expect(texts(.insertion, by: "Secretariat").prefix(2) == ["Eighth", "13"])
    #expect(texts(.insertion, by: "Secretariat").dropFirst(2).allSatisfy { $0.count == 1 && $0.first?.isLetter == true })
    // Rejected and deferred proposals made nothing.
    let authors = Set(tracked.map(\.author))
    #expect(
      authors == ["European Union", "Group of African States", "Philippines", "Ambassador Ndiaye", "Switzerland", "Canada", "Norway", "Secretariat"])
  }

  @Test("every part is well-formed XML, and the same record gives the same bytes")
  func wellFormedAndDeterministic() throws {
    let example = try WordExample.get()
    let scratch = try WordScratch()
    let draft = try Draft(
      parsing: "Topic\nFirst draft of R&D <rules>\nas of 1 May 2020\n\n1. \"Quotes\" & 'apostrophes' <b>, a\u{0B}control character;\n")
    let hostile = WordDraft.body(draft, title: "R&D <rules>")
    for body in [hostile] {
      for (index, part) in WordPackage.parts(body).enumerated() {
        let file = try scratch.write("part\(index).xml", Array(part.xml.utf8))
        let result = try WordTool.run("xmllint", ["--noout", "--nonet", file])
        #expect(result.status == 0, "\(part.path): \(result.stderr)")
      }
    }
    let text = try WordTool.run("pandoc", ["-f", "docx", "-t", "plain", "--wrap=none"], input: Data(try WordPackage.zip(hostile)))
    #expect(String(decoding: text.stdout, as: UTF8.self).contains("1. \"Quotes\" & 'apostrophes' <b>, a\u{FFFD}control character;"))
    // The example's documents as zipped, read back out of the archive part by part.
    let expected = [
      "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
      "word/settings.xml", "word/footer1.xml",
    ]
    for (name, docx) in [("draft", example.eighthDraft), ("compilation", example.compilation), ("redline", example.redline)] {
      let archive = try Archive(data: Data(docx), accessMode: .read)
      let entries = Array(archive)
      #expect(entries.map(\.path) == expected + ["word/comments.xml"].filter { _ in name != "draft" }, "\(name)")
      for entry in entries {
        #expect(entry.fileAttributes[.modificationDate] as? Date == WordPackage.entryDate, "\(name) \(entry.path)")
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        let file = try scratch.write("\(name)-\(entry.path.replacingOccurrences(of: "/", with: "_"))", [UInt8](bytes))
        let result = try WordTool.run("xmllint", ["--noout", "--nonet", file])
        #expect(result.status == 0, "\(name) \(entry.path): \(result.stderr)")
      }
    }
    let again = try WordExample.build()
    #expect(again.compilation == example.compilation)
    #expect(again.redline == example.redline)
    #expect(again.eighthDraft == example.eighthDraft)
  }

  @Test("a proposal, a clause's history and blame are not made as Word")
  func notOffered() throws {
    let example = try WordExample.get()
    #expect(example.refused["proposal"] == .formatNotOffered(format: .docx, content: "a proposal", offered: [.html, .akn]))
    #expect(example.refused["history"] == .formatNotOffered(format: .docx, content: "a clause's history", offered: [.html]))
    #expect(example.refused["blame"] == .formatNotOffered(format: .docx, content: "a clause's blame", offered: [.html]))
  }

  @Test("LibreOffice converts each kind of document to an A4 PDF")
  func libreOffice() throws {
    let example = try WordExample.get()
    let scratch = try WordScratch()
    let files = [
      try scratch.write("draft.docx", example.eighthDraft), try scratch.write("compilation.docx", example.compilation),
      try scratch.write("redline.docx", example.redline),
    ]
    let result = try WordTool.run(
      "soffice",
      ["-env:UserInstallation=file://\(scratch.path)/profile", "--headless", "--convert-to", "pdf", "--outdir", scratch.path] + files,
      timeout: 180)
    #expect(result.status == 0, "\(result.stderr)")
    for (name, expected) in [("draft", "Eighth draft"), ("compilation", "forced labour"), ("redline", "Eighth")] {
      let pdf = "\(scratch.path)/\(name).pdf"
      let info = try WordTool.run("pdfinfo", [pdf])
      #expect(String(decoding: info.stdout, as: UTF8.self).contains("(A4)"), "\(name): \(info.stderr)")
      let text = try WordTool.run("pdftotext", ["-layout", pdf, "-"])
      #expect(String(decoding: text.stdout, as: UTF8.self).contains(expected), "\(name)")
    }
  }
}
