/// The layout the Akoma Ntoso structure cannot carry, kept in `meta/proprietary` as
/// `<amend:layout>`: for the n-th piece of text in document order (a preface or body line, a
/// recital, a paragraph or point, a heading) the blank lines before it (`gap`), the whitespace
/// before its number or text (`lead`) and after its number (`sep`), its line endings (`eol`: one
/// letter a line, `n` LF, `r` CRLF, `0` none), and, only when it holds characters XML 1.0 cannot
/// carry, its exact words (`raw`). Values that are the defaults on `<amend:layout>` are left out.
/// The words themselves are always in the structure; a reader that ignores this keeps the whole text.
struct LayoutHints: Equatable {
  struct Hint: Equatable {
    var gap: String
    var lead: String
    var separator: String
    var endings: [String]
    /// The exact lines when the structure had to replace a character.
    var raw: [String]?
  }

  var hints: [Hint]
  var tail: String

  init(pieces: [DraftPieces.Piece], tail: String) {
    hints = pieces.map { piece in
      let exact = piece.lines.allSatisfy(XMLText.isLegal)
      return Hint(
        gap: piece.layout.gap, lead: piece.layout.lead, separator: piece.num == nil ? " " : piece.layout.separator,
        endings: piece.layout.endings, raw: exact ? nil : piece.lines)
    }
    self.tail = tail
  }

  init(hints: [Hint], tail: String) {
    self.hints = hints
    self.tail = tail
  }

  /// The gap most pieces have, written once on `<amend:layout>`.
  private var usualGap: String {
    var counts: [String: Int] = [:]
    for hint in hints { counts[hint.gap, default: 0] += 1 }
    return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
  }

  static func endingCode(_ endings: [String]) -> String {
    String(endings.map { $0 == "\r\n" ? "r" : $0.isEmpty ? "0" : "n" })
  }

  func write(_ xml: inout XMLWriter) {
    let gap = usualGap
    xml.start("amend:layout", ["pieces": String(hints.count), "gap": LayoutCode.encode(gap), "tail": LayoutCode.encode(tail)])
    for (index, hint) in hints.enumerated() {
      let eol = Self.endingCode(hint.endings)
      let attributes: KeyValuePairs<String, String?> = [
        "n": String(index + 1),
        "gap": hint.gap == gap ? nil : LayoutCode.encode(hint.gap),
        "lead": hint.lead.isEmpty ? nil : LayoutCode.encode(hint.lead),
        "sep": hint.separator == " " ? nil : LayoutCode.encode(hint.separator),
        "eol": eol.allSatisfy { $0 == "n" } ? nil : eol,
        "raw": hint.raw.map { LayoutCode.encode($0.joined(separator: "\n")) },
      ]
      if attributes.dropFirst().allSatisfy({ $0.value == nil }) { continue }
      xml.empty("amend:piece", attributes)
    }
    xml.end()
  }

  /// The hints in a `<amend:layout>` element; nil when it is malformed.
  static func read(_ layout: XMLTree) -> LayoutHints? {
    guard let count = layout.attribute("pieces").flatMap({ Int($0) }), count >= 0, count < 10_000_000,
      let gap = LayoutCode.decode(layout.attribute("gap") ?? ""), let tail = LayoutCode.decode(layout.attribute("tail") ?? "")
    else { return nil }
    var hints = Array(repeating: Hint(gap: gap, lead: "", separator: " ", endings: [], raw: nil), count: count)
    for piece in layout.elements where piece.name == "piece" {
      guard let n = piece.attribute("n").flatMap({ Int($0) }), (1...count).contains(n) else { return nil }
      var hint = hints[n - 1]
      if let code = piece.attribute("gap") {
        guard let decoded = LayoutCode.decode(code) else { return nil }
        hint.gap = decoded
      }
      if let code = piece.attribute("lead") {
        guard let decoded = LayoutCode.decode(code) else { return nil }
        hint.lead = decoded
      }
      if let code = piece.attribute("sep") {
        guard let decoded = LayoutCode.decode(code) else { return nil }
        hint.separator = decoded
      }
      if let eol = piece.attribute("eol") {
        hint.endings = eol.map { $0 == "r" ? "\r\n" : $0 == "0" ? "" : "\n" }
      }
      if let code = piece.attribute("raw") {
        guard let decoded = LayoutCode.decode(code) else { return nil }
        hint.raw = decoded.components(separatedBy: "\n")
      }
      hints[n - 1] = hint
    }
    return LayoutHints(hints: hints, tail: tail)
  }
}
