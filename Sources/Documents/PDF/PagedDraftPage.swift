import AmendKit
import DraftText

/// The draft on numbered pages (`amend show --format pdf --line-numbers`): the HTML page Chromium prints,
/// laid out by amend (``PagedLayout``), not by the browser.
///
/// Each of amend's pages is one sheet of exactly ``PagedLayout/linesPerPage`` lines of fixed height, with a
/// page break after it; each printed line is one element that never wraps (`white-space: pre`), in a
/// fixed-pitch face at 10 pt, its number (1 at the top of every sheet) in a column before it. A sheet is
/// shorter than A4's text area, so Chromium never breaks a page of its own: page p line n of the PDF is
/// page p line n of the layout, the place every citation of a proposal names.
public enum PagedDraftPage {
  /// The standalone page of `version` laid out by `layout` (by default ``PagedLayout``'s measure).
  public static func page(_ version: DraftVersion, layout: PagedLayout? = nil, language: String = HTMLDocument.defaultLanguage) -> String {
    let layout = layout ?? PagedLayout(version.draft)
    var starts: [Int: String] = [:]
    for clause in version.draft.clauses where starts[clause.line] == nil { starts[clause.line] = clause.eId }
    var titleLines: Set<Int> = []
    if let block = version.draft.titleBlock {
      titleLines = Set([block.subjectLine, block.titleLine, block.dateLineNumber].compactMap { $0 })
    }
    let digits = String(layout.linesPerPage).count
    var body = ""
    for sheet in layout.pages {
      body += "<div class=\"sheet\">\n"
      for line in sheet {
        let anchor = line.columns.lowerBound == 0 ? starts[line.fileLine].map { " id=\"\(HTMLEscaping.escape($0))\"" } ?? "" : ""
        let kind = titleLines.contains(line.fileLine) ? "ln title" : "ln"
        let number = String(repeating: " ", count: max(0, digits - String(line.number).count)) + String(line.number)
        body += "<div class=\"\(kind)\"\(anchor)><span class=\"no\">\(number)</span>  \(HTMLEscaping.escape(line.text))</div>\n"
      }
      body += "</div>\n"
    }
    return """
      <!DOCTYPE html>
      <html lang="\(HTMLEscaping.escape(language))">
      <head>
      <meta charset="utf-8">
      <meta name="generator" content="amend">
      <title>\(HTMLEscaping.escape(HTMLDocument.pageTitle(version)))</title>
      <style>
      \(stylesheet(layout))</style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  /// The sheet is `linesPerPage` lines of 15 pt; A4 less the margins is 728 pt high and 473 pt wide, room
  /// for 48 such lines and for the number column and 70 characters of 6 pt.
  static func stylesheet(_ layout: PagedLayout) -> String {
    """
    @page { size: A4; margin: 20mm 20mm 20mm 22mm;
      @bottom-center { content: counter(page) " / " counter(pages); font-family: serif; font-size: 9pt; color: #444; } }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; padding: 0; color: #111; background: #fff;
      font-family: "Liberation Mono", "Courier New", "Cousine", "DejaVu Sans Mono", monospace; font-size: 10pt; }
    .sheet { height: \(layout.linesPerPage * 15)pt; overflow: hidden; break-after: page; break-inside: avoid; }
    .sheet:last-child { break-after: auto; }
    .ln { height: 15pt; line-height: 15pt; white-space: pre; overflow: visible; }
    .ln .no { color: #666; }
    .ln.title { font-weight: bold; }

    """
  }
}
