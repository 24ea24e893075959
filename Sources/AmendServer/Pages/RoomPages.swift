import AmendKit
import Documents
import DraftText
import Foundation

/// The pages of the people in the room: sign-in, the delegation's tabling form and its proposals, the
/// chair's console and the secretariat's next draft. They render what is; every button and form posts
/// to the JSON API (the one place writes happen) and shows the API's one line when it refuses.
enum RoomPages {
  static func e(_ text: some StringProtocol) -> String { HTMLEscaping.escape(text) }

  /// Sign-in: the link the secretariat hands out is `/signin#token=…`; the fragment never reaches the
  /// server or its log, and the script posts it to `POST /signin` and drops it from the address bar.
  static func signin(visitor: PageVisitor?) -> PageContent {
    var html = "<h1 class=\"page-title\">Sign in</h1>\n"
    if let visitor {
      html += "<p>You are signed in as <span class=\"visitor-name\">\(e(visitor.name))</span> (\(visitor.role.rawValue)).</p>\n"
    }
    html += """
      <form id="signin-form" class="room-form" autocomplete="off">
      <label for="token">Access token</label>
      <input type="text" id="token" name="token" spellcheck="false" autocomplete="off">
      <p class="actions"><button type="submit" class="primary">Sign in</button></p>
      </form>
      <p id="signin-result" class="refusal" role="alert"></p>
      <p>The secretariat gives each delegation, chair and secretariat officer a link; opening it signs you in.</p>

      """
    return PageContent(title: "Sign in", body: html)
  }

  /// The operations the form offers, with the API's key for each (the CLI's long option names).
  static let operations: [(value: String, words: String)] = [
    ("replace", "Replace words"), ("insert", "Insert words"), ("delete", "Delete words"), ("text", "Replace the whole clause"),
    ("delete-clause", "Delete the clause"), ("new-clause", "Add a new clause after it"), ("move-after", "Move the clause"),
  ]

  /// The delegation's form: the clause, the operation and its words, co-sponsors and a statement; the
  /// redline appears before submitting (`POST /api/proposals/preview`), then `POST /api/proposals`.
  static func tableForm(_ snapshot: Snapshot, visitor: PageVisitor?, clause chosen: String?) throws -> PageContent {
    guard let visitor, visitor.role == .delegation else {
      return PageContent(title: "Table an amendment", body: PageLayout.needsRole("Tabling is for signed-in delegations"))
    }
    let current = try snapshot.currentDraft()
    let wanted = chosen.flatMap { try? current.draft.resolve($0) }?.id.rawValue
    var options = ""
    for clause in current.draft.clauses {
      let selected = clause.id.rawValue == wanted ? " selected" : ""
      options += "<option value=\"\(e(clause.id.rawValue))\"\(selected)>\(e(clause.id.display)) — \(e(firstWords(clause.text)))</option>\n"
    }
    var kinds = ""
    for (value, words) in operations { kinds += "<option value=\"\(value)\">\(e(words))</option>\n" }
    let html = """
      <h1 class="page-title">Table an amendment to the \(Ordinal.words(current.number)) draft</h1>
      <p>On behalf of <span class="visitor-name">\(e(visitor.name))</span>.</p>
      <form id="table-form" class="room-form" autocomplete="off">
      <label for="clause">Clause</label>
      <select id="clause" name="clause">
      \(options)</select>
      <label for="operation">Amendment</label>
      <select id="operation" name="operation">
      \(kinds)</select>
      <label class="field" data-for="replace delete" for="words">Words in the clause</label>
      <input class="field" data-for="replace delete" type="text" id="words" name="words">
      <label class="field" data-for="replace" for="replacement">Replace them with</label>
      <input class="field" data-for="replace" type="text" id="replacement" name="replacement">
      <label class="field" data-for="insert" for="insertion">Words to insert</label>
      <input class="field" data-for="insert" type="text" id="insertion" name="insertion">
      <label class="field" data-for="insert" for="where">Where</label>
      <select class="field" data-for="insert" id="where" name="where">
      <option value="after">after the words</option><option value="before">before the words</option>
      <option value="at-start">at the start of the clause</option><option value="at-end">at the end of the clause</option>
      </select>
      <label class="field" data-for="insert" for="anchor">The words</label>
      <input class="field" data-for="insert" type="text" id="anchor" name="anchor">
      <label class="field" data-for="replace delete insert" for="occurrence">Occurrence (if the words recur)</label>
      <input class="field" data-for="replace delete insert" type="text" inputmode="numeric" id="occurrence" name="occurrence">
      <label class="field" data-for="text new-clause" for="clause-text">Text of the clause</label>
      <textarea class="field" data-for="text new-clause" id="clause-text" name="clause-text" rows="3"></textarea>
      <label class="field" data-for="move-after" for="target">Move it to follow</label>
      <select class="field" data-for="move-after" id="target" name="target">
      \(options.replacingOccurrences(of: " selected", with: ""))</select>
      <label for="cosponsors">Co-sponsors (one a line)</label>
      <textarea id="cosponsors" name="cosponsors" rows="2"></textarea>
      <label for="rationale">Explanatory statement</label>
      <textarea id="rationale" name="rationale" rows="3"></textarea>
      <p class="actions"><button type="button" id="preview-button">Preview</button>
      <button type="submit" id="table-button" class="primary">Table the amendment</button></p>
      </form>
      <div class="preview" aria-live="polite"><h2>The clause as it would read</h2>
      <p id="preview-result" class="refusal" role="alert"></p>
      <div id="preview"></div></div>
      <p id="table-result" class="done" role="status"></p>

      """
    return PageContent(title: "Table an amendment", body: html)
  }

  static func firstWords(_ text: String) -> String {
    let words = text.split(whereSeparator: \.isWhitespace)
    return words.prefix(8).joined(separator: " ") + (words.count > 8 ? " …" : "")
  }

  /// The delegation's own proposals, newest first, with a withdraw button on each pending one.
  static func mine(_ snapshot: Snapshot, visitor: PageVisitor?) throws -> PageContent {
    guard let visitor, visitor.role == .delegation else {
      return PageContent(title: "My proposals", body: PageLayout.needsRole("Your proposals: sign in as a delegation"))
    }
    let body: String =
      "<h1 class=\"page-title\">Proposals of <span class=\"visitor-name\">\(e(visitor.name))</span></h1>\n"
      + "<div data-live=\"/fragments/mine\">\n" + (try mineList(snapshot, delegation: visitor.name)) + "</div>\n"
    return PageContent(title: "My proposals", body: body)
  }

  static func mineList(_ snapshot: Snapshot, delegation: String) throws -> String {
    let listed = try snapshot.proposals(in: try snapshot.currentDraft(), matching: ProposalFilter(delegation: delegation))
    guard !listed.isEmpty else { return "<p>No proposal tabled yet.</p>\n" }
    var palette = HTMLPalette()
    var html = ""
    for item in listed.reversed() {
      html += "<div class=\"item\" data-scope id=\"item-\(e(item.id))\">\n"
      html += HTMLDocument.proposalEntry(item, palette: &palette)
      html += "<p><a href=\"/proposals/\(e(item.id))\">The proposal's page</a></p>\n"
      if item.state.status == .pending {
        html += "<p><button type=\"button\" data-post=\"/api/proposals/\(e(item.id))/withdraw\" data-done=\"Withdrawn.\">Withdraw</button></p>\n"
      }
      html += "<p class=\"refusal\" role=\"alert\"></p>\n</div>\n"
    }
    return html
  }

  /// The chair's console: the session, and the marshalled list with one button per decision.
  static func console(_ snapshot: Snapshot, visitor: PageVisitor?) throws -> PageContent {
    guard let visitor, visitor.role.chairs else {
      return PageContent(title: "Chair's console", body: PageLayout.needsRole("The chair's console: sign in as the chair or the secretariat"))
    }
    let body: String =
      "<h1 class=\"page-title\">Chair's console</h1>\n<div data-live=\"/fragments/chair\">\n"
      + (try consoleBody(snapshot, visitor: visitor)) + "</div>\n"
    return PageContent(title: "Chair's console", body: body)
  }

  static func consoleBody(_ snapshot: Snapshot, visitor: PageVisitor) throws -> String {
    let ledger = try snapshot.ledger.get()
    var html = "<div class=\"session\" data-scope>\n"
    if let session = ledger.openSession {
      html += "<p>Session <strong>\(e(session.name))</strong> (\(e(session.date))), chair \(e(session.chair)). "
      html += "<button type=\"button\" data-post=\"/api/session/close\" data-done=\"Session closed.\">Close the session</button></p>\n"
    } else {
      html += "<div class=\"room-form\">\n"
      html += "<label for=\"session-name\">Session</label><input type=\"text\" id=\"session-name\" placeholder=\"Second reading\">\n"
      html += "<label for=\"session-date\">Date</label><input type=\"date\" id=\"session-date\">\n"
      html += "<p class=\"actions\"><button type=\"button\" class=\"primary\" data-post=\"/api/session/open\" "
      html +=
        "data-field-name=\"#session-name\" data-field-date=\"#session-date\" data-done=\"Session open.\">Open the session</button></p>\n</div>\n"
    }
    html += "<p class=\"refusal\" role=\"alert\"></p>\n</div>\n"
    html += try ReadingPages.agendaList(snapshot) { item in decisionButtons(item) }
    if let session = ledger.openSession, !session.decisions.isEmpty {
      html += "<h2>Decided in this session</h2>\n<ul class=\"decided\">\n"
      for decision in session.decisions.reversed() {
        guard let id = decision.proposal else { continue }
        html += "<li data-scope>\(e(decision.kind.rawValue)): <a href=\"/proposals/\(e(id))\">\(e(id))</a>"
        if let state = try? ledger.proposal(ProposalID(id)) { html += " — \(e(state.record.delegation)), \(e(state.record.clause))" }
        html += " <button type=\"button\" data-post=\"/api/proposals/\(e(id))/reopen\" data-done=\"Reopened.\">Reopen</button>"
        html += " <span class=\"refusal\" role=\"alert\"></span></li>\n"
      }
      html += "</ul>\n"
    }
    return html
  }

  /// Accept, accept as orally revised (the clause's words editable in place), reject, defer: one
  /// button each, each one call to the API.
  static func decisionButtons(_ item: MarshalledProposal) -> String {
    let id = e(item.id)
    let base = "/api/proposals/\(id)"
    let revisable = item.wanted ?? item.placement.clause?.text ?? ""
    var html = "<div class=\"decide\">\n"
    html +=
      "<button type=\"button\" class=\"accept\" data-post=\"\(base)/accept\" data-field-note=\"#note-\(id)\" data-done=\"Accepted.\">Accept</button>\n"
    html +=
      "<button type=\"button\" class=\"reject\" data-post=\"\(base)/reject\" data-field-note=\"#note-\(id)\" data-done=\"Rejected.\">Reject</button>\n"
    html += "<button type=\"button\" data-post=\"\(base)/defer\" data-done=\"Deferred.\">Defer</button>\n"
    html += "<input type=\"text\" id=\"note-\(id)\" class=\"note\" placeholder=\"note (optional)\" aria-label=\"Note for \(id)\">\n"
    html += "</div>\n<details class=\"revise\"><summary>Accept as orally revised</summary>\n"
    html += "<textarea class=\"as-revised\" id=\"revised-\(id)\" aria-label=\"The clause as read out\">\(e(revisable))</textarea>\n"
    html += "<button type=\"button\" class=\"accept\" data-post=\"\(base)/accept\" data-field-as-revised=\"#revised-\(id)\" "
    html += "data-field-note=\"#note-\(id)\" data-done=\"Accepted as orally revised.\">Accept as revised</button>\n</details>\n"
    return html + "<p class=\"refusal\" role=\"alert\"></p>\n"
  }

  /// The secretariat: produce the next draft (and, through the console, everything the chair does).
  static func secretariat(_ snapshot: Snapshot, visitor: PageVisitor?) throws -> PageContent {
    guard let visitor, visitor.role == .secretariat else {
      return PageContent(title: "Next draft", body: PageLayout.needsRole("The next draft: sign in as the secretariat"))
    }
    let html = """
      <h1 class="page-title">Produce the next draft</h1>
      <div data-live="/fragments/drafts">
      \(try draftsLine(snapshot))</div>
      <div data-scope>
      <div class="room-form">
      <label for="next-date">Date of the new draft</label><input type="date" id="next-date">
      <p class="actions"><button type="button" class="primary" id="next-button" data-post="/api/next" data-field-date="#next-date" data-done="The next draft is produced.">Produce the next draft</button></p>
      </div>
      <p class="refusal" role="alert"></p>
      </div>
      <p>The chair's decisions are taken in the <a href="/chair">console</a>.</p>

      """
    return PageContent(title: "Next draft", body: html)
  }

  /// The current draft's title and what has been decided since it, for the secretariat's page.
  static func draftsLine(_ snapshot: Snapshot) throws -> String {
    let current = try snapshot.currentDraft()
    let decided = try snapshot.marshalledList(current, toleratingDamage: true) { [.accepted, .rejected].contains($0) }
    let accepted = decided.filter { $0.state.status == .accepted }.count
    var html =
      "<p class=\"current-draft\">The current draft: <a href=\"/draft\">\(e(HTMLDocument.pageTitle(current)))</a> (draft \(current.number)).</p>\n"
    html += "<p>Since it: \(accepted) accepted, \(decided.count - accepted) rejected.</p>\n"
    return html
  }
}
