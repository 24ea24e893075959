import DraftFuzz
import DraftText
import Foundation
import Testing

/// The parser's fuzzer in CI: a few thousand hostile texts from fixed seeds, and every input that
/// ever failed (FuzzRegressions/, one file each), all held to ``ParserOracle``. The long campaign
/// runs outside CI: `swift run -c release amend-fuzz --runs 1000000 --seed S`.
@Suite("Parser fuzzing")
struct FuzzTests {
  static let regressions = Fixtures.testsFolder.appendingPathComponent("FuzzRegressions")

  static var regressionNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: regressions.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
  }

  @Test("hostile texts from a seed: render is the identity, every marker line is a clause or a warning", arguments: 0..<8)
  func seeded(batch: Int) {
    for run in (batch * 300)..<((batch + 1) * 300) {
      let input = HostileDraft(seed: SplitMix.runSeed(10, run: run))
      let problems = ParserOracle.problems(in: input.text, markerLines: input.markerLines)
      #expect(problems.isEmpty, "seed 10, run \(run): \(problems.prefix(3))")
    }
  }

  @Test("the same seed gives the same text")
  func deterministic() {
    #expect(HostileDraft(seed: 42).text == HostileDraft(seed: 42).text)
    #expect(HostileDraft(seed: 42).text != HostileDraft(seed: 43).text)
  }

  @Test("every input that ever failed now passes")
  func regressionsPass() throws {
    #expect(FuzzTests.regressionNames.count >= 3)
    for name in FuzzTests.regressionNames {
      let data = try Data(contentsOf: FuzzTests.regressions.appendingPathComponent(name))
      let problems = ParserOracle.problems(in: String(decoding: data, as: UTF8.self))
      #expect(problems.isEmpty, "\(name): \(problems.prefix(3))")
    }
  }

  @Test(
    "the oracle's grammar reads markers as the issue describes them",
    arguments: [
      ("-\ta)\tx", true), ("7.\tThe", true), ("(a)\tx", true), ("43000. x", true), ("1.", true),
      ("\u{FEFF}1. x", true), ("b bis) x", true), ("(mmmdccclxxxviii) x", true), ("7.5 tonnes", false),
      ("b)text", false), ("(7) x", false), ("- 7. x", false), ("ab) x", false), ("A) x", false),
    ])
  func grammar(line: String, marker: Bool) {
    #expect(MarkerGrammar.looksLikeMarker(line) == marker)
  }
}
