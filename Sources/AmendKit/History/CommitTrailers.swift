import Foundation

/// The `Amend-*` trailers amend writes at the foot of every commit message: what the commit records.
///
/// A commit without an `Amend-Event` trailer was not made by amend: a hand-made commit, or one whose
/// message was rewritten.
public struct CommitTrailers: Equatable, Sendable {
  /// `tabled`, `withdrawn`, `session-opened`, `accepted`, `draft-begun`, `applied`, `draft-produced`…
  public var event: String?
  /// The `Amend-Proposal` trailer: the proposal the commit concerns.
  public var proposal: String?
  /// The `Amend-Draft` trailer: the draft the commit belongs to.
  public var draft: Int?
  /// The `Amend-Clause` trailer: the clause the commit changes.
  public var clause: String?
  /// The `Amend-Session` trailer: the session in which the commit's event took place.
  public var session: String?

  /// Reads the trailers of `message`: `Key: value` lines of its last paragraph.
  ///
  /// Paragraphs are split at "\n\n" (after turning "\r\n" into "\n") over UTF-8 bytes, and only the
  /// last one with any text is trimmed and read: `log` reads one message per commit.
  public init(message: String) {
    let text = message.utf8.contains(13) ? message.replacingOccurrences(of: "\r\n", with: "\n") : message
    let paragraphs = Self.paragraphs(text).filter(Self.hasText)
    // The subject line is never a trailer block, even when it looks like one.
    guard paragraphs.count > 1, let block = paragraphs.last else { return }
    let last = Self.trimmed(block, Self.isSpaceOrNewline)
    for line in last.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = Self.trimmed(line[..<colon], Self.isSpace).lowercased()
      let value = Self.trimmed(line[line.index(after: colon)...], Self.isSpace)
      guard !value.isEmpty else { continue }
      switch key {
      case "amend-event": event = value
      case "amend-proposal": proposal = value
      case "amend-draft": draft = Int(value)
      case "amend-clause": clause = value
      case "amend-session": session = value
      default: continue
      }
    }
  }

  /// Whether amend made the commit.
  public var isAmend: Bool { event != nil }

  /// `text.components(separatedBy: "\n\n")`, without bridging: leftmost separators, not overlapping.
  static func paragraphs(_ text: String) -> [Substring] {
    let bytes = text.utf8
    var found: [Substring] = []
    var start = bytes.startIndex
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let next = bytes.index(after: index)
      if bytes[index] == 10, next != bytes.endIndex, bytes[next] == 10 {
        found.append(text[start..<index])
        start = bytes.index(after: next)
        index = start
      } else {
        index = next
      }
    }
    found.append(text[start...])
    return found
  }

  /// Whether a paragraph holds anything but whitespace and newlines (what trimming leaves).
  static func hasText(_ paragraph: Substring) -> Bool {
    paragraph.unicodeScalars.contains { !isSpaceOrNewline($0) }
  }

  /// `text.trimmingCharacters(in:)` with the set as a test on scalars: Foundation's trimming costs
  /// thousands of instructions a call, and `log` trims a few lines of every commit's message.
  static func trimmed(_ text: Substring, _ trims: (Unicode.Scalar) -> Bool) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !trims($0) }), let last = scalars.lastIndex(where: { !trims($0) }) else {
      return ""
    }
    return String(scalars[first...last])
  }

  /// `CharacterSet.whitespaces`: tab, the space separators and the zero-width space (the tests hold
  /// them equal).
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar == " " || scalar == "\t" }
    // Foundation counts the zero-width space as a space.
    return scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
  }

  /// `CharacterSet.whitespacesAndNewlines`: those, line feed to carriage return, next line, and the
  /// line and paragraph separators.
  static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0x200B: return true
    case 0..<0x80: return false
    default:
      let category = scalar.properties.generalCategory
      return category == .spaceSeparator || category == .lineSeparator || category == .paragraphSeparator
    }
  }
}
