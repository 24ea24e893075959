import Foundation
import GitCLISupport
import Testing

@Suite("Akoma Ntoso from the command line: compile and diff --format akn on the bundled example")
struct AkomaNtosoCLITests {
  @Test("compile --format akn prints the amendmentList; diff 7 8 --format akn --output writes the redline; both validate")
  func compileAndDiff() throws {
    let scratch = try Scratch()
    let repo = try bundledExample(in: scratch)
    let compiled = try CLI.run(["compile", "--format", "akn"], in: repo)
    try #require(compiled.status == 0, "\(compiled.stderr)")
    #expect(compiled.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso"))
    #expect(compiled.stdout.contains("<amendmentList name=\"compilation\" contains=\"singleVersion\">"))
    // Mexico's deferred proposal is the one pending on the eighth draft.
    #expect(compiled.stdout.components(separatedBy: "<amendment name=\"amendment\"").count == 2)
    #expect(compiled.stdout.contains("<docProponent refersTo=\"#cmp_3__mexico\">Mexico</docProponent>"))

    let redline = scratch.path + "/redline-7-8.xml"
    let diffed = try CLI.run(["diff", "7", "8", "--format", "akn", "--output", redline], in: repo)
    #expect(diffed.status == 0, "\(diffed.stderr)")
    #expect(diffed.stdout.isEmpty)
    let written = try String(contentsOfFile: redline, encoding: .utf8)
    #expect(written.contains("/eng@draft-8/!main.redline-draft-7.xml"))
    #expect(written.contains("refersTo=\"#european-union\""))

    let compilation = scratch.path + "/compilation.xml"
    try Data(compiled.stdout.utf8).write(to: URL(fileURLWithPath: compilation))
    let xmllint = try? InstalledTool.path("xmllint", package: "libxml2-utils")
    guard let xmllint else {
      Issue.record("xmllint is not installed: install the Debian package libxml2-utils (make deps)")
      return
    }
    let schema = CLI.packageRoot + "/../shared/schemas/akn3/akomantoso30.xsd"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllint)
    process.arguments = ["--noout", "--nonet", "--schema", schema, compilation, redline]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(said)")
    #expect(said.contains("\(compilation) validates") && said.contains("\(redline) validates"), "\(said)")
  }
}
