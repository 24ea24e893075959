/// The house style (word/styles.xml): a serif face at 12 pt, justified clauses hanging by level, the
/// title block centred, comments and the footer smaller.
///
/// Clause styles by list level: `Clause0` (preambular paragraphs and article text: first line
/// indented), `Clause1` (numbered paragraphs), `Clause2` (subparagraphs), `Clause3` (items). A clause's
/// marker is typed, followed by a tab that reaches the hanging indent.
enum WordStyles {
  /// The serif face: Times New Roman, which LibreOffice shows as the metric-compatible Liberation Serif.
  static let face = "Times New Roman"
  /// Twentieths of a point between list levels (1.27 cm).
  static let step = 720

  /// The style of a clause at list level `level` (0…3).
  static func clause(level: Int) -> String { "Clause\(min(max(level, 0), 3))" }

  static var xml: String {
    let fonts = WordXML.element("w:rFonts", [("w:ascii", face), ("w:hAnsi", face), ("w:cs", face), ("w:eastAsia", face)])
    let defaults = WordXML.element(
      "w:docDefaults", [],
      WordXML.element(
        "w:rPrDefault", [],
        WordXML.element("w:rPr", [], fonts + WordXML.element("w:sz", [("w:val", "24")]) + WordXML.element("w:szCs", [("w:val", "24")])))
        + WordXML.element(
          "w:pPrDefault", [],
          WordXML.element("w:pPr", [], WordXML.element("w:spacing", [("w:after", "120"), ("w:line", "240"), ("w:lineRule", "auto")]))))
    var styles = [
      paragraph("Normal", name: "Normal", basedOn: nil, default: true, properties: justified),
      paragraph("Subject", name: "Draft subject", properties: centred, run: bold),
      paragraph("Title", name: "Title", properties: centred, run: bold + size(28)),
      paragraph(
        "DateLine", name: "Date line", properties: spacing(after: 360) + WordXML.element("w:jc", [("w:val", "center")]), run: italic),
      paragraph("Note", name: "Note", properties: spacing(after: 240) + left, run: italic),
      paragraph("Heading", name: "Heading", properties: WordXML.element("w:keepNext") + spacing(before: 240) + left, run: bold),
      paragraph("Text", name: "Text", properties: justified),
      paragraph("Clause0", name: "Clause, preambular", properties: WordXML.element("w:ind", [("w:firstLine", String(step))]) + justified),
    ]
    for level in 1...3 {
      let indent = String(step * level)
      styles.append(
        paragraph(
          "Clause\(level)", name: "Clause, level \(level)",
          // The marker's tab reaches the hanging indent; a marker wider than the hang ("- b bis)") the next half step.
          properties: WordXML.element(
            "w:tabs", [], [0, step / 2, step].map { WordXML.element("w:tab", [("w:val", "left"), ("w:pos", String(step * level + $0))]) }.joined())
            + WordXML.element("w:ind", [("w:left", indent), ("w:hanging", String(step))]) + justified))
    }
    styles += [
      paragraph("Footer", name: "footer", properties: WordXML.element("w:jc", [("w:val", "center")]), run: size(20)),
      paragraph("CommentText", name: "annotation text", properties: left, run: size(20)),
      WordXML.element(
        "w:style", [("w:type", "character"), ("w:styleId", "CommentReference")],
        WordXML.element("w:name", [("w:val", "annotation reference")]) + WordXML.element("w:rPr", [], size(16))),
    ]
    return WordXML.declaration + WordXML.element("w:styles", [("xmlns:w", WordXML.main)], defaults + styles.joined())
  }

  static let bold = WordXML.element("w:b")
  static let italic = WordXML.element("w:i")
  static let justified = WordXML.element("w:jc", [("w:val", "both")])
  static let left = WordXML.element("w:jc", [("w:val", "left")])
  static let centred =
    WordXML.element("w:keepNext") + WordXML.element("w:spacing", [("w:after", "0")]) + WordXML.element("w:jc", [("w:val", "center")])

  static func size(_ halfPoints: Int) -> String {
    WordXML.element("w:sz", [("w:val", String(halfPoints))]) + WordXML.element("w:szCs", [("w:val", String(halfPoints))])
  }

  static func spacing(before: Int? = nil, after: Int? = nil) -> String {
    var attributes: [(String, String)] = []
    if let before { attributes.append(("w:before", String(before))) }
    if let after { attributes.append(("w:after", String(after))) }
    return WordXML.element("w:spacing", attributes)
  }

  /// A paragraph style; `properties` in the schema's order (keepNext, tabs, spacing, ind, jc).
  static func paragraph(
    _ id: String, name: String, basedOn: String? = "Normal", default isDefault: Bool = false, properties: String = "", run: String = ""
  ) -> String {
    var attributes = [("w:type", "paragraph"), ("w:styleId", id)]
    if isDefault { attributes.append(("w:default", "1")) }
    var children = WordXML.element("w:name", [("w:val", name)])
    if let basedOn { children += WordXML.element("w:basedOn", [("w:val", basedOn)]) }
    children += WordXML.element("w:qFormat")
    if !properties.isEmpty { children += WordXML.element("w:pPr", [], properties) }
    if !run.isEmpty { children += WordXML.element("w:rPr", [], run) }
    return WordXML.element("w:style", attributes, children)
  }
}
