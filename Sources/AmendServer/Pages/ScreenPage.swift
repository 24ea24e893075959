import AmendKit
import Documents
import DraftText
import Foundation

/// `/screen`: what the room watches. The clause under discussion — the clause of the chair's current
/// item, the first proposal on the marshalled list — in large type with its number, each pending
/// proposal on it as a redline in its delegation's colour with the delegation named, and the decision
/// the chair last announced. The page's script re-fetches the fragment on every event, so it changes
/// within a second of a tabling, a decision or a commit made by the CLI, without reloading.
enum ScreenPage {
  static func e(_ text: some StringProtocol) -> String { HTMLEscaping.escape(text) }

  static func page(_ snapshot: Snapshot) throws -> PageContent {
    PageContent(title: "Screen", body: "<div class=\"screen-live\" data-live=\"/fragments/screen\">\n\(try fragment(snapshot))</div>\n")
  }

  static func fragment(_ snapshot: Snapshot) throws -> String {
    let current = try snapshot.currentDraft()
    let ledger = try snapshot.ledger.get()
    let agenda = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
    var palette = HTMLPalette()
    var html = "<header class=\"screen-head\"><span class=\"screen-session\">\(e(ReadingPages.sessionLine(snapshot)))</span>"
    html += "<span class=\"screen-draft\">\(e(HTMLDocument.pageTitle(current)))</span></header>\n"

    if let first = agenda.first {
      let key = first.placement.clause?.key
      let items = agenda.filter { key != nil && $0.placement.clause?.key == key }.nilIfEmpty ?? [first]
      html += "<section class=\"screen-now\" id=\"screen-now\">\n"
      if let clause = first.placement.clause {
        html += "<p class=\"clause-number\" id=\"screen-clause\" data-clause=\"\(e(clause.id.rawValue))\">\(e(clause.id.display))</p>\n"
        html += "<p class=\"clause-text\">\(HTMLEscaping.lines(clause.text))</p>\n"
      } else {
        html += "<p class=\"clause-number\" id=\"screen-clause\">\(e(first.placement.clauseName(first.record)))</p>\n"
      }
      html += "<ol class=\"screen-proposals\">\n"
      var bis = 0
      for item in items {
        if case .newClause(_, false) = item.operation { bis += 1 }
        let summary = ProposalSummary(item, bisIndex: max(bis, 1))
        let colour = palette.colourClass(of: ChangeAuthor.proposal(item.record))
        html += "<li class=\"\(colour)\" id=\"screen-\(e(item.id))\"><span class=\"by\">\(e(summary.sponsors))</span> "
        html += "<span class=\"pid\">\(e(item.id))</span>"
        if item.state.status != .pending { html += " <span class=\"status\">(\(e(summary.status)))</span>" }
        html += "<br><span class=\"words\"><span class=\"name\">\(e(summary.clauseName))</span> "
        html += "\(HTMLDocument.redline(HTMLDocument.proposalRedline(item), palette: &palette))</span>"
        if !item.collidesWith.isEmpty { html += "<br><span class=\"collision\">collides with \(e(item.collidesWith.joined(separator: ", ")))</span>" }
        html += "</li>\n"
      }
      html += "</ol>\n</section>\n"
    } else {
      html += "<p class=\"screen-quiet\" id=\"screen-now\">No proposal is waiting for a decision.</p>\n"
    }

    if let decision = ledger.sessions.last(where: { !$0.decisions.isEmpty })?.decisions.last, let id = decision.proposal,
      let item = try? snapshot.proposal(ProposalID(id), in: current)
    {
      let summary = ProposalSummary(item)
      let verdict = verdictWords(decision.kind, asRevised: decision.asRevised != nil)
      html += "<section class=\"screen-decided\" id=\"screen-decided\" data-proposal=\"\(e(id))\">\n"
      html += "<p><span class=\"verdict \(e(decision.kind.rawValue))\">\(e(verdict))</span>: "
      html += "\(e(summary.sponsors)), \(e(summary.clauseName)) <span class=\"pid\">\(e(id))</span></p>\n"
      html += "<p class=\"words\">\(HTMLDocument.redline(HTMLDocument.proposalRedline(item), palette: &palette))</p>\n</section>\n"
    }
    return html
  }

  static func verdictWords(_ kind: EventRecord.Kind, asRevised: Bool) -> String {
    switch kind {
    case .accepted: asRevised ? "Accepted as orally revised" : "Accepted"
    case .rejected: "Rejected"
    case .deferred: "Deferred"
    case .reopened: "Reopened"
    case .reconsidered: "Reconsidered"
    default: kind.rawValue
    }
  }
}

extension Array {
  fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
