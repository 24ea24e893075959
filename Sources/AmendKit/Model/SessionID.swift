/// A session's id: its date and name ("2010-10-13-first-reading").
public struct SessionID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The id as written.
  public var rawValue: String

  /// The id written `rawValue`.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// The id written `rawValue`.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// The id written as a literal.
  public init(stringLiteral value: String) { self.rawValue = value }

  /// The id as written.
  public var description: String { rawValue }
}
