import Foundation

/// The one rule for every name amend writes into a commit or a record — delegations, co-sponsors,
/// chairs, sessions, committers and e-mail addresses: one line of printable text. A line break could
/// forge a commit header or an `Amend-*` trailer, and `<` or `>` would end git's author field early,
/// so they are refused before anything is written, wherever the name comes from.
public enum Names {
  /// Generous: the longest official State name is under 60 characters.
  public static let limit = 200

  /// `text` trimmed, or a one-line error saying what is wrong with it. `what` names the name as the
  /// user gave it ("--by", "the session's name", "git config user.name").
  public static func checked(_ text: String, _ what: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw AmendError("\(what) is empty: give a name") }
    try checkLine(trimmed, what, kind: "name")
    return trimmed
  }

  /// An e-mail address, by the same rule.
  public static func checkedEmail(_ text: String, _ what: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw AmendError("\(what) is empty: give an e-mail address, or leave it out") }
    try checkLine(trimmed, what, kind: "e-mail address")
    return trimmed
  }

  static func checkLine(_ text: String, _ what: String, kind: String) throws {
    let rule = "\(kind.first.map { "aeiou".contains($0) } == true ? "an" : "a") \(kind) is one line of printable text, without < or >, of at most \(limit) characters"
    if text.unicodeScalars.contains(where: isBreakOrControl) {
      throw AmendError("\(what) '\(shown(text))' has a line break or control character: \(rule)")
    }
    if text.contains("<") || text.contains(">") {
      throw AmendError("\(what) '\(shown(text))' contains < or >: \(rule)")
    }
    if text.count > limit {
      throw AmendError("\(what) '\(shown(text))' is longer than \(limit) characters: \(rule)")
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
