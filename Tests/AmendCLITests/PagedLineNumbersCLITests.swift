import Foundation
import GitCLISupport
import Testing

/// Proposals cited by page and line of the draft as printed with line numbers, in every output.
@Suite("Paged line numbers")
struct PagedLineNumbersCLITests {
  @Test("compile, proposal and the documents cite a proposal by page and line; the PDF prints its words there")
  func citedByPageAndLine() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let tabled = try CLI.run(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], in: folder.path)
    let id = String(tabled.stdout.prefix { !$0.isWhitespace })

    let shown = try CLI.run(["proposal", id, "--line-numbers"], in: folder.path).stdout
    let cited = try #require(
      shown.split(separator: "\n").first { $0.hasPrefix("Printed at page ") }, "\(shown)")
    // "Printed at page 3, line 17 of the seventh draft with line numbers"
    let numbers = cited.split { !$0.isNumber }.compactMap { Int($0) }
    try #require(numbers.count == 2, "\(cited)")
    let (page, line) = (numbers[0], numbers[1])
    #expect(page == 3, "the seed runs to three pages and 7 (b) is on the last")
    #expect(cited == "Printed at page \(page), line \(line) of the seventh draft with line numbers")
    #expect(!(try CLI.run(["proposal", id], in: folder.path).stdout.contains("Printed at")))

    let note = "(page \(page), line \(line))"
    let compiled = try CLI.run(["compile", "--line-numbers"], in: folder.path).stdout
    #expect(compiled.contains("\n          7 (b) \(note) taking measures to combat trafficking and forced "), "\(compiled)")
    #expect(!(try CLI.run(["compile"], in: folder.path).stdout.contains("(page ")))
    let html = try CLI.run(["compile", "--format", "html", "--line-numbers"], in: folder.path).stdout
    #expect(html.contains("<span class=\"name\">7 (b)</span> <span class=\"cited\">\(note)</span>"))
    #expect(!(try CLI.run(["compile", "--format", "html"], in: folder.path).stdout.contains("class=\"cited\"")))
    #expect(try CLI.run(["compile", "--format", "docx", "--line-numbers", "--output", "compilation.docx"], in: folder.path).status == 0)
    let comments = try unzipped("word/comments.xml", of: folder.path + "/compilation.docx")
    #expect(comments.contains("European Union, on 7 (b) \(note): replace"), "\(comments)")

    let pdftotext = try InstalledTool.path("pdftotext", package: "poppler-utils")
    let printedPDF = try CLI.run(["show", "--format", "pdf", "--line-numbers", "--output", "draft.pdf"], in: folder.path)
    #expect(printedPDF.status == 0, "\(printedPDF.stderr)")
    let text = try run(pdftotext, ["-layout", folder.path + "/draft.pdf", "-"])
    let pages = text.components(separatedBy: "\u{0C}")
    try #require(pages.count >= page)
    let printed = pages[page - 1].split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace) }.filter { !$0.isEmpty }
    #expect(printed.first?.first == "1", "numbering starts at 1 on page \(page)")
    let there = try #require(printed.first { $0.first == Substring(String(line)) })
    #expect(there.contains("labor"), "page \(page), line \(line): \(there.joined(separator: " "))")
  }

  private func unzipped(_ part: String, of archive: String) throws -> String {
    let script = "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())"
    return try run("/usr/bin/env", ["python3", "-c", script, archive, part])
  }

  private func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
