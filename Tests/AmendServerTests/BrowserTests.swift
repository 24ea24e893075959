import Foundation
import GitCLISupport
import Testing

/// The room in a real browser: headless Chromium driven over W3C WebDriver (Debian's chromium-driver),
/// against the real `amend serve` on a loopback port.
@Suite("The room in headless Chromium: tabling through the form, the chair's console, the live screen, the next draft")
struct BrowserTests {
  @Test(
    "a delegation tables 7 (b) through the form, the chair accepts it, the screen follows without reloading, the secretariat produces the eighth draft"
  )
  func threeMoments() throws {
    let room = try ServedRoom()
    defer { room.stop() }
    let driver = try WebDriver()
    defer { driver.stop() }
    let shots = try room.screenshotFolder()

    // The screen, in its own browser, before anything is tabled.
    let screen = try driver.session(profile: room.scratch + "/profile-screen", size: (1600, 900))
    defer { screen.close() }
    try screen.open(room.url("/screen"))
    _ = try screen.element("#screen-now")
    #expect(screen.text("#screen-now").contains("No proposal is waiting"))
    let loadedAt = try #require(try screen.run("return window.amendLoadedAt;") as? String)
    try waitUntil(seconds: 5, "the screen's event stream is open") { screen.attribute("body", "data-events") == "open" }
    try screen.screenshot(to: shots + "/screen-empty.png")

    // A delegation signs in with the link's fragment, which the page posts and drops from the address.
    let delegate = try driver.session(profile: room.scratch + "/profile-delegate")
    defer { delegate.close() }
    try delegate.open(room.url("/signin#token=\(room.tokens["European Union"]!)"))
    try waitUntil(seconds: 10, "the delegation lands on the tabling form") { delegate.url.hasSuffix("/table") }
    #expect(!delegate.url.contains("token"))
    #expect(delegate.text(".visitor-name") == "European Union")

    // The form refuses what the CLI refuses, with the CLI's line.
    try delegate.click("#clause option[value='7.b']")
    try delegate.type("#words", "forced labr")
    try delegate.type("#replacement", "forced labour")
    let cli = try room.amend(["propose", "7.b", "--by", "European Union", "--replace", "forced labr", "--with", "forced labour"])
    #expect(cli.status != 0)
    let cliLine = String(cli.stderr.trimmingCharacters(in: .newlines).dropFirst("amend: error: ".count))
    try waitUntil(seconds: 5, "the preview refuses the words") { !delegate.text("#preview-result").isEmpty }
    #expect(delegate.text("#preview-result") == cliLine)
    try delegate.screenshot(to: shots + "/table-refused.png")

    // The right words: the redline shows before tabling.
    try delegate.type("#words", "forced labor")
    try waitUntil(seconds: 5, "the preview shows the redline") {
      delegate.text("#preview ins") == "labour" && delegate.text("#preview del") == "labor" && delegate.text("#preview-result").isEmpty
    }
    try delegate.type("#rationale", "Spelling consistent with 'labour and skills needs' in the chapeau of paragraph 7.")
    try delegate.screenshot(to: shots + "/table-preview.png")
    try delegate.click("#table-button")
    try waitUntil(seconds: 10, "the proposal is tabled") { delegate.attribute("#table-result", "data-proposal").map { !$0.isEmpty } ?? false }
    let id = try #require(delegate.attribute("#table-result", "data-proposal"))

    // The screen shows it within a second, without reloading.
    let tabledAt = Date()
    try waitUntil(seconds: 3, "the screen shows 7 (b) with the proposal") { screen.find("#screen-\(id)") != nil }
    let tablingDelay = Date().timeIntervalSince(tabledAt)
    #expect(tablingDelay < 1.5, "the screen took \(tablingDelay) s")
    #expect(screen.attribute("#screen-clause", "data-clause") == "7.b")
    #expect(screen.text("#screen-\(id) .by") == "European Union")
    try screen.screenshot(to: shots + "/screen-tabled.png")

    // A hostile delegation tables from the CLI: the screen and every page show its name and words as text.
    let hostile = #"Saint "Kitts" & Nevis' onmouseover='alert(1)"#
    let hostileRun = try room.amend([
      "propose", "7.d", "--by", hostile, "--insert", "<img src=x onerror=alert(1)>", "--after", "Taking all appropriate",
      "--rationale", "<script>alert(1)</script>",
    ])
    #expect(hostileRun.status == 0, "\(hostileRun.stderr)")
    let hostileID = String(hostileRun.stdout.prefix { !$0.isWhitespace })
    let refused = try room.amend(["access", "grant", "--delegation", "<script>alert(1)</script>"])
    #expect(refused.status != 0, "a token for a name amend refuses: \(refused.stdout)")

    try delegate.open(room.url("/mine"))
    _ = try delegate.element("#item-\(id) button[data-post$='/withdraw']")
    try delegate.screenshot(to: shots + "/mine.png")

    // The chair signs in, opens the session and accepts it: one button.
    try delegate.open(room.url("/signin#token=\(room.tokens["Ambassador Ndiaye"]!)"))
    try waitUntil(seconds: 10, "the chair lands on the console") { delegate.url.hasSuffix("/chair") }
    try delegate.type("#session-name", "Second reading")
    try delegate.run("document.getElementById('session-date').value = '2010-10-13';")
    try delegate.click("button[data-post='/api/session/open']")
    try waitUntil(seconds: 10, "the session is open") { delegate.find("button[data-post='/api/session/close']") != nil }
    #expect(delegate.text(".session-line").hasPrefix("Session Second reading (2010-10-13), chair Ambassador Ndiaye: 2 to decide"))
    #expect(
      delegate.source.contains("Saint &quot;Kitts&quot; &amp; Nevis&#39; onmouseover=&#39;alert(1)")
        || delegate.text("main").contains(hostile))
    try delegate.screenshot(to: shots + "/chair.png")

    // A refusal in the console is the API's one line, the CLI's: an oral revision that would start a clause.
    let revision = "to adopt measures;\n8. The Working Group decides to meet again."
    let cliRevision = try room.amend(["accept", hostileID, "--as-revised", revision])
    #expect(cliRevision.status != 0)
    let revisionLine = String(cliRevision.stderr.trimmingCharacters(in: .newlines).dropFirst("amend: error: ".count))
    try delegate.click("#item-\(hostileID) details.revise summary")
    try delegate.run("document.getElementById(arguments[0]).value = arguments[1];", ["revised-\(hostileID)", revision])
    try delegate.click("#item-\(hostileID) details.revise button")
    try waitUntil(seconds: 5, "the console shows the refusal") { !delegate.text("#item-\(hostileID) p.refusal").isEmpty }
    #expect(delegate.text("#item-\(hostileID) p.refusal") == revisionLine)
    try delegate.screenshot(to: shots + "/chair-refused.png")
    try delegate.click("#item-\(id) button.accept[data-post$='/accept']")
    let acceptedAt = Date()
    try waitUntil(seconds: 3, "the screen shows the decision") {
      screen.attribute("#screen-decided", "data-proposal") == id && screen.text("#screen-decided .verdict") == "ACCEPTED"
    }
    let decisionDelay = Date().timeIntervalSince(acceptedAt)
    #expect(decisionDelay < 1.5, "the screen took \(decisionDelay) s")
    // The next clause on the list — the hostile one — is now under discussion, as text.
    try waitUntil(seconds: 3, "the screen moves to 7 (d)") { screen.attribute("#screen-clause", "data-clause") == "7.d" }
    #expect(screen.text("#screen-now").contains("<img src=x onerror=alert(1)>"))
    #expect(screen.text("#screen-now .by") == hostile)
    #expect(try screen.run("return window.amendLoadedAt;") as? String == loadedAt, "the screen reloaded")
    #expect(!screen.alertOpen)
    try screen.screenshot(to: shots + "/screen-decided.png")

    try waitUntil(seconds: 5, "the console lists the decision") { delegate.find("button[data-post='/api/proposals/\(id)/reopen']") != nil }

    // The secretariat closes the session and produces the eighth draft.
    try delegate.open(room.url("/signin#token=\(room.tokens["Secretariat"]!)"))
    try waitUntil(seconds: 10, "the secretariat lands on its page") { delegate.url.hasSuffix("/secretariat") }
    try delegate.open(room.url("/chair"))
    try delegate.click("button[data-post='/api/session/close']")
    try waitUntil(seconds: 10, "the session is closed") { delegate.find("button[data-post='/api/session/open']") != nil }
    try delegate.open(room.url("/secretariat"))
    try delegate.run("document.getElementById('next-date').value = '2010-10-14';")
    try delegate.click("#next-button")
    try waitUntil(seconds: 15, "the eighth draft is produced") { delegate.text(".current-draft").contains("(draft 8)") }
    try delegate.screenshot(to: shots + "/secretariat.png")

    // git log, by the git CLI: the delegation is the author, the server's operator the committer.
    let log = try GitCLI.run(["log", "--format=%an|%ae|%cn|%s"], in: room.repository)
    #expect(log.split(separator: "\n").contains { $0.hasPrefix("European Union|") && $0.contains("|Server Operator|") })
    #expect(try GitCLI.run(["tag", "--list", "draft-8"], in: room.repository).contains("draft-8"))

    // Every reading page, looked at; nothing ran from the hostile values.
    let pages = [
      ("draft", "/draft"), ("drafts", "/drafts"), ("compilation", "/compilation"), ("agenda", "/agenda"), ("proposal", "/proposals/\(id)"),
      ("history", "/clauses/7.b/history"), ("blame", "/clauses/7.b/blame"), ("diff", "/diff/7/8"), ("log", "/log"),
      ("signin", "/signin"),
    ]
    for (name, path) in pages {
      try delegate.open(room.url(path))
      _ = try delegate.element("main")
      #expect(!delegate.alertOpen, "\(path) opened an alert")
      try delegate.screenshot(to: shots + "/\(name).png")
      if name == "draft" { #expect(delegate.text("main").contains("forced labour of migrant workers")) }
    }
    // Nothing on either console but the two refusals the test asked for (the browser logs their status).
    let console = delegate.consoleLog() + screen.consoleLog()
    let asked = [
      "/api/proposals/preview - Failed to load resource: the server responded with a status of 400",
      "/api/proposals/\(hostileID)/accept - Failed to load resource: the server responded with a status of 400",
    ]
    let unexpected = console.filter { line in (line.hasPrefix("SEVERE") || line.contains("alert")) && !asked.contains { line.contains($0) } }
    #expect(unexpected.isEmpty, "\(console)")
    #expect(console.contains { $0.contains(asked[0]) }, "the browser's console is not read: \(console)")
    try room.keepScreenshots(shots)
  }
}
