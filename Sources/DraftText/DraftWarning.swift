/// Something odd the parser noticed but kept as written, such as a skipped or repeated number.
public struct DraftWarning: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The 1-based line the warning is about.
  public var line: Int
  /// What is odd, in negotiators' words ("paragraph 4 appears again: this one is 4 (second), id 4#2").
  public var message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { "line \(line): \(message)" }
}
