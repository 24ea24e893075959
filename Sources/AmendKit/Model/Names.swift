import Foundation

/// The one rule for every name amend writes into a commit or a record — delegations, co-sponsors,
/// chairs, sessions, committers and e-mail addresses: one line of printable text. A line break could
/// forge a commit header or an `Amend-*` trailer, and `<` or `>` would end git's author field early,
/// so they are refused before anything is written, wherever the name comes from.
public enum Names {
  /// Generous: the longest official State name is under 60 characters.
  public static let limit = 200

  /// `text` trimmed, or an error saying what is wrong with it. `field` says where the name came from.
  public static func checked(_ text: String, _ field: NameField) throws(NameError) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw .empty(field) }
    try checkLine(trimmed, field)
    return trimmed
  }

  /// An e-mail address, by the same rule.
  public static func checkedEmail(_ text: String, _ field: NameField) throws(NameError) -> String {
    try checked(text, field)
  }

  static func checkLine(_ text: String, _ field: NameField) throws(NameError) {
    if text.unicodeScalars.contains(where: isBreakOrControl) {
      throw .lineBreak(field, text: text)
    }
    if text.contains("<") || text.contains(">") {
      throw .angleBracket(field, text: text)
    }
    if text.count > limit {
      throw .tooLong(field, text: text, limit: limit)
    }
  }

  /// Line and paragraph breaks of every kind, and control characters (tab included).
  static func isBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }

  /// A value as an error message can quote it on one line: breaks and controls escaped, long
  /// values cut.
  public static func shown(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        result += isBreakOrControl(scalar) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
      }
    }
    return result.count > 60 ? String(result.prefix(57)) + "…" : result
  }
}

/// User text that goes into a commit message's subject or body: on one line, so that nothing a
/// delegation typed can become a header or a trailer. The trailers themselves carry ids only.
enum CommitText {
  static func line(_ text: String) -> String {
    String(
      String.UnicodeScalarView(text.unicodeScalars.map { Names.isBreakOrControl($0) ? " " : $0 }))
  }
}
