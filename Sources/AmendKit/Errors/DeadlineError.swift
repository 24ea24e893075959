/// A deadline refused, or a proposal refused because of one.
public enum DeadlineError: Error, Equatable, Sendable {
  /// Not written as YYYY-MM-DDTHH:MM[Z].
  case notAMoment(String)
  /// Written so, but no such moment (2010-02-30T10:00, 25:00).
  case noSuchMoment(String)
  /// The deadline (recorded, ISO 8601) has passed and the proposal was not tabled as late.
  case passed(deadline: String)
}
