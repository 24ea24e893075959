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
  public init(message: String) {
    let paragraphs = message.replacingOccurrences(of: "\r\n", with: "\n")
      .components(separatedBy: "\n\n")
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
    // The subject line is never a trailer block, even when it looks like one.
    guard paragraphs.count > 1, let last = paragraphs.last else { return }
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
}
