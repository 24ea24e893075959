/// A meeting at which a chair takes decisions: opened, then closed, with the decisions taken in it.
public struct Session: Equatable, Sendable {
  public var id: String
  public var name: String
  public var chair: String
  /// YYYY-MM-DD.
  public var date: String
  public var isOpen: Bool
  /// Every decision taken in it, in order, including those later taken back.
  public var decisions: [EventRecord]
}
