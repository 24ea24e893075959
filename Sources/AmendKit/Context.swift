import Foundation

/// What a command takes from the world: the clock, a source of randomness for ids, and who is at the
/// keyboard. Tests inject all three so that ids, times and commits are deterministic.
public struct Context: Sendable {
  /// The clock every command reads its time from.
  public var now: @Sendable () -> Date
  /// The source of randomness that proposal and event ids are made from.
  public var nonce: @Sendable () -> UInt64
  /// The committer; when nil, git config's user.name and user.email.
  public var committer: Person?
  /// The time zone that decides a session's or a draft's calendar date.
  public var timeZone: TimeZone
  /// Runs just before a new draft is published, and before `sync` pushes; tests use it to stop a process
  /// at the worst moment, or to make two pushes race.
  public var beforePublish: @Sendable () -> Void = {}
  /// Whether to sign commits with the SSH key of git config `user.signingkey`; nil follows git config
  /// `amend.sign`.
  public var sign: Bool?

  /// A context with the system clock, random ids, the given committer and time zone.
  public init(
    now: @escaping @Sendable () -> Date = { Date() },
    nonce: @escaping @Sendable () -> UInt64 = { UInt64.random(in: .min ... .max) },
    committer: Person? = nil,
    timeZone: TimeZone = .current
  ) {
    self.now = now
    self.nonce = nonce
    self.committer = committer
    self.timeZone = timeZone
  }

  /// ISO 8601 time stamp of `date`, as records store it: "2026-11-29T14:05:09Z".
  ///
  /// A whole second from 1970 to 9999 (every commit time, since git keeps seconds) is written out
  /// by arithmetic: `log` and `history` write one per commit, and an ICU formatter costs more to make
  /// than the rest of the line. Anything else goes through `ISO8601DateFormatter`, which the
  /// arithmetic matches character for character (`ContextTests`).
  public static func timestamp(_ date: Date) -> String {
    let interval = date.timeIntervalSince1970
    if interval >= 0, interval < 253_402_300_800, interval.rounded(.down) == interval {
      return wholeSecondTimestamp(Int64(interval))
    }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// "YYYY-MM-DDTHH:MM:SSZ" for `seconds` since 1970 in UTC (a proleptic Gregorian calendar, as
  /// ICU's formatter uses after 1582).
  static func wholeSecondTimestamp(_ seconds: Int64) -> String {
    let days = seconds / 86_400
    let second = Int(seconds % 86_400)
    // Days to civil date (Howard Hinnant's algorithm), for days >= 0.
    let shifted = days + 719_468
    let era = shifted / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
    let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
    let year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    var bytes: [UInt8] = []
    bytes.reserveCapacity(20)
    func digits(_ value: Int, _ count: Int) {
      var divisor = 1
      for _ in 1..<count { divisor *= 10 }
      while divisor > 0 {
        bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
        divisor /= 10
      }
    }
    digits(year, 4)
    bytes.append(UInt8(ascii: "-"))
    digits(month, 2)
    bytes.append(UInt8(ascii: "-"))
    digits(day, 2)
    bytes.append(UInt8(ascii: "T"))
    digits(second / 3_600, 2)
    bytes.append(UInt8(ascii: ":"))
    digits(second / 60 % 60, 2)
    bytes.append(UInt8(ascii: ":"))
    digits(second % 60, 2)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }
}
