import AmendKit
import Documents
import DraftText
import Foundation

/// A page's title and the HTML of its `<main>`.
struct PageContent {
  var title: String
  var body: String
}

/// The pages anyone with the address may read, from AmendKit's values through Documents' public HTML
/// fragments: the same clause anchors (AKN eIds), redlines and colours as the documents amend writes.
enum ReadingPages {
  static func e(_ text: some StringProtocol) -> String { HTMLEscaping.escape(text) }

  /// The current draft (or draft `number`), each clause anchored by its eId with links to its history
  /// and blame.
  static func draft(_ snapshot: Snapshot, number: Int? = nil) throws -> PageContent {
    let version = try number.map { try snapshot.draft(number: $0) } ?? snapshot.currentDraft()
    let current = try snapshot.currentDraft()
    let body = HTMLDocument.draftBody(version) { clause in
      let id = e(clause.id.rawValue)
      var links = "<p class=\"clause-links\"><a href=\"/clauses/\(id)/history?draft=\(version.number)\">history</a>"
      links += "<a href=\"/clauses/\(id)/blame?draft=\(version.number)\">who wrote it</a>"
      if version.number == current.number { links += "<a href=\"/table?clause=\(id)\">table an amendment</a>" }
      return links + "</p>\n"
    }
    return PageContent(title: HTMLDocument.pageTitle(version), body: body)
  }

  /// Every numbered draft, with links to each and to the redline from the one before.
  static func drafts(_ snapshot: Snapshot) throws -> PageContent {
    let files = try snapshot.draftFiles.get()
    var html = "<h1 class=\"page-title\">Drafts</h1>\n<ul class=\"drafts\">\n"
    var previous: Int?
    for file in files {
      let title = (try? snapshot.draft(number: file.number)).map(HTMLDocument.pageTitle) ?? "Draft \(file.number)"
      html += "<li><a href=\"/drafts/\(file.number)\">\(e(title))</a>"
      if let previous { html += " — <a href=\"/diff/\(previous)/\(file.number)\">redline from the \(Ordinal.words(previous)) draft</a>" }
      html += "</li>\n"
      previous = file.number
    }
    return PageContent(title: "Drafts", body: html + "</ul>\n")
  }

  /// The compilation: the draft with every pending proposal under its clause, with the legend.
  static func compilation(_ snapshot: Snapshot) throws -> PageContent {
    let current = try snapshot.currentDraft()
    let pending = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
    var palette = HTMLPalette()
    let body = HTMLDocument.compilationBody(current, proposals: pending, palette: &palette)
    return PageContent(title: "Compilation of proposals: \(HTMLDocument.pageTitle(current))", body: withLegend(body, palette))
  }

  /// The legend after the page's heading, as Documents places it.
  static func withLegend(_ body: String, _ palette: HTMLPalette) -> String {
    guard !palette.authors.isEmpty else { return body }
    let legend = HTMLDocument.legend(palette)
    for end in ["</div><!-- title-block -->\n", "</h1>\n"] {
      if let range = body.range(of: end) { return String(body[..<range.upperBound]) + legend + String(body[range.upperBound...]) }
    }
    return legend + body
  }

  /// The session line: "Session Second reading (2010-10-13), chair Ambassador Ndiaye", or no session open.
  static func sessionLine(_ snapshot: Snapshot) -> String {
    guard let session = (try? snapshot.ledger.get())?.openSession else { return "No session open" }
    return "Session \(session.name) (\(session.date)), chair \(session.chair)"
  }

  /// The marshalled list as `amend agenda` gives it: clause by clause in the chair's order, collisions
  /// flagged. `decide` adds the chair's buttons under each proposal.
  static func agendaList(_ snapshot: Snapshot, decide: ((MarshalledProposal) -> String)? = nil) throws -> String {
    let current = try snapshot.currentDraft()
    let undecided = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
    var palette = HTMLPalette()
    var html = "<p class=\"session-line\">\(e(sessionLine(snapshot))): \(undecided.count) to decide</p>\n"
    var lastClause: String?
    var bis = 0
    for item in undecided {
      let key = item.placement.clause?.id.rawValue ?? item.record.clause
      if key != lastClause {
        if lastClause != nil { html += "</section>\n" }
        bis = 0
        html += "<section class=\"agenda-clause\">\n"
        if let clause = item.placement.clause {
          html += HTMLDocument.clause(clause)
        } else {
          html += "<h2>\(e(item.placement.clauseName(item.record)))</h2>\n"
        }
        lastClause = key
      }
      if case .newClause(_, false) = item.operation { bis += 1 }
      html += "<div class=\"item\" data-scope id=\"item-\(e(item.id))\">\n"
      html += HTMLDocument.proposalEntry(item, bisIndex: max(bis, 1), palette: &palette)
      if !item.collidesWith.isEmpty {
        html += "<p class=\"collision\">collides with \(e(item.collidesWith.joined(separator: ", ")))</p>\n"
      }
      if let decide { html += decide(item) }
      html += "</div>\n"
    }
    if lastClause != nil { html += "</section>\n" }
    if undecided.isEmpty { html += "<p>Nothing is waiting for a decision.</p>\n" }
    return withLegend(html, palette)
  }

  static func agenda(_ snapshot: Snapshot) throws -> PageContent {
    let body: String =
      "<h1 class=\"page-title\">Agenda: the marshalled list</h1>\n<div data-live=\"/fragments/agenda\">\n"
      + (try agendaList(snapshot)) + "</div>\n"
    return PageContent(title: "Agenda", body: body)
  }

  /// One proposal: what it does, its status and decision, the redline, the statement; its delegation
  /// may withdraw it while it is pending.
  static func proposal(_ snapshot: Snapshot, id: String, visitor: PageVisitor?) throws -> PageContent {
    let item = try snapshot.proposal(ProposalID(id), in: try snapshot.currentDraft())
    var palette = HTMLPalette()
    var body = withLegend(HTMLDocument.proposalBody(item, palette: &palette), palette)
    if let visitor, visitor.role == .delegation, visitor.name == item.record.delegation, item.state.status == .pending {
      body += withdrawButton(item)
    }
    return PageContent(title: "Proposal \(item.id)", body: body)
  }

  static func withdrawButton(_ item: MarshalledProposal) -> String {
    "<div class=\"withdraw\" data-scope><button type=\"button\" data-post=\"/api/proposals/\(e(item.id))/withdraw\" "
      + "data-done=\"Withdrawn.\">Withdraw \(e(item.id))</button> <span class=\"refusal\" role=\"alert\"></span></div>\n"
  }

  static func history(_ snapshot: Snapshot, clause: String, draft: Int?) throws -> PageContent {
    let history = try snapshot.clauseHistory(clause, draft: draft)
    var palette = HTMLPalette()
    let body = withLegend(HTMLDocument.historyBody(history, palette: &palette), palette)
    return PageContent(title: "\(history.name): its history", body: body)
  }

  static func blame(_ snapshot: Snapshot, clause: String, draft: Int?) throws -> PageContent {
    let blame = try snapshot.clauseBlame(clause, draft: draft)
    let eId = (try? snapshot.draft(number: blame.draft))?.draft.clause(ClauseID(rawValue: blame.clause))?.eId
    var palette = HTMLPalette()
    let body = withLegend(HTMLDocument.blameBody(blame, eId: eId, palette: &palette), palette)
    return PageContent(title: "\(blame.name): who wrote it", body: body)
  }

  static func comparison(_ snapshot: Snapshot, from: Int?, to: Int?) throws -> PageContent {
    let comparison = try snapshot.comparison(from: from, to: to)
    var palette = HTMLPalette()
    let heading = "<h1 class=\"page-title\">From the \(Ordinal.words(comparison.from)) draft to the \(Ordinal.words(comparison.to)) draft</h1>\n"
    let body = try HTMLDocument.comparisonBody(comparison, in: snapshot, palette: &palette)
    let legend = palette.authors.isEmpty ? "" : HTMLDocument.legend(palette)
    return PageContent(title: "Redline: draft \(comparison.from) to draft \(comparison.to)", body: heading + legend + body)
  }

  /// The negotiation as events, newest first, as `amend log` lists them.
  static func log(_ snapshot: Snapshot) throws -> PageContent {
    let entries = try snapshot.log(limit: 500)
    var html = "<h1 class=\"page-title\">Log</h1>\n<div data-live=\"/fragments/log\">\n" + logTable(entries) + "</div>\n"
    if entries.count == 500 { html += "<p>The 500 newest events; <code>amend log</code> lists them all.</p>\n" }
    return PageContent(title: "Log", body: html)
  }

  static func logTable(_ entries: [LogEntry]) -> String {
    var html = "<table class=\"log\">\n<thead><tr><th>Commit</th><th>Time</th><th>Event</th><th>By</th><th>What</th></tr></thead>\n<tbody>\n"
    for entry in entries {
      let when = entry.time.prefix(16).replacingOccurrences(of: "T", with: " ")
      var what = e(entry.summary)
      if let id = entry.proposal { what = "<a href=\"/proposals/\(e(id))\">\(what)</a>" }
      html += "<tr><td><code>\(e(entry.commit.prefix(7)))</code></td><td>\(e(when))</td><td>\(e(entry.event))</td>"
      html += "<td>\(e(entry.author))</td><td>\(what)</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }
}
