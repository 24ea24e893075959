import DraftText
import Foundation
import Testing

/// Parse then render gives back every byte of every real text, and the clause ids found in each
/// match the listing checked by eye and kept under Golden/.
@Suite("Golden files")
struct GoldenTests {
  /// The tests below take their cases from ../shared: without it they would have none, and pass.
  @Test("the seed and every real text with a golden listing are present in ../shared")
  func realCasesPresent() throws {
    try #require(
      FileManager.default.fileExists(atPath: Fixtures.seed.path), "no seed at \(Fixtures.seed.path)")
    let listed = try FileManager.default.contentsOfDirectory(atPath: Fixtures.golden.path)
      .filter { $0.hasSuffix(".ids") }.map { String($0.dropLast(".ids".count)) }
      .filter { $0 != Fixtures.seed.lastPathComponent }
    try #require(listed.count >= 5, "the golden listings are missing")
    try #require(
      Set(Fixtures.realCases) == Set(listed),
      "real cases in \(Fixtures.shared.path)/realcases: \(Fixtures.realCases); golden listings: \(listed.sorted())")
  }

  @Test("parse then render reproduces the file byte for byte", arguments: Fixtures.allTexts)
  func roundTrip(name: String) throws {
    let data = try Fixtures.data(name)
    let draft = try Draft(parsing: String(decoding: data, as: UTF8.self))
    #expect(Data(draft.render().utf8) == data)
  }

  @Test("clause ids match the golden listing", arguments: Fixtures.allTexts)
  func idListing(name: String) throws {
    let listing = Fixtures.idListing(try Fixtures.draft(name))
    let golden = Fixtures.golden.appendingPathComponent("\(name).ids")
    if ProcessInfo.processInfo.environment["DRAFTTEXT_WRITE_GOLDEN"] == "1" {
      try listing.write(to: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(listing == expected)
  }

  @Test("every real text parses from its bytes too", arguments: Fixtures.allTexts)
  func parsesFromData(name: String) throws {
    let data = try Fixtures.data(name)
    #expect(try Draft(parsingData: data).render() == String(decoding: data, as: UTF8.self))
  }
}
