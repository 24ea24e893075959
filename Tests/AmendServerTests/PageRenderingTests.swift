import AmendKit
import Foundation
import GitCLISupport
import Testing

@testable import AmendServer

/// The pages as functions from the record to HTML, without a server: every page parses as HTML
/// (xmllint), and hostile values — a delegation's name full of quotes, words and a statement that are
/// markup — are text everywhere, in element content and in attributes.
@Suite("The room's pages, rendered from a negotiation: valid HTML, every value escaped")
struct PageRenderingTests {
  static let hostileName = #"Saint "Kitts" & Nevis' onmouseover='alert(1)"#
  static let hostileWords = "<img src=x onerror=alert(1)>"
  static let hostileStatement = "<script>alert(1)</script>"

  /// The seventh draft, the EU's 7 (b) accepted in an open session, a hostile proposal on 7 (d) pending.
  static func negotiation() throws -> (folder: String, repository: String, eu: String, hostile: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amend-pages-\(UUID().uuidString)").path
    let repository = folder + "/negotiation"
    try ServedRoom.initialise(repository)
    func amend(_ arguments: [String]) throws -> String {
      let run = try ServedRoom.amend(arguments, in: repository)
      try #require(run.status == 0, "amend \(arguments.joined(separator: " ")): \(run.stderr)")
      return String(run.stdout.prefix { !$0.isWhitespace })
    }
    let eu = try amend(["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"])
    let hostile = try amend([
      "propose", "7.d", "--by", hostileName, "--insert", hostileWords, "--after", "Taking all appropriate", "--rationale", hostileStatement,
      "--cosponsor", "Côte d'Ivoire & Others",
    ])
    _ = try amend(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"])
    _ = try amend(["accept", eu])
    return (folder, repository, eu, hostile)
  }

  /// xmllint's HTML parser's complaints, less the HTML5 elements it does not know.
  static func htmlProblems(_ html: String, in folder: String, name: String) throws -> [String] {
    let xmllint = try InstalledTool.path("xmllint", package: "libxml2-utils")
    let file = folder + "/\(name).html"
    try Data(html.utf8).write(to: URL(fileURLWithPath: file))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllint)
    process.arguments = ["--html", "--noout", file]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let html5 = ["nav", "main", "section", "header", "details", "summary"]
    return output.split(separator: "\n").filter { $0.contains("parser error") }.map(String.init)
      .filter { line in !html5.contains { line.contains("Tag \($0) invalid") } }
  }

  @Test("every page and fragment parses as HTML; the hostile name, words and statement are text, never markup")
  func pagesAreValidAndEscaped() throws {
    let (folder, repository, eu, hostile) = try Self.negotiation()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let snapshot = try Workspace.open(at: repository, context: AmendKit.Context()).snapshot()
    let delegation = PageVisitor(role: .delegation, name: Self.hostileName, csrf: "c\"s<r>f")
    let chair = PageVisitor(role: .chair, name: "<script>alert(1)</script>", csrf: "token")

    var pages: [(String, PageContent, PageVisitor?)] = [
      ("draft", try ReadingPages.draft(snapshot), nil),
      ("drafts", try ReadingPages.drafts(snapshot), nil),
      ("compilation", try ReadingPages.compilation(snapshot), nil),
      ("agenda", try ReadingPages.agenda(snapshot), nil),
      ("proposal", try ReadingPages.proposal(snapshot, id: hostile, visitor: delegation), delegation),
      ("history", try ReadingPages.history(snapshot, clause: "7.d", draft: nil), nil),
      ("blame", try ReadingPages.blame(snapshot, clause: "7 (b)", draft: nil), nil),
      ("log", try ReadingPages.log(snapshot), nil),
      ("signin", RoomPages.signin(visitor: chair), chair),
      ("table", try RoomPages.tableForm(snapshot, visitor: delegation, clause: "7 (d)"), delegation),
      ("mine", try RoomPages.mine(snapshot, visitor: delegation), delegation),
      ("chair", try RoomPages.console(snapshot, visitor: chair), chair),
      ("screen", try ScreenPage.page(snapshot), nil),
    ]
    pages.append(("secretariat", try RoomPages.secretariat(snapshot, visitor: PageVisitor(role: .secretariat, name: "S", csrf: "t")), nil))

    // The check can fail: xmllint names a mismatched tag.
    #expect(!(try Self.htmlProblems("<!DOCTYPE html><html><body><p>a <b>b</p></body></html>", in: folder, name: "control")).isEmpty)
    for (name, content, visitor) in pages {
      let html = PageLayout.page(title: content.title, body: content.body, visitor: visitor, current: "/\(name)")
      let problems = try Self.htmlProblems(html, in: folder, name: name)
      #expect(problems.isEmpty, "\(name): \(problems)")
      #expect(!html.contains("<script>alert"), "\(name) carries a script")
      #expect(!html.contains("<img src=x"), "\(name) carries an image tag")
      #expect(!html.contains("\"Kitts\""), "\(name) lets a quote out")
      #expect(!html.contains("onmouseover='"), "\(name) lets an attribute out")
      #expect(!html.contains("<script>") || html.components(separatedBy: "<script").count == 2, "\(name): only the page's own script")
    }

    // Where the hostile values show, they are there as escaped text.
    let screen = try ScreenPage.fragment(snapshot)
    #expect(screen.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(screen.contains("Saint &quot;Kitts&quot; &amp; Nevis&#39; onmouseover=&#39;alert(1)"))
    #expect(screen.contains("data-proposal=\"\(eu)\""), "the screen names the decision just taken")
    let proposalPage = try ReadingPages.proposal(snapshot, id: hostile, visitor: nil).body
    #expect(proposalPage.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!proposalPage.contains("data-post"), "a reader gets no withdraw button")
    #expect(try ReadingPages.proposal(snapshot, id: hostile, visitor: delegation).body.contains("/api/proposals/\(hostile)/withdraw"))
    let other = PageVisitor(role: .delegation, name: "European Union", csrf: "t")
    #expect(!(try ReadingPages.proposal(snapshot, id: hostile, visitor: other).body.contains("withdraw")), "only its own delegation withdraws")

    // The chair's console: one button for each decision on each pending item; the taken decision can be reopened.
    let console = try RoomPages.consoleBody(snapshot, visitor: chair)
    for action in ["accept", "reject", "defer"] { #expect(console.contains("data-post=\"/api/proposals/\(hostile)/\(action)\"")) }
    #expect(console.contains("data-post=\"/api/proposals/\(eu)/reopen\""))
    // Pages that need a role say so to anyone else, with nothing of the role's controls.
    #expect(!(try RoomPages.console(snapshot, visitor: delegation).body.contains("data-post")))
    #expect(!(try RoomPages.tableForm(snapshot, visitor: chair, clause: nil).body.contains("table-form")))
    // The CSRF token is an escaped attribute of a <meta>.
    let framed = PageLayout.page(title: "t", body: "", visitor: delegation, current: "/")
    #expect(framed.contains("<meta name=\"csrf-token\" content=\"c&quot;s&lt;r&gt;f\">"))
  }
}
