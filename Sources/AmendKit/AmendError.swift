/// A problem the person at the keyboard can act on, in one line: what is wrong and what to do.
public struct AmendError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
