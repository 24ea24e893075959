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
    let last = block.trimmingCharacters(in: .whitespacesAndNewlines)
    for line in last.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
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
    paragraph.unicodeScalars.contains { !CharacterSet.whitespacesAndNewlines.contains($0) }
  }
}
