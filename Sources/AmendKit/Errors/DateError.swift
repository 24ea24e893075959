/// A date that is not a real day written as YYYY-MM-DD.
public enum DateError: Error, Equatable, Sendable {
  /// The text is not written as YYYY-MM-DD.
  case notADate(String)
  /// The text is written as YYYY-MM-DD, but there is no such day (2010-02-30).
  case noSuchDay(String)
}
