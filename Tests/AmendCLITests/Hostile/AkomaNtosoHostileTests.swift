import Foundation
import Testing

/// `amend init --from FILE.xml`: an Akoma Ntoso document is read as the draft's text; anything else
/// that claims to be one is refused in one line, and nothing is written.
@Suite("init --from an Akoma Ntoso document")
struct AkomaNtosoHostileTests {
  static let unDraftResolution = URL(fileURLWithPath: CLI.seed).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("realcases/akn_un_draft_resolution_E-CN.7-2012-L.2.xml").path

  /// Files that are not an Akoma Ntoso draft, each with the words its refusal must contain.
  static let documents: [(file: String, content: String, message: String)] = [
    ("notes.xml", "1. This is a text draft saved as .xml\n", "is not well-formed XML"),
    ("broken.xml", "<akomaNtoso><statement><mainBody><p>unclosed</mainBody></akomaNtoso>", "is not well-formed XML"),
    (
      "page.xml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>1. Hello</p></body></html>",
      "is XML but not Akoma Ntoso (its root element is <html>"
    ),
    (
      "nobody.xml",
      "<?xml version=\"1.0\"?><akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><statement name=\"x\"><meta/>"
        + "<preface><p>Only a title</p></preface></statement></akomaNtoso>",
      "is an Akoma Ntoso document without a body"
    ),
    (
      "empty-body.xml",
      "<akomaNtoso xmlns=\"http://www.akomantoso.org/2.0\"><bill><meta/><body>  </body></bill></akomaNtoso>",
      "is an Akoma Ntoso document without a body"
    ),
  ]

  @Test("not XML, XML that is not Akoma Ntoso, and Akoma Ntoso without a body are refused in one line, nothing changed")
  func refusals() throws {
    let scratch = try Scratch()
    let documents = try Scratch()
    let setUp = try CLI.run(["init", "--from", CLI.seed], in: scratch.path)
    try #require(setUp.status == 0, "\(setUp.stderr)")
    for document in Self.documents {
      let path = (documents.path as NSString).appendingPathComponent(document.file)
      try document.content.write(toFile: path, atomically: true, encoding: .utf8)
      try expectRefusal(
        HostileCase(name: document.file, arguments: ["init", "--from", path], message: "\(path) \(document.message)"), in: scratch.path)
      // Into a new folder: the refusal comes before any repository is made.
      let fresh = (documents.path as NSString).appendingPathComponent("repo-\(document.file)")
      let run = try CLI.run(["init", "--from", path, "--repo", fresh], in: documents.path)
      #expect(run.status == 1, "\(document.file): \(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: fresh), "\(document.file): a refused init made \(fresh)")
    }
  }

  @Test("the UN's AKN 2.0 draft resolution initialises, and amend clauses lists its paragraphs")
  func unDraftResolutionInitialises() throws {
    let scratch = try Scratch()
    let initialised = try CLI.run(["init", "--from", Self.unDraftResolution], in: scratch.path)
    #expect(initialised.status == 0, "\(initialised.stderr)")
    #expect(initialised.stdout.hasPrefix("drafts/01-first-draft.md committed as "))
    #expect(initialised.stderr.contains("paragraph 8 follows paragraph 3"), "the sample leaves out 4 to 7: \(initialised.stderr)")
    let clauses = try CLI.run(["clauses"], in: scratch.path)
    #expect(clauses.status == 0, "\(clauses.stderr)")
    let ids = clauses.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
    #expect(ids == ["PP1", "PP2", "PP3", "PP4", "1", "2", "3", "8"], "\(clauses.stdout)")
    let shown = try CLI.run(["show", "2"], in: scratch.path)
    #expect(shown.stdout.hasPrefix("2. Urges Member States to share that information"), "\(shown.stdout)")
  }

  @Test("show --format akn, then init --from the file: the same draft, byte for byte, through the CLI")
  func roundTripThroughTheCLI() throws {
    let first = try Scratch()
    let second = try Scratch()
    try #require(try CLI.run(["init", "--from", CLI.seed], in: first.path).status == 0)
    let exported = (second.path as NSString).appendingPathComponent("seventh.xml")
    let shown = try CLI.run(["show", "--format", "akn", "--output", exported], in: first.path)
    #expect(shown.status == 0, "\(shown.stderr)")
    let stdout = try CLI.run(["show", "--format", "akn"], in: first.path)
    #expect(stdout.stdoutData == FileManager.default.contents(atPath: exported), "stdout and --output give the same document")
    let repo = (second.path as NSString).appendingPathComponent("repo")
    let again = try CLI.run(["init", "--from", exported, "--repo", repo], in: second.path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.hasPrefix("drafts/07-seventh-draft.md committed as "))
    let original = try #require(FileManager.default.contents(atPath: CLI.seed))
    #expect(FileManager.default.contents(atPath: (repo as NSString).appendingPathComponent("drafts/07-seventh-draft.md")) == original)
  }
}
