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

  /// ISO 8601 time stamp of `date`, as records store it.
  public static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
