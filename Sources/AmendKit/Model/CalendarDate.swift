import Foundation

/// A day as negotiators date things: YYYY-MM-DD, with no time of day.
public struct CalendarDate: Equatable, Comparable, Sendable, CustomStringConvertible {
  /// The year, in full.
  public var year: Int
  /// The month, 1 to 12.
  public var month: Int
  /// The day of the month, from 1.
  public var day: Int

  /// The date with these numbers, unchecked.
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The calendar date `date` falls on in `timeZone`.
  public init(_ date: Date, in timeZone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
  }

  /// Reads YYYY-MM-DD, refusing anything that is not a real day.
  public static func parse(_ text: String) throws(DateError) -> CalendarDate {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else {
      throw .notADate(text)
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let components = DateComponents(year: year, month: month, day: day)
    guard (1...12).contains(month), let date = calendar.date(from: components),
      calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
    else {
      throw .noSuchDay(text)
    }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// The date as calendar components.
  public var components: DateComponents { DateComponents(year: year, month: month, day: day) }

  /// The date as YYYY-MM-DD.
  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// Whether `lhs` comes before `rhs`.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
