/// The one escaping rule of every document amend writes (HTML, WordprocessingML, Akoma Ntoso): the five
/// characters that can change the markup as entities (`'` as `&#39;`, which HTML 4 and XML both read),
/// and the characters XML 1.0 cannot carry at all (controls but tab, line feed and carriage return;
/// U+FFFE, U+FFFF) as U+FFFD. Everything else is kept as it is. A delegation named
/// `<script>alert(1)</script>` is text in every document, never markup.
public enum MarkupEscaping {
  /// `text` safe in element content and in a double- or single-quoted attribute value. With
  /// `whitespaceAsReferences`, tab, line feed and carriage return are written as character references,
  /// so that attribute values keep them through any XML reader (Akoma Ntoso's layout).
  public static func escape(_ text: some StringProtocol, whitespaceAsReferences: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r":
        if whitespaceAsReferences { out += "&#\(scalar.value);" } else { out.unicodeScalars.append(scalar) }
      case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
