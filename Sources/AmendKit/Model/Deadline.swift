import Foundation

/// The moment after which a proposal is late: written `YYYY-MM-DDTHH:MM` (seconds optional), in UTC
/// (a trailing `Z` may say so; no other zone is taken, so that every clone reads the same moment).
public struct Deadline: Equatable, Sendable {
  /// The moment.
  public var moment: Date
  /// As recorded: ISO 8601 in UTC, `2010-10-12T18:00:00Z`.
  public var recorded: String { Context.timestamp(moment) }

  /// Reads a deadline as people type it, or refuses it.
  public static func parse(_ text: String) throws(DeadlineError) -> Deadline {
    var spelled = text.trimmingCharacters(in: .whitespaces)
    if spelled.hasSuffix("Z") { spelled.removeLast() }
    let pattern = #/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/#
    guard let match = try? pattern.wholeMatch(in: spelled) else { throw DeadlineError.notAMoment(text) }
    var parts = DateComponents()
    (parts.year, parts.month, parts.day) = (Int(match.1), Int(match.2), Int(match.3))
    (parts.hour, parts.minute, parts.second) = (Int(match.4), Int(match.5), match.6.flatMap { Int($0) } ?? 0)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    guard parts.isValidDate(in: calendar), let moment = calendar.date(from: parts) else {
      throw DeadlineError.noSuchMoment(text)
    }
    return Deadline(moment: moment)
  }

  /// The deadline a deadline-set record holds, if it holds a readable one.
  public init?(_ event: EventRecord) {
    guard let recorded = event.deadline, let moment = ISO8601DateFormatter().date(from: recorded) else { return nil }
    self.moment = moment
  }

  init(moment: Date) { self.moment = moment }
}
