import AmendKit
import Foundation

/// The generator's world: a clock that moves one minute each time it is read, from 09:00 UTC on the
/// first draft's day, and ids salted from the seed, so that the same seed makes the same commits.
final class GeneratorClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date
  private var nonces: SeededRandom

  init(start: Date, seed: UInt64) {
    current = start
    nonces = SeededRandom(seed: seed ^ 0xA5A5_A5A5_A5A5_A5A5)
  }

  func now() -> Date {
    lock.withLock {
      current += 60
      return current
    }
  }

  func nonce() -> UInt64 {
    lock.withLock { nonces.next() }
  }

  /// Moves the clock to 09:00 on `day` if it is behind it: each session starts on its own day.
  func advance(to day: Date) {
    lock.withLock { current = max(current, day) }
  }

  /// A context that reads this clock, with the secretariat at the keyboard.
  func context() -> Context {
    Context(
      now: { [self] in now() }, nonce: { [self] in nonce() },
      committer: Person(name: "Secretariat", email: "secretariat@example.org"),
      timeZone: TimeZone(identifier: "UTC") ?? .current)
  }
}
