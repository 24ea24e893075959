/// A meeting at which a chair takes decisions: opened, then closed, with the decisions taken in it.
public struct Session: Equatable, Sendable {
  /// The session's id: its date and name ("2010-10-13-first-reading").
  public var id: String
  /// The session's name, as the chair gave it.
  public var name: String
  /// The chair, the author of its decisions.
  public var chair: String
  /// YYYY-MM-DD.
  public var date: String
  /// Whether it is still open.
  public var isOpen: Bool
  /// Every decision taken in it, in order, including those later taken back.
  public var decisions: [EventRecord]

  /// The session's id, typed.
  public var sessionID: SessionID { SessionID(id) }
  /// The session's date, or nil if the record's date is not a real day.
  public var calendarDate: CalendarDate? { try? CalendarDate.parse(date) }
}
