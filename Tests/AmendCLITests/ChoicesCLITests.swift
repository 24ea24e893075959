import Foundation
import Testing

/// Options that take a value from a fixed set (formats, statuses): any letter case where amend
/// allows it, and an unknown value refused in amend's words with exit status 1 (not argument-parser's
/// "The value … is invalid" and 64).
@Suite("Formats and statuses")
struct ChoicesCLITests {
  @Test("unknown formats and statuses: amend's one line, exit 1, nothing on standard output")
  func unknownValues() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let cases: [([String], String)] = [
      (["compile", "--format", "rtf"], "unknown format 'rtf': use text, markdown, html, pdf, docx or akn"),
      (["compile", "--format", "Markdown"], "unknown format 'Markdown': use text, markdown, html, pdf, docx or akn"),
      (["diff", "--format", "xml"], "unknown format 'xml': use text, markdown, json, html, pdf, docx or akn"),
      (
        ["proposals", "--status", "maybe"],
        "unknown status 'maybe': use one of pending, accepted, rejected, deferred, withdrawn, applied, conflict, fallen"
      ),
    ]
    for (arguments, message) in cases {
      let run = try CLI.run(arguments, in: folder.path)
      #expect(run.status == 1, "\(arguments)")
      #expect(run.stderr == "amend: error: \(message)\n", "\(arguments)")
      #expect(run.stdout.isEmpty, "\(arguments)")
    }
  }

  @Test("a status in any letter case; each format as named")
  func knownValues() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    try CLI.run(["propose", "7 (b)", "--by", "Brazil", "--delete", "forced labor"], in: folder.path)
    let listed = try CLI.run(["proposals", "--status", "PENDING"], in: folder.path)
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout.contains("pending") && listed.stdout.contains("Brazil"))
    #expect(try CLI.run(["proposals", "--status", "accepted"], in: folder.path).stdout == "no proposals\n")
    let markdown = try CLI.run(["compile", "--format", "markdown"], in: folder.path)
    #expect(markdown.status == 0 && markdown.stdout.contains("> 7 (b) taking measures to combat trafficking and ~~forced labor~~"))
    let text = try CLI.run(["compile", "--format", "text"], in: folder.path)
    let plain = try CLI.run(["compile"], in: folder.path)
    #expect(text.status == 0 && text.stdout == plain.stdout)
  }
}
