import Foundation
import GitCLISupport
import Testing

@Suite("HTML and PDF from the command line, on the bundled example")
struct DocumentsHTMLCLITests {
  /// The path of `name` on PATH; a missing tool fails the test with the Debian package to install.
  func tool(_ name: String, package: String) throws -> String {
    try InstalledTool.path(name, package: package)
  }

  func output(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }

  @Test("--format html for show, compile, diff, proposal, history and blame; --format pdf of the 7 → 8 redline; no engine, one line")
  func htmlAndPDF() throws {
    let xmllint = try tool("xmllint", package: "libxml2-utils")
    let pdftotext = try tool("pdftotext", package: "poppler-utils")
    let pdfinfo = try tool("pdfinfo", package: "poppler-utils")
    let scratch = try Scratch()
    let repo = try bundledExample(in: scratch)
    let records = try FileManager.default.subpathsOfDirectory(atPath: repo + "/proposals").filter { $0.hasSuffix(".md") }
    let european = try #require(
      records.first { (try? String(contentsOfFile: repo + "/proposals/" + $0, encoding: .utf8))?.contains("delegation: European Union") ?? false })
    let id = String(URL(fileURLWithPath: european).lastPathComponent.dropLast(3))

    let commands: [(String, [String])] = [
      ("show", ["show", "--format", "html"]), ("compile", ["compile", "--format", "html"]),
      ("diff", ["diff", "7", "8", "--format", "html"]), ("proposal", ["proposal", id, "--format", "html"]),
      ("history", ["history", "7.b", "--format", "html"]), ("blame", ["blame", "7.b", "--format", "html"]),
    ]
    var files: [String] = []
    var pages: [String: String] = [:]
    for (name, arguments) in commands {
      let run = try CLI.run(arguments, in: repo)
      #expect(run.status == 0 && run.stderr.isEmpty, "\(name): \(run.stderr)")
      #expect(run.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(name)")
      pages[name] = run.stdout
      let file = scratch.path + "/\(name).html"
      try run.stdoutData.write(to: URL(fileURLWithPath: file))
      files.append(file)
    }
    let lint = try output(xmllint, ["--html", "--noout"] + files)
    #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
    let diff = try #require(pages["diff"])
    #expect(diff.contains("<del class=\"who-") && diff.contains("title=\"European Union, proposal \(id)"))
    #expect(
      try #require(pages["show"]).contains(
        "id=\"para_7__list_1__point_b\"><span class=\"marker\">- b)</span> taking measures to combat trafficking, smuggling and forced labour"))
    // --output writes the same page to a file.
    let written = scratch.path + "/written.html"
    #expect(try CLI.run(["show", "--format", "html", "--output", written], in: repo).status == 0)
    #expect(try String(contentsOfFile: written, encoding: .utf8) == pages["show"])

    let pdf = scratch.path + "/redline.pdf"
    let printed = try CLI.run(["diff", "7", "8", "--format", "pdf", "--output", pdf], in: repo)
    #expect(printed.status == 0, "\(printed.stderr)")
    let text = try output(pdftotext, [pdf, "-"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("Seventh Eighth draft of conclusions and recommendations"), "\(text.prefix(300))")
    #expect(text.contains("forced labor labour of migrant workers"), "\(text)")
    #expect(try output(pdfinfo, [pdf]).stdout.contains("(A4)"))

    // No engine: one line naming the package, nothing written at --output.
    let missing = scratch.path + "/missing.pdf"
    for environment in [["AMEND_CHROMIUM": "/nonexistent/chromium"], ["PATH": "/nonexistent"]] {
      try expectRefusal(
        HostileCase(
          name: "no PDF engine (\(environment))", arguments: ["show", "--format", "pdf", "--output", missing],
          message: "no PDF engine found", environment: environment), in: repo)
      #expect(!FileManager.default.fileExists(atPath: missing))
    }
    try expectRefusal(
      HostileCase(
        name: "an engine that fails", arguments: ["diff", "7", "8", "--format", "pdf", "--output", missing],
        message: "the PDF engine /bin/false failed: it exited with status 1 without writing a PDF",
        environment: ["AMEND_CHROMIUM": "/bin/false"]), in: repo)
    #expect(!FileManager.default.fileExists(atPath: missing))
    let refused = try CLI.run(["compile", "--format", "pdf", "--output", missing], in: repo, extra: ["PATH": "/nonexistent"])
    #expect(
      refused.stderr == "amend: error: no PDF engine found: install Debian's chromium package (apt-get install chromium), or set AMEND_CHROMIUM\n")
  }
}
