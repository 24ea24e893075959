import AmendKit
import DraftText
import Foundation

/// Standalone HTML pages of the record's views — the draft, the compilation, a redline between drafts, a
/// proposal, a clause's history and blame — and the fragments they are built from, for a server that
/// embeds them in its own pages.
///
/// Every page is one file: the stylesheet inlined, no script, no external address. Each clause is an
/// element whose `id` is its Akoma Ntoso eId (`Clause.eId`), with its marker exactly as the draft prints
/// it; every insertion and deletion is an `<ins>`/`<del>` whose `title` names who made it, in that
/// author's colour, and the legend lists the colours. All text goes through ``HTMLEscaping``.
public enum HTMLDocument {
  /// The page's language when the record does not say: the drafts amend reads are English.
  public static let defaultLanguage = "en"

  /// A whole standalone page: doctype, `lang`, charset, title, the stylesheet, and `body` as given
  /// (already HTML).
  public static func page(title: String, body: String, language: String = defaultLanguage) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(HTMLEscaping.escape(language))">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="amend">
    <title>\(HTMLEscaping.escape(title))</title>
    <style>
    \(stylesheet)</style>
    </head>
    <body>
    \(body)</body>
    </html>

    """
  }

  /// The standalone page of `content`.
  public static func page(
    for content: DocumentContent, language: String = defaultLanguage, options: DocumentOptions = DocumentOptions()
  ) throws -> String {
    let numbered = options.lineNumbers
    var palette = HTMLPalette()
    let title: String
    var main: String
    switch content {
    case .draft(let version, _):
      title = pageTitle(version)
      main = draftBody(version, lineNumbers: numbered)
    case .compilation(let version, let proposals, _):
      title = "Compilation of proposals: \(pageTitle(version))"
      main = compilationBody(version, proposals: proposals, palette: &palette, lineNumbers: numbered)
      if numbered { main = citingPages(main, proposals: proposals, layout: PagedLayout(version.draft)) }
    case .comparison(let comparison, let snapshot):
      title = "From the \(Ordinal.words(comparison.from)) draft to the \(Ordinal.words(comparison.to)) draft"
      main = try comparisonBody(comparison, in: snapshot, palette: &palette)
    case .proposal(let item, _):
      title = "Proposal \(item.id): \(ProposalSummary(item).description)"
      main = proposalBody(item, palette: &palette)
    case .history(let history, _):
      title = "\(history.name) of the \(Ordinal.words(history.draft)) draft: its history"
      main = historyBody(history, palette: &palette)
    case .blame(let blame, let snapshot):
      title = "\(blame.name) of the \(Ordinal.words(blame.draft)) draft: who wrote it"
      let eId = (try? snapshot.draft(number: blame.draft))?.draft.clause(ClauseID(rawValue: blame.clause))?.eId
      main = blameBody(blame, eId: eId, palette: &palette)
    }
    let legendHTML = palette.authors.isEmpty ? "" : legend(palette)
    return page(title: title, body: legendHTML.isEmpty ? main : insertLegend(legendHTML, into: main), language: language)
  }

  /// The page's bytes, UTF-8.
  static func render(_ content: DocumentContent, options: DocumentOptions) throws -> [UInt8] {
    Array(try page(for: content, options: options).utf8)
  }

  /// The legend goes after the page's heading (the title block or the first `<h1>`), before the text.
  private static func insertLegend(_ legend: String, into body: String) -> String {
    for end in ["</div><!-- title-block -->\n", "</h1>\n"] {
      if let range = body.range(of: end) { return String(body[..<range.upperBound]) + legend + String(body[range.upperBound...]) }
    }
    return legend + body
  }

  /// "Migration — Eighth draft of conclusions and recommendations", or "Draft 8" without a title block.
  public static func pageTitle(_ version: DraftVersion) -> String {
    guard let block = version.draft.titleBlock else { return "Draft \(version.number)" }
    return [block.subject, block.title].compactMap { $0 }.joined(separator: " — ")
  }

  // MARK: - Fragments

  /// The legend: each author of the page's changes with its colour.
  public static func legend(_ palette: HTMLPalette) -> String {
    var palette = palette
    var html = "<div class=\"legend\">\n<h2>Changes by</h2>\n<ul>\n"
    for author in palette.authors {
      let colour = palette.colourClass(of: author)
      html += "<li class=\"\(colour)\" title=\"\(HTMLEscaping.escape(author.detail))\"><span class=\"swatch\"></span>"
      html += "<span class=\"legend-name\">\(HTMLEscaping.escape(author.name))</span></li>\n"
    }
    return html + "</ul>\n</div><!-- legend -->\n"
  }

  /// A redline's runs as HTML: kept words as text, each insertion an `<ins>` and each deletion a `<del>`
  /// in its author's colour with the author in its `title`. White space around a change stays outside it.
  public static func redline(_ segments: [RedlineSegment], palette: inout HTMLPalette) -> String {
    var html = ""
    var previous: RedlineSegment.Mark = .kept
    var previousText = ""
    for segment in segments {
      let trimmed = segment.text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard segment.mark != .kept, !trimmed.isEmpty else {
        html += HTMLEscaping.lines(segment.text)
        previous = .kept
        previousText = segment.text
        continue
      }
      let leading = segment.text.prefix { $0.isWhitespace }
      let trailing = String(segment.text.reversed().prefix { $0.isWhitespace }.reversed())
      // "labor" struck then "labour" inserted read as two words, as the text redline prints them.
      if segment.mark == .inserted, previous == .deleted, leading.isEmpty, !(previousText.last?.isWhitespace ?? true) { html += " " }
      let tag = segment.mark == .inserted ? "ins" : "del"
      var attributes = ""
      if let author = segment.author {
        attributes = " class=\"\(palette.colourClass(of: author))\" title=\"\(HTMLEscaping.escape(author.detail))\""
      }
      html += HTMLEscaping.lines(leading) + "<\(tag)\(attributes)>\(HTMLEscaping.lines(trimmed))</\(tag)>" + HTMLEscaping.lines(trailing)
      previous = segment.mark
      previousText = segment.text
    }
    return html
  }

  /// The title block: subject, title and date line, as the draft writes them.
  public static func titleBlock(_ version: DraftVersion) -> String {
    guard let block = version.draft.titleBlock else {
      return "<div class=\"title-block\">\n<h1>Draft \(version.number)</h1>\n</div><!-- title-block -->\n"
    }
    var html = "<div class=\"title-block\">\n"
    if let subject = block.subject { html += "<p class=\"subject\">\(HTMLEscaping.escape(subject))</p>\n" }
    html += "<h1>\(HTMLEscaping.escape(block.title))</h1>\n"
    if let date = block.dateLine { html += "<p class=\"date\">\(HTMLEscaping.escape(date))</p>\n" }
    return html + "</div><!-- title-block -->\n"
  }

  /// One clause: a paragraph whose `id` is `id` (the clause's eId unless given), its marker as printed and
  /// its text (or `textHTML` in its place, a redline for instance).
  public static func clause(
    _ clause: Clause, textHTML: String? = nil, id: String? = nil, extraClass: String? = nil, line: Int? = nil
  ) -> String {
    let marker = clause.marker.trimmingCharacters(in: .whitespaces)
    let classes = ["clause", clause.kind.rawValue, "level-\(level(of: clause.kind))"] + (extraClass.map { [$0] } ?? [])
    let number = line.map { " data-line=\"\($0)\"" } ?? ""
    var html = "<p class=\"\(classes.joined(separator: " "))\" id=\"\(HTMLEscaping.escape(id ?? clause.eId))\"\(number)>"
    if !marker.isEmpty { html += "<span class=\"marker\">\(HTMLEscaping.escape(marker))</span> " }
    return html + (textHTML ?? HTMLEscaping.lines(clause.text)) + "</p>\n"
  }

  /// The list level a kind of clause is indented to: 0 preambular and article text, 1 paragraph, 2
  /// subparagraph, 3 item.
  public static func level(of kind: Clause.Kind) -> Int {
    switch kind {
    case .preambular, .articleText, .option, .title, .unnumbered: 0
    case .paragraph: 1
    case .subparagraph: 2
    case .item: 3
    }
  }

  /// The draft as it reads: the title block, then every line in order, each clause a paragraph anchored by
  /// its eId and the other lines ("The General Assembly,", article headings) as they are written.
  /// `after` adds HTML under a clause (the compilation's proposals).
  /// With `lineNumbers`, each line carries the draft's own line number (`data-line`), shown in the margin.
  public static func draftBody(_ version: DraftVersion, lineNumbers: Bool = false, after: (Clause) -> String = { _ in "" }) -> String {
    var html = titleBlock(version) + "<div class=\"draft\(lineNumbers ? " numbered" : "")\">\n"
    let lines = version.draft.render().replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    var starts: [Int: Clause] = [:]
    for clause in version.draft.clauses { starts[clause.line] = clause }
    var skip: Set<Int> = []
    if let block = version.draft.titleBlock {
      skip = Set([block.subjectLine, block.titleLine, block.dateLineNumber].compactMap { $0 })
    }
    var number = 1
    while number <= lines.count {
      if let clause = starts[number] {
        html += self.clause(clause, line: lineNumbers ? number : nil) + after(clause)
        number += 1 + clause.text.filter { $0 == "\n" || $0 == "\r\n" }.count
        continue
      }
      let line = lines[number - 1].trimmingCharacters(in: .whitespaces)
      if !skip.contains(number), !line.isEmpty {
        let numbered = lineNumbers ? " data-line=\"\(number)\"" : ""
        html += "<p class=\"line\"\(numbered)>\(HTMLEscaping.escape(line))</p>\n"
      }
      number += 1
    }
    return html + "</div><!-- draft -->\n"
  }
}
