import DraftText

/// A clause as `amend show CLAUSE --json` prints it: its id, name, eId, marker, text and children.
public struct ClauseEntry: Codable, Equatable, Sendable {
  public var id: String
  public var name: String
  public var eId: String
  public var draft: Int
  public var marker: String
  public var text: String
  /// The ids of its subparagraphs, in order.
  public var children: [String]

  public init(_ clause: Clause, in version: DraftVersion) {
    id = clause.id.rawValue
    name = clause.id.display
    eId = clause.eId
    draft = version.number
    marker = clause.marker
    text = clause.text
    children = version.draft.children(of: clause.key).map(\.id.rawValue)
  }
}

/// A clause in the list `amend clauses` prints: its id, its name and its first eight words.
public struct ClauseListing: Codable, Equatable, Sendable {
  public var id: String
  public var name: String
  public var eId: String
  public var firstWords: String

  public init(_ clause: Clause) {
    id = clause.id.rawValue
    name = clause.id.display
    eId = clause.eId
    firstWords = Self.firstWords(clause.text)
  }

  /// The first eight words, and "…" when there are more.
  public static func firstWords(_ text: String) -> String {
    let words = text.split(whereSeparator: \.isWhitespace)
    return words.prefix(8).joined(separator: " ") + (words.count > 8 ? " …" : "")
  }
}

extension Draft {
  /// The clause's subparagraphs and theirs, depth first, in the order they stand.
  public func descendants(of clause: Clause) -> [Clause] {
    children(of: clause.key).flatMap { [$0] + descendants(of: $0) }
  }
}
