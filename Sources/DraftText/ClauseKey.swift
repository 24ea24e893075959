/// The stable identity of a clause across edits and renumbering within one ``Draft`` value.
///
/// A parsed clause keeps the id it had when parsed ("7.b", and "A2bis.1#2" for a number the
/// source repeats). Inserted clauses are "new-1", "new-2"…. Keys never change when the
/// clause is renumbered, so they are what callers hold on to while a draft is being amended.
public struct ClauseKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public var rawValue: String

  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public static func < (lhs: ClauseKey, rhs: ClauseKey) -> Bool { lhs.rawValue < rhs.rawValue }

  public var description: String { rawValue }
}
