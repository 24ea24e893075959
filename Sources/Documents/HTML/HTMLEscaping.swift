import Foundation

/// The one escaping rule of every HTML amend writes: text and attribute values alike, the five
/// characters that can change the markup replaced by entities, everything else (every other Unicode
/// character, line breaks included) kept as it is. A delegation named `<script>alert(1)</script>` is
/// text on the page, never markup.
public enum HTMLEscaping {
  /// `text` safe in element content and in a double- or single-quoted attribute value.
  public static func escape(_ text: some StringProtocol) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // Controls other than tab, line feed and carriage return are not allowed in HTML text.
      case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` escaped, its line breaks made `<br>`: a clause's continuation lines as the draft breaks them.
  public static func lines(_ text: some StringProtocol) -> String {
    escape(text.replacingOccurrences(of: "\r\n", with: "\n")).replacingOccurrences(of: "\n", with: "<br>\n")
  }
}
