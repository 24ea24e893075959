import Foundation

/// HTML's use of the one escaping rule (MarkupEscaping), and its line breaks.
public enum HTMLEscaping {
  /// `text` safe in element content and in a double- or single-quoted attribute value.
  public static func escape(_ text: some StringProtocol) -> String { MarkupEscaping.escape(text) }

  /// `text` escaped, its line breaks made `<br>`: a clause's continuation lines as the draft breaks them.
  public static func lines(_ text: some StringProtocol) -> String {
    escape(text.replacingOccurrences(of: "\r\n", with: "\n")).replacingOccurrences(of: "\n", with: "<br>\n")
  }
}
