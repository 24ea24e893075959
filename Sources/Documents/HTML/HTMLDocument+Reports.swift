import AmendKit
import DraftText
import Foundation

extension HTMLDocument {
  // MARK: - Compilation

  /// The compilation: the draft with every pending proposal under its clause (id, sponsors and
  /// co-sponsors, tabling time, the redline in the delegation's colour, collisions, the statement), and
  /// the proposals whose clause is gone at the end.
  public static func compilationBody(
    _ version: DraftVersion, proposals: [MarshalledProposal], palette: inout HTMLPalette, lineNumbers: Bool = false
  ) -> String {
    let groups = CompilationGroups(proposals, foldingHeadingsIn: version.draft)
    let (byClause, orphans) = (groups.byClause, groups.gone)
    let count = proposals.count
    var intro = "<p class=\"compilation-count\">Compilation of proposals: \(count) pending on the \(Ordinal.words(version.number)) draft</p>\n"
    let conflicts = proposals.filter { $0.state.status == .conflict }.count
    if conflicts > 0 {
      intro += "<p class=\"warning\">\(conflicts) of them in conflict: decided both ways in merged histories, to be decided again</p>\n"
    }
    if !groups.throughout.isEmpty {
      intro += "<div class=\"throughout\">\n<h2>Throughout the text</h2>\n"
      for item in groups.throughout { intro += proposalEntry(item, palette: &palette) }
      intro += "</div>\n"
    }
    var colours = palette
    var body = draftBody(version, lineNumbers: lineNumbers) { clause in
      var bis = 0
      var html = ""
      for item in byClause[clause.key] ?? [] {
        if case .newClause(_, false) = item.operation { bis += 1 }
        html += proposalEntry(item, bisIndex: max(bis, 1), palette: &colours)
      }
      return html
    }
    palette = colours
    if let range = body.range(of: "</div><!-- title-block -->\n") { body.insert(contentsOf: intro, at: range.upperBound) }
    if !orphans.isEmpty {
      body += "<div class=\"orphans\">\n<h2>Proposals whose clause no longer exists</h2>\n"
      for item in orphans { body += proposalEntry(item, bisIndex: 1, palette: &palette) }
      body += "</div>\n"
    }
    return body
  }

  /// One proposal as the compilation lists it under its clause.
  public static func proposalEntry(_ item: MarshalledProposal, bisIndex: Int = 1, palette: inout HTMLPalette) -> String {
    let summary = ProposalSummary(item, bisIndex: bisIndex)
    let author = ChangeAuthor.proposal(item.record)
    let colour = palette.colourClass(of: author)
    let e: (String) -> String = { HTMLEscaping.escape($0) }
    var html = "<div class=\"proposal \(colour)\" id=\"proposal-\(e(item.id))\">\n"
    html += "<p class=\"head\">[\(e(summary.id))] \(e(summary.by))"
    if !summary.cosponsors.isEmpty { html += " (co-sponsors: \(e(summary.cosponsors.joined(separator: ", "))))" }
    html += ": \(e(summary.description))</p>\n"
    html += "<p class=\"meta\">Tabled <span class=\"time\">\(e(summary.tabled))</span>"
    html += " against the \(Ordinal.words(summary.tabledAgainst.draft)) draft, \(e(ClauseID(rawValue: summary.tabledAgainst.clause).display))"
    html += "; \(e(summary.status))</p>\n"
    if let places = item.placement.throughout {
      // A global amendment: each clause it changes, with its own redline.
      for place in places {
        let segments = AttributedRedline.through([(place.clause.text, place.proposedText, author)], from: place.clause.text)
        html += "<p class=\"redline\"><span class=\"name\">\(e(place.clause.id.display))</span> \(redline(segments, palette: &palette))</p>\n"
      }
    } else {
      html += "<p class=\"redline\"><span class=\"name\">\(e(summary.clauseName))</span> \(redline(proposalRedline(item), palette: &palette))</p>\n"
    }
    if !summary.collidesWith.isEmpty {
      html += "<p class=\"warning\">Collides with \(e(summary.collidesWith.joined(separator: ", "))): they change the same words</p>\n"
    }
    if let conflict = summary.conflictLine { html += "<p class=\"warning\">\(e(conflict))</p>\n" }
    if let reason = summary.needsRevision { html += "<p class=\"warning\">Needs revision: \(e(reason))</p>\n" }
    if !summary.rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      html += "<p class=\"statement\">\(HTMLEscaping.lines(summary.rationale.trimmingCharacters(in: .whitespacesAndNewlines)))</p>\n"
    }
    return html + "</div>\n"
  }

  /// What a proposal does to its clause: the clause as it stands with the proposed words in the
  /// delegation's colour (or, once applied, the text it was tabled against and the text it proposed);
  /// when the chair accepted it as orally revised, the chair's words in the chair's colour on top.
  public static func proposalRedline(_ item: MarshalledProposal) -> [RedlineSegment] {
    let record = item.record
    let author = ChangeAuthor.proposal(record)
    let applied = item.state.appliedIn != nil
    let base = applied ? record.textBefore : item.placement.clause?.text ?? record.textBefore
    let proposed = (applied ? record.textProposed : item.placement.proposedText ?? record.textProposed) ?? base
    let revision = item.asRevised.map { [(before: proposed, after: $0, author: Optional(revisingChair(item)))] } ?? []
    switch item.operation {
    case .deleteClause, .deleteArticle:
      return [RedlineSegment(base, .deleted, by: author)]
    case .newClause, .newClauseUnder, .newArticle:
      return AttributedRedline.through([("", proposed, author)] + revision, from: "")
    case .moveClause, .moveClauseBefore:
      return [RedlineSegment(base, .kept)]
    default:
      return AttributedRedline.through([(base, proposed, author)] + revision, from: base)
    }
  }

  private static func revisingChair(_ item: MarshalledProposal) -> ChangeAuthor {
    ChangeAuthor.chair(item.state.decision?.chair ?? "the chair", revising: item.record)
  }

  // MARK: - Proposal

  /// One proposal: what it does, who tabled it and when, its status and decision, the redline, the
  /// statement.
  public static func proposalBody(_ item: MarshalledProposal, palette: inout HTMLPalette) -> String {
    let summary = ProposalSummary(item)
    let e: (String) -> String = { HTMLEscaping.escape($0) }
    var html = "<h1 class=\"page-title\">Proposal \(e(summary.id)): \(e(summary.description))</h1>\n"
    html += "<dl class=\"facts\">\n"
    func fact(_ name: String, _ value: String) { html += "<dt>\(name)</dt><dd>\(value)</dd>\n" }
    fact("Clause", e(summary.clauseName))
    fact("Tabled against", "the \(Ordinal.words(summary.tabledAgainst.draft)) draft, \(e(ClauseID(rawValue: summary.tabledAgainst.clause).display))")
    fact("By", e(summary.by))
    if !summary.cosponsors.isEmpty { fact("Co-sponsors", e(summary.cosponsors.joined(separator: ", "))) }
    fact("Tabled", "<span class=\"time\">\(e(summary.tabled))</span>")
    fact("Status", e(summary.status))
    if let decision = summary.decision {
      var words = decision.words
      if let note = decision.note, !note.isEmpty { words += ": \(note)" }
      fact("Decision", e(words))
    }
    if let conflict = summary.conflictLine { fact("Conflict", e(conflict)) }
    if let applied = summary.appliedIn { fact("Applied in", "the \(Ordinal.words(applied)) draft") }
    if !summary.collidesWith.isEmpty { fact("Collides with", e(summary.collidesWith.joined(separator: ", "))) }
    if let reason = summary.needsRevision { fact("Needs revision", e(reason)) }
    let heading = item.state.appliedIn == nil ? "The clause as it would read" : "What it changed in the clause"
    html += "</dl>\n<h2>\(heading)</h2>\n"
    let text = redline(proposalRedline(item), palette: &palette)
    if let clause = item.placement.clause {
      html += self.clause(clause, textHTML: text)
    } else {
      html += "<p class=\"clause\"><span class=\"marker\">\(e(summary.clauseName))</span> \(text)</p>\n"
    }
    let statement = summary.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
    html += "<h2>Explanatory statement</h2>\n"
    html += statement.isEmpty ? "<p class=\"statement\">None given.</p>\n" : "<p class=\"statement\">\(HTMLEscaping.lines(statement))</p>\n"
    return html
  }
}
