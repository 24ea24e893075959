/// One physical line of a source text: its content and the line ending that closed it.
struct SourceLine: Equatable, Sendable {
  var content: String
  /// "\n", "\r\n", or "" for a last line without a line ending.
  var terminator: String

  /// Whether the line holds nothing but spaces, tabs or form feeds.
  var isBlank: Bool { content.unicodeScalars.allSatisfy(\.isHorizontalSpace) }

  /// Splits `text` into lines, keeping every byte: joining content and terminator gives `text` back.
  ///
  /// Works on UTF-8 bytes because Swift treats "\r\n" as one character, which would hide
  /// the difference between CRLF and LF files.
  static func split(_ text: String) -> [SourceLine] {
    let bytes = Array(text.utf8)
    var lines: [SourceLine] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A {
        let hasCR = index > start && bytes[index - 1] == 0x0D
        let end = hasCR ? index - 1 : index
        lines.append(
          SourceLine(
            content: String(decoding: bytes[start..<end], as: UTF8.self),
            terminator: hasCR ? "\r\n" : "\n"))
        start = index + 1
      }
      index += 1
    }
    if start < bytes.count {
      lines.append(SourceLine(content: String(decoding: bytes[start...], as: UTF8.self), terminator: ""))
    }
    return lines
  }
}

extension Unicode.Scalar {
  /// Space, tab or form feed: what may stand before a marker or fill a blank line. The byte-order
  /// mark that Notepad writes first counts too, so "\u{FEFF}1. …" is still paragraph 1.
  var isHorizontalSpace: Bool { self == " " || self == "\t" || self == "\u{0C}" || self == "\u{FEFF}" }
}

extension String {
  /// The string without leading and trailing whitespace and newlines.
  var trimmed: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// The leading spaces, tabs and form feeds.
  var leadingSpace: String {
    String(unicodeScalars.prefix(while: \.isHorizontalSpace))
  }
}
