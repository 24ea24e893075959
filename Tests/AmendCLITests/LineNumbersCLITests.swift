import Foundation
import Testing

/// Line numbers, as parliaments print them, so that a proposal can be cited by line.
@Suite("Line numbers")
struct LineNumbersCLITests {
  @Test("show and compile number the draft file's lines; proposal cites its clause's line; Word and HTML carry them")
  func lineNumbers() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let shown = try CLI.run(["show", "--line-numbers"], in: folder.path).stdout
    let plain = try CLI.run(["show"], in: folder.path).stdout
    let lines = plain.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    let numbered = shown.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(numbered.count == lines.count)
    for (index, line) in lines.enumerated() {
      let number = String(index + 1)
      #expect(numbered[index] == String(repeating: " ", count: 2 - number.count) + number + "  " + line)
    }
    let clause = try CLI.run(["show", "7.b", "--line-numbers"], in: folder.path).stdout
    let line = try #require(lines.firstIndex { $0.contains("forced labor of migrant workers") }) + 1
    #expect(
      clause == "\(line)  - b) taking measures to combat trafficking and forced labor of migrant workers, regardless of their immigration status;\n")

    let tabled = try CLI.run(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], in: folder.path)
    let id = String(tabled.stdout.prefix { !$0.isWhitespace })
    #expect(try CLI.run(["proposal", id], in: folder.path).stdout.contains("now 7 (b), line \(line)\n"))
    let compiled = try CLI.run(["compile", "--line-numbers"], in: folder.path).stdout
    #expect(compiled.contains("\n\(line)    - b) taking measures"), "\(compiled)")
    #expect(compiled.contains("\n          [\(id)] European Union: replace 'forced labor' with 'forced labour'\n"), "\(compiled)")

    let html = try CLI.run(["compile", "--format", "html", "--line-numbers"], in: folder.path).stdout
    #expect(html.contains("<div class=\"draft numbered\">"))
    #expect(html.contains("id=\"para_7__list_1__point_b\" data-line=\"\(line)\""))
    #expect(!(try CLI.run(["compile", "--format", "html"], in: folder.path).stdout.contains("data-line=\"")))

    try CLI.run(["show", "--format", "docx", "--line-numbers", "--output", "numbered.docx"], in: folder.path)
    let document = try unzipped("word/document.xml", of: folder.path + "/numbered.docx")
    #expect(document.contains("<w:lnNumType w:countBy=\"1\" w:distance=\"284\" w:restart=\"newPage\"/>"))
    try CLI.run(["show", "--format", "docx", "--output", "plain.docx"], in: folder.path)
    #expect(!(try unzipped("word/document.xml", of: folder.path + "/plain.docx")).contains("lnNumType"))
  }

  /// One part of a zip archive, read by Python's zipfile (an independent reader).
  private func unzipped(_ part: String, of archive: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", archive, part,
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
