import DraftText

/// A draft's text cut into the pieces an Akoma Ntoso document is made of, in document order: each
/// clause, each line that is not a clause (title block, headings, notes), and the blank lines between
/// them. Joining every piece's ``Piece/source`` gives the text back byte for byte; what the markup
/// cannot say (blank lines, the whitespace around a marker, line endings) is the piece's ``Layout``,
/// kept in `meta/proprietary`.
struct DraftPieces {
  /// What a piece is.
  enum Kind: Equatable {
    /// A title-block line.
    case title(TitleBlock.Part)
    /// A line that is not a clause nor blank.
    case line
    /// A clause.
    case clause(Clause)
  }

  /// One clause or one non-clause line.
  struct Piece {
    var kind: Kind
    /// The printed number of a clause ("7.", "- b)"), without the whitespace around it; nil for an
    /// unnumbered clause and for lines.
    var num: String?
    /// The text's lines: the clause's words after its marker, or the whole line.
    var lines: [String]
    var layout: Layout

    var clause: Clause? {
      if case .clause(let clause) = kind { return clause }
      return nil
    }

    /// The bytes of the text this piece stands for.
    var source: String {
      var text = layout.gap + layout.lead
      if let num { text += num + layout.separator }
      for (index, line) in lines.enumerated() {
        text += line + (index < layout.endings.count ? layout.endings[index] : "\n")
      }
      return text
    }
  }

  /// The layout of a piece, beside its words.
  struct Layout: Equatable {
    /// The blank lines before it, exactly ("\n", "  \n\n", "\u{0C}\n").
    var gap = ""
    /// Whitespace before the number (or before the text of an unnumbered clause).
    var lead = ""
    /// Whitespace between the number and the text.
    var separator = " "
    /// Each line's ending: "\n", "\r\n", or "" for a last line without one.
    var endings: [String] = []
  }

  var pieces: [Piece]
  /// Blank lines after the last piece.
  var tail: String

  /// The text again, from the pieces.
  var text: String { pieces.map(\.source).joined() + tail }

  /// Cuts `text`, parsed as `draft`, into pieces.
  init(text: String, draft: Draft) {
    let lines = Self.split(text)
    var starts: [Int: Clause] = [:]
    for clause in draft.clauses { starts[clause.line - 1] = clause }
    var parts: [Int: TitleBlock.Part] = [:]
    if let block = draft.titleBlock {
      parts[block.titleLine - 1] = .title
      if let line = block.subjectLine { parts[line - 1] = .subject }
      if let line = block.dateLineNumber { parts[line - 1] = .dateLine }
    }
    var pieces: [Piece] = []
    var gap = ""
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if let clause = starts[index] {
        let count = clause.text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let taken = lines[index..<min(lines.count, index + count)]
        let marker = clause.marker.unicodeScalars
        let lead = String(String.UnicodeScalarView(marker.prefix(while: Self.isLead)))
        let afterLead = marker.dropFirst(lead.unicodeScalars.count)
        let numScalars = afterLead.reversed().drop(while: Self.isSeparator).reversed()
        let num = String(String.UnicodeScalarView(numScalars))
        let separator = String(String.UnicodeScalarView(afterLead.dropFirst(numScalars.count)))
        var texts = taken.map(\.content)
        texts[0] = String(String.UnicodeScalarView(texts[0].unicodeScalars.dropFirst(marker.count)))
        pieces.append(
          Piece(
            kind: .clause(clause), num: num.isEmpty ? nil : num, lines: texts,
            layout: Layout(gap: gap, lead: lead, separator: num.isEmpty ? "" : separator, endings: taken.map(\.terminator))))
        gap = ""
        index += taken.count
        continue
      }
      if line.content.unicodeScalars.allSatisfy(Self.isLead) {
        gap += line.content + line.terminator
      } else {
        let kind: Kind = parts[index].map { .title($0) } ?? .line
        let lead = String(String.UnicodeScalarView(line.content.unicodeScalars.prefix(while: Self.isLead)))
        let words = String(String.UnicodeScalarView(line.content.unicodeScalars.dropFirst(lead.unicodeScalars.count)))
        pieces.append(
          Piece(
            kind: kind, num: nil, lines: [words],
            layout: Layout(gap: gap, lead: lead, separator: "", endings: [line.terminator])))
        gap = ""
      }
      index += 1
    }
    self.pieces = pieces
    tail = gap
  }

  init(pieces: [Piece], tail: String) {
    self.pieces = pieces
    self.tail = tail
  }

  /// Space, tab, form feed or byte-order mark: what may stand before a marker or fill a blank line.
  static func isLead(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\u{0C}" || scalar == "\u{FEFF}"
  }

  /// What may stand between a marker and its text.
  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{202F}"
  }

  /// Lines with their endings, on bytes so that "\r\n" stays apart from "\n".
  static func split(_ text: String) -> [(content: String, terminator: String)] {
    let bytes = Array(text.utf8)
    var lines: [(String, String)] = []
    var start = 0
    for index in bytes.indices where bytes[index] == 0x0A {
      let hasCR = index > start && bytes[index - 1] == 0x0D
      lines.append((String(decoding: bytes[start..<(hasCR ? index - 1 : index)], as: UTF8.self), hasCR ? "\r\n" : "\n"))
      start = index + 1
    }
    if start < bytes.count { lines.append((String(decoding: bytes[start...], as: UTF8.self), "")) }
    return lines
  }
}

/// Layout strings in an attribute: XML 1.0 cannot carry a form feed even as a character reference,
/// so whitespace is written with backslash escapes (`\n`, `\r`, `\t`, `\f`, `\u{A0}`).
enum LayoutCode {
  static func encode(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{0C}": result += "\\f"
      case " ": result += " "
      default:
        if scalar.value < 0x20 || scalar.value >= 0x7F {
          result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// The text an ``encode(_:)`` made; nil for a malformed escape.
  static func decode(_ code: String) -> String? {
    var result = ""
    var scalars = code.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "\\" else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalars.next() {
      case "\\": result += "\\"
      case "n": result += "\n"
      case "r": result += "\r"
      case "t": result += "\t"
      case "f": result += "\u{0C}"
      case "u":
        guard scalars.next() == "{" else { return nil }
        var hex = ""
        while let digit = scalars.next(), digit != "}" { hex.unicodeScalars.append(digit) }
        guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
        result.unicodeScalars.append(decoded)
      default: return nil
      }
    }
    return result
  }
}
