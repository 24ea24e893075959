import AmendKit
import DraftText
import Foundation

extension HTMLDocument {
  // MARK: - Redline between drafts

  /// The later draft in full with the redline from the earlier one: the title block's changes by the
  /// secretariat, each changed clause with its words attributed to the change that made them (the
  /// delegation whose proposal was applied, the chair for words read out in an oral revision, the
  /// secretariat for renumbering), deleted clauses struck where they stood, and under each changed
  /// clause what happened to it.
  public static func comparisonBody(_ comparison: DraftComparison, in snapshot: Snapshot, palette: inout HTMLPalette) throws -> String {
    let earlier = try snapshot.draft(number: comparison.from)
    let later = try snapshot.draft(number: comparison.to)
    let e: (String) -> String = { HTMLEscaping.escape($0) }
    var html = titleBlockRedline(from: earlier, to: later, palette: &palette)
    let count = comparison.entries.count
    html += "<p class=\"comparison-count\">From the \(Ordinal.words(comparison.from)) draft to the \(Ordinal.words(comparison.to)) draft: "
    html += "\(count == 0 ? "no" : String(count)) clause\(count == 1 ? "" : "s") changed</p>\n"
    for note in comparison.notes { html += "<p class=\"warning\">\(e(note))</p>\n" }

    let layout = ComparisonLayout(comparison, earlier: earlier, later: later)
    let byLater = layout.byLater
    var deletedBefore: [String: [DraftComparison.Entry]] = [:]
    var deletedAtEnd: [DraftComparison.Entry] = []
    for (entry, before) in layout.gone {
      if let before { deletedBefore[before, default: []].append(entry) } else { deletedAtEnd.append(entry) }
    }

    html += "<div class=\"draft comparison\">\n"
    let earlierClauses = Dictionary(earlier.draft.clauses.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    func deleted(_ entry: DraftComparison.Entry) {
      guard let from = entry.from, let old = earlierClauses[from] else { return }
      let moved = entry.kind == .moved
      let kind: ClauseChange.Kind = moved ? .moved : .deleted
      let author = entry.changes.last { $0.kind == kind }.flatMap { ChangeAuthor($0.source) }
      let segments = [RedlineSegment(entry.textBefore ?? "", .deleted, by: author)]
      let marker = old.marker.trimmingCharacters(in: .whitespaces)
      let markerHTML = marker.isEmpty ? nil : redline([RedlineSegment(marker, .deleted, by: author)], palette: &palette)
      let prefix = moved ? "moved-from" : "deleted"
      html += "<div class=\"change \(prefix)-clause level-\(level(of: old.kind))\">\n"
      html += clause(old, textHTML: redline(segments, palette: &palette), id: "\(prefix)-\(old.eId)", extraClass: prefix, marker: markerHTML)
      html +=
        moved
        ? "<ul class=\"meta\"><li>moved to \(HTMLEscaping.escape(entry.to.map { ClauseID(rawValue: $0).display } ?? entry.name))</li></ul>\n"
        : changeList(entry.changes)
      html += "</div>\n"
    }
    for current in later.draft.clauses {
      for entry in deletedBefore[current.id.rawValue] ?? [] { deleted(entry) }
      guard let entry = byLater[current.id.rawValue] else {
        html += clause(current)
        continue
      }
      var segments = AttributedRedline.through(steps(entry.changes), from: entry.textBefore ?? "")
      if entry.textBefore == nil {
        segments = introduced(entry.changes, text: entry.textAfter ?? "")
      } else if entry.kind == .moved {
        // Moved and not amended: the clause is the mover's insertion at its new place.
        let author = entry.changes.last { $0.kind == .moved }.flatMap { ChangeAuthor($0.source) }
        segments = [RedlineSegment(entry.textAfter ?? "", .inserted, by: author)]
      }
      let text = redline(segments, palette: &palette)
      html += "<div class=\"change \(entry.kind.rawValue) level-\(level(of: current.kind))\">\n"
      html += clause(current, textHTML: text, marker: markerRedline(entry, current: current, earlier: earlierClauses, palette: &palette))
      html += changeList(entry.changes)
      html += "</div>\n"
    }
    for entry in deletedAtEnd { deleted(entry) }
    return html + "</div><!-- draft -->\n"
  }

  /// The subject, title and date line of the later draft, with the words the secretariat changed.
  static func titleBlockRedline(from earlier: DraftVersion, to later: DraftVersion, palette: inout HTMLPalette) -> String {
    guard let new = later.draft.titleBlock else { return titleBlock(later) }
    let old = earlier.draft.titleBlock
    let author = ChangeAuthor.secretariat("the secretariat, \(Ordinal.words(later.number)) draft (title block)")
    func line(_ before: String?, _ after: String?) -> String {
      redline(AttributedRedline.between(before ?? "", after ?? "", by: author), palette: &palette)
    }
    var html = "<div class=\"title-block\">\n"
    if new.subject != nil || old?.subject != nil { html += "<p class=\"subject\">\(line(old?.subject, new.subject))</p>\n" }
    html += "<h1>\(line(old?.title, new.title))</h1>\n"
    if new.dateLine != nil || old?.dateLine != nil { html += "<p class=\"date\">\(line(old?.dateLine, new.dateLine))</p>\n" }
    return html + "</div><!-- title-block -->\n"
  }

  /// The chain of changes made to a clause, as steps of a redline.
  static func steps(_ changes: [ClauseChange]) -> [(before: String, after: String, author: ChangeAuthor?)] {
    changes.compactMap { change in
      guard let before = change.textBefore, let after = change.textAfter, before != after else { return nil }
      return (before, after, ChangeAuthor(change.source))
    }
  }

  /// A new clause: its whole text inserted by whoever introduced it, and words changed after it came in
  /// (an oral revision) by whoever changed them.
  static func introduced(_ changes: [ClauseChange], text: String) -> [RedlineSegment] {
    let first = changes.firstIndex { $0.kind == .introduced }
    let author = (first.map { changes[$0] } ?? changes.first).flatMap { ChangeAuthor($0.source) }
    guard let first, let start = changes[first].textAfter else { return [RedlineSegment(text, .inserted, by: author)] }
    var segments = AttributedRedline.through(steps(Array(changes[(first + 1)...])), from: start)
    for index in segments.indices where segments[index].mark == .kept {
      segments[index].mark = .inserted
      segments[index].author = author
    }
    return segments
  }

  /// A renumbered or restyled clause's marker: the old one struck and the new one inserted by the
  /// secretariat, which numbers the list as amended; nil when the marker is the same.
  private static func markerRedline(
    _ entry: DraftComparison.Entry, current: Clause, earlier: [String: Clause], palette: inout HTMLPalette
  ) -> String? {
    let newMarker = current.marker.trimmingCharacters(in: .whitespaces)
    guard let from = entry.from, let old = earlier[from] else {
      let author = entry.changes.first.flatMap { ChangeAuthor($0.source) }
      return newMarker.isEmpty ? nil : redline([RedlineSegment(newMarker, .inserted, by: author)], palette: &palette)
    }
    let oldMarker = old.marker.trimmingCharacters(in: .whitespaces)
    guard oldMarker != newMarker else { return nil }
    // Numbers follow from the list as amended: the secretariat renumbers, whichever change moved the clauses.
    let cause = entry.changes.last { $0.clauseBefore != $0.clauseAfter || $0.kind == .renumbered || $0.kind == .restyled }
    let author = ChangeAuthor.secretariat(
      "the secretariat, renumbering" + (cause.map { " (after \($0.source.attribution))" } ?? ""))
    return redline([RedlineSegment(oldMarker, .deleted, by: author), RedlineSegment(newMarker, .inserted, by: author)], palette: &palette)
  }

  /// What happened to a clause, each change on a line with who made it.
  public static func changeList(_ changes: [ClauseChange]) -> String {
    guard !changes.isEmpty else { return "" }
    var html = "<ul class=\"meta\">\n"
    for change in changes {
      html += "<li>\(change.describedLines.map { HTMLEscaping.escape($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: "<br>"))</li>\n"
    }
    return html + "</ul>\n"
  }

  /// A clause with its marker given as HTML (a redlined marker), or as printed when nil.
  static func clause(_ clause: Clause, textHTML: String, id: String? = nil, extraClass: String? = nil, marker: String?) -> String {
    guard let marker else { return self.clause(clause, textHTML: textHTML, id: id, extraClass: extraClass) }
    let classes = ["clause", clause.kind.rawValue, "level-\(level(of: clause.kind))"] + (extraClass.map { [$0] } ?? [])
    return
      "<p class=\"\(classes.joined(separator: " "))\" id=\"\(HTMLEscaping.escape(id ?? clause.eId))\"><span class=\"marker\">\(marker)</span> \(textHTML)</p>\n"
  }

  // MARK: - History and blame

  /// Every version of a clause, draft by draft: its text with the words each draft changed attributed,
  /// and what happened to it. The last version's paragraph carries the clause's eId.
  public static func historyBody(_ history: ClauseHistory, palette: inout HTMLPalette) -> String {
    let e: (String) -> String = { HTMLEscaping.escape($0) }
    let count = history.versions.count
    var html =
      "<h1 class=\"page-title\">\(e(history.name)) of the \(Ordinal.words(history.draft)) draft: \(count) draft\(count == 1 ? "" : "s")</h1>\n"
    for note in history.notes { html += "<p class=\"warning\">\(e(note))</p>\n" }
    var previous: String?
    for (position, version) in history.versions.enumerated() {
      let last = position == history.versions.count - 1
      html += "<div class=\"version\" id=\"draft-\(version.draft)\">\n"
      html +=
        "<h2>\(e(Ordinal.words(version.draft).prefix(1).uppercased() + Ordinal.words(version.draft).dropFirst())) draft: \(e(version.name ?? "deleted"))</h2>\n"
      let anchor = last ? version.eId : version.eId.map { "draft-\(version.draft)-\($0)" }
      let idAttribute = anchor.map { " id=\"\(e($0))\"" } ?? ""
      let start = version.changes.first?.textBefore ?? previous
      let segments: [RedlineSegment]
      if version.changes.contains(where: { $0.kind == .received }) {
        segments = [RedlineSegment(version.text ?? "", .kept)]
      } else if start == nil || version.changes.contains(where: { $0.kind == .introduced }) {
        segments = introduced(version.changes, text: version.text ?? "")
      } else if version.text == nil {
        let author = version.changes.last { $0.kind == .deleted }.flatMap { ChangeAuthor($0.source) }
        segments = [RedlineSegment(start ?? "", .deleted, by: author)]
      } else {
        segments = AttributedRedline.through(steps(version.changes), from: start ?? "")
      }
      html += "<p class=\"clause history-text\"\(idAttribute)>\(redline(segments, palette: &palette))</p>\n"
      if version.changes.isEmpty { html += "<ul class=\"meta\"><li>unchanged</li></ul>\n" }
      html += changeList(version.changes)
      html += "</div>\n"
      previous = version.text ?? previous
    }
    return html
  }

  /// A clause's words, each run in the colour of who put it there with the attribution in its `title`,
  /// then the lines of the draft file and the commit git blame gives each.
  public static func blameBody(_ blame: ClauseBlame, eId: String?, palette: inout HTMLPalette) -> String {
    let e: (String) -> String = { HTMLEscaping.escape($0) }
    var html = "<h1 class=\"page-title\">\(e(blame.name)) of the \(Ordinal.words(blame.draft)) draft</h1>\n"
    for note in blame.notes { html += "<p class=\"warning\">\(e(note))</p>\n" }
    let idAttribute = eId.map { " id=\"\(e($0))\"" } ?? ""
    html += "<p class=\"clause blame\"\(idAttribute)><span class=\"marker\">\(e(blame.marker.trimmingCharacters(in: .whitespaces)))</span> "
    for span in blame.spans {
      if let author = ChangeAuthor(span.source) {
        html +=
          "<span class=\"span-by \(palette.colourClass(of: author))\" title=\"\(e(span.source.attribution))\">\(HTMLEscaping.lines(span.text))</span>"
      } else {
        html += "<span class=\"span-received\" title=\"\(e(span.source.attribution))\">\(HTMLEscaping.lines(span.text))</span>"
      }
    }
    html += "</p>\n<h2>Who wrote each run of words</h2>\n<ul class=\"meta\">\n"
    for span in blame.spans {
      html += "<li>“\(e(span.text))” — \(e(span.source.attribution))</li>\n"
    }
    html += "</ul>\n<h2>Lines of <code>\(e(blame.path))</code></h2>\n<ul class=\"blame-lines\">\n"
    for line in blame.lines {
      html +=
        "<li>Line \(line.line) last written by commit <code>\(e(String(line.source.commit.prefix(7))))</code> (\(e(line.source.who))), as git blame reports.</li>\n"
    }
    return html + "</ul>\n"
  }
}
