/// A proposal's id: eight hex characters ("3f2a9c01"), or a prefix of four or more when looking one up.
public struct ProposalID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
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
