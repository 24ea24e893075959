import AmendKit
import DraftText
import Foundation

/// The draft on numbered pages in Word (`amend show --format docx --line-numbers`): amend's own pages
/// (``PagedLayout``), not Word's, so that Word's line numbering (w:lnNumType, restarting on each page)
/// counts the lines every citation of a proposal names.
///
/// Each printed line is one paragraph of the `NumberedLine` style: Courier New (LibreOffice shows the
/// metric-compatible Liberation Mono) at 10 pt, exactly 15 pt high, no space around it, so 45 lines (675 pt)
/// fit the 700 pt between A4's margins and 70 characters (420 pt) its 453 pt width: Word never breaks a
/// line or a page of its own. The first line of each page after the first is `NumberedLineTop`, which
/// starts a new page.
enum WordPagedDraft {
  static let lineStyle = "NumberedLine"
  static let pageStyle = "NumberedLineTop"

  static func body(_ version: DraftVersion, layout: PagedLayout? = nil) -> WordBody {
    let layout = layout ?? PagedLayout(version.draft)
    var body = WordBody(title: WordDraft.title(of: version.draft, number: version.number))
    for line in layout.lines {
      let style = line.number == 1 && line.page > 1 ? pageStyle : lineStyle
      body.paragraphs.append(WordParagraph(style: style, line.text.isEmpty ? [] : [.text(line.text, nil)]))
    }
    return body
  }

  /// Whether `body` is laid out on amend's pages (and so needs the two styles).
  static func uses(_ body: WordBody) -> Bool { body.paragraphs.contains { $0.style == lineStyle } }

  /// `styles` (word/styles.xml) with the two styles of numbered lines added.
  static func adding(to styles: String) -> String {
    let face = "Courier New"
    let fonts = WordXML.element("w:rFonts", [("w:ascii", face), ("w:hAnsi", face), ("w:cs", face), ("w:eastAsia", face)])
    let line = WordStyles.paragraph(
      lineStyle, name: "Numbered line",
      properties: WordXML.element("w:spacing", [("w:before", "0"), ("w:after", "0"), ("w:line", "300"), ("w:lineRule", "exact")])
        + WordXML.element("w:ind", [("w:left", "0"), ("w:firstLine", "0")]) + WordStyles.left,
      run: fonts + WordStyles.size(20))
    let top = WordStyles.paragraph(pageStyle, name: "Numbered line, new page", basedOn: lineStyle, properties: WordXML.element("w:pageBreakBefore"))
    guard let end = styles.range(of: "</w:styles>", options: .backwards) else { return styles }
    return styles.replacingCharacters(in: end, with: line + top + "</w:styles>")
  }
}
