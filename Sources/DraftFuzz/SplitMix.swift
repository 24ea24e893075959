/// SplitMix64, the generator of `NegotiationGenerator.SeededRandom`, repeated here so that the
/// parser's fuzzer depends on DraftText alone (it is also built for libFuzzer). Bounded draws are
/// done here too, not by the standard library, whose algorithms may change between releases:
/// a seed gives the same inputs on every machine and toolchain.
public struct SplitMix: Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<bound (bound > 0).
  public mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// True about once in `n` draws.
  public mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// The seed of run `run` of a campaign seeded with `seed`: every run can be replayed alone.
  public static func runSeed(_ seed: UInt64, run: Int) -> UInt64 {
    var mix = SplitMix(seed: seed ^ (UInt64(run) &* 0xD6E8_FEB8_6659_FD93))
    return mix.next()
  }
}
