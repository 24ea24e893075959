import DraftText
import Foundation
import GitStore
import Testing

@testable import AmendKit

@Suite("History: the parsed-clause cache, the time stamps and the trailers")
struct DraftClauseCacheTests {
  /// What the history commands print for a few clauses, as JSON: the reports compared between runs.
  func reports(_ snapshot: Snapshot) throws -> [Data] {
    var found: [Data] = []
    for clause in ["7.b", "7.c", "1", "3"] {
      found.append(try JSONOutputForTests.encode(try snapshot.clauseHistory(clause)))
      found.append(try JSONOutputForTests.encode(try snapshot.clauseBlame(clause)))
    }
    found.append(try JSONOutputForTests.encode(try snapshot.comparison(from: 7)))
    return found
  }

  func cachePath(_ snapshot: Snapshot) -> String {
    TimelineCache(repository: snapshot.repository).path
  }

  /// A timeline on `snapshot`'s cache file; how many blobs it had to parse.
  func parsedByATimeline(_ snapshot: Snapshot) throws -> Int {
    try DraftTimeline(repository: snapshot.repository, tip: snapshot.tip, cache: TimelineCache(repository: snapshot.repository))
      .clauses.parsed
  }

  /// `file` with its format or parser fingerprint changed, checked as a whole file is.
  func rechunked(_ file: Data, format: UInt32? = nil, fingerprint: UInt32? = nil) -> Data {
    var payload = Data(file.dropFirst(8).dropLast(4))
    for (offset, value) in [(0, format), (4, fingerprint)] {
      guard let value else { continue }
      withUnsafeBytes(of: value.littleEndian) { payload.replaceSubrange(offset..<(offset + 4), with: $0) }
    }
    var chunk = RecordCacheCoding.Writer()
    chunk.uint32(TimelineCache.magic)
    chunk.uint32(UInt32(payload.count))
    chunk.data.append(payload)
    chunk.uint32(RecordCacheCoding.checksum(payload))
    return chunk.data
  }

  @Test("missing, deleted, cut short, corrupt or foreign: the file is ignored, the reports are the same, and it is written again")
  func ignoredAndRebuilt() throws {
    let folder = try ScratchFolder()
    _ = try GeneratedNegotiation.make(rounds: 2, in: folder)
    let snapshot = try Workspace.open(at: folder.path, context: testContext())
      .snapshot()
    let path = cachePath(snapshot)
    try? FileManager.default.removeItem(atPath: path)

    // Cold: every version parsed, the file written; warm: nothing parsed, the same reports.
    let cold = try reports(snapshot)
    try FileManager.default.removeItem(atPath: path)
    let versions = try parsedByATimeline(snapshot)
    #expect(versions > 3)
    let written = try #require(FileManager.default.contents(atPath: path))
    let state = try #require(TimelineCache.decoded(written))
    #expect(state.tip == snapshot.tip)
    #expect(TimelineCache.decoded(TimelineCache.encoded(state)) == state)
    #expect(try parsedByATimeline(snapshot) == 0)
    #expect(try reports(snapshot) == cold)

    // Deleted: rebuilt.
    try FileManager.default.removeItem(atPath: path)
    #expect(try parsedByATimeline(snapshot) == versions)
    #expect(FileManager.default.fileExists(atPath: path))

    var flipped = written
    flipped[flipped.count / 2] ^= 0x5A
    let damaged: [(String, Data)] = [
      ("cut short", written.prefix(written.count - 9)),
      ("one byte changed", flipped),
      ("not a cache", Data("proposals: none\n".utf8)),
      ("empty", Data()),
      ("another format", rechunked(written, format: TimelineCache.format + 1)),
      ("another parser", rechunked(written, fingerprint: DraftClauseCache.parserFingerprint &+ 1)),
      ("trailing bytes", written + Data([0, 1, 2])),
    ]
    for (name, bytes) in damaged {
      try bytes.write(to: URL(fileURLWithPath: path))
      #expect(TimelineCache.decoded(bytes) == nil, "\(name)")
      #expect(try parsedByATimeline(snapshot) == versions, "\(name): the file should be ignored")
      #expect(try reports(snapshot) == cold, "\(name)")
      let again = try #require(FileManager.default.contents(atPath: path))
      #expect(TimelineCache.decoded(again) != nil, "\(name): the file should be written again")
    }
  }

  @Test("a run goes on from the last: only new versions are parsed, and the timeline is the one a fresh run reads")
  func onlyNewVersionsParsed() throws {
    let folder = try ScratchFolder()
    var negotiation = try GeneratedNegotiation.make(rounds: 1, in: folder)
    let workspace = try Workspace.open(at: folder.path, context: testContext())
    let before = try workspace.snapshot()
    _ = try reports(before)
    let known = try before.timeline().versions.count
    try negotiation.play(2, on: workspace)
    let after = try workspace.snapshot()
    let path = cachePath(after)
    let extended = try DraftTimeline(repository: after.repository, tip: after.tip, cache: TimelineCache(repository: after.repository))
    #expect(extended.versions.count > known)
    #expect(extended.clauses.parsed == extended.versions.count - known)
    let goneOn = try #require(TimelineCache(path: path).read())
    // The same state as reading the whole line afresh, and the same reports.
    let warm = try reports(after)
    try FileManager.default.removeItem(atPath: path)
    _ = try DraftTimeline(repository: after.repository, tip: after.tip, cache: TimelineCache(repository: after.repository))
    #expect(try #require(TimelineCache(path: path).read()) == goneOn)
    #expect(try reports(after) == warm)
    #expect(try parsedByATimeline(after) == 0)
  }

  @Test("a branch that does not hold the kept tip is read whole, and reads as a fresh run does")
  func otherLineReadWhole() throws {
    let folder = try ScratchFolder()
    var negotiation = try GeneratedNegotiation.make(rounds: 1, in: folder)
    let workspace = try Workspace.open(at: folder.path, context: testContext())
    let early = try workspace.snapshot()
    let earlyReports = try reports(early)
    try negotiation.play(2, on: workspace)
    let late = try workspace.snapshot()
    _ = try reports(late)
    // The kept tip is the late one; the early snapshot's line does not hold it.
    #expect(try parsedByATimeline(early) > 0)
    #expect(try reports(early) == earlyReports)
  }

  @Test("whole-second time stamps are written as ISO8601DateFormatter writes them")
  func timestamps() {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    var generator = SplitMix(seed: 12)
    var seconds: [Int64] = [0, 59, 60, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 253_402_300_799]
    for _ in 0..<2_000 { seconds.append(Int64(generator.next() % 253_402_300_800)) }
    for second in seconds {
      let date = Date(timeIntervalSince1970: TimeInterval(second))
      #expect(Context.timestamp(date) == formatter.string(from: date), "\(second)")
    }
    let fraction = Date(timeIntervalSince1970: 1_290_000_000.75)
    #expect(Context.timestamp(fraction) == formatter.string(from: fraction))
  }

  @Test("trailers: paragraphs split as components(separatedBy:) splits them")
  func paragraphs() {
    let messages = [
      "", "\n", "\n\n", "\n\n\n", "a\n\n\nb", "a\n\nb\n\n", "Subject\n\nBody\n\nAmend-Event: tabled\nAmend-Proposal: p1\n",
      "Subject\r\n\r\nAmend-Event: accepted\r\n", "One: two", " \n\n \t\n\nKey: value", "é\n\n\u{301}x\n\ny: z", "a\n\u{A0}\n\nb: c",
    ]
    for message in messages {
      let text = message.replacingOccurrences(of: "\r\n", with: "\n")
      #expect(CommitTrailers.paragraphs(text).map(String.init) == text.components(separatedBy: "\n\n"), "\(message.debugDescription)")
    }
    // The scalar tests are the character sets, scalar for scalar (every space and separator is
    // below U+3100; the specials and a high plane are checked too).
    var differing: [UInt32] = []
    for value in Array(UInt32(0)...0x3100) + Array(0xFE00...0xFFFF) + Array(0xE0000...0xE0100) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if CommitTrailers.isSpace(scalar) != CharacterSet.whitespaces.contains(scalar)
        || CommitTrailers.isSpaceOrNewline(scalar) != CharacterSet.whitespacesAndNewlines.contains(scalar)
      {
        differing.append(value)
      }
    }
    #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    for text in ["  a b  ", "\u{A0}x\u{2028}", "\n\t", "", "\u{3000}key\u{85}"] {
      #expect(CommitTrailers.trimmed(Substring(text), CommitTrailers.isSpaceOrNewline) == text.trimmingCharacters(in: .whitespacesAndNewlines))
      #expect(CommitTrailers.trimmed(Substring(text), CommitTrailers.isSpace) == text.trimmingCharacters(in: .whitespaces))
    }
    let trailers = CommitTrailers(message: "Apply p1\n\nWords.\n\nAmend-Event: applied\nAmend-Proposal: p1\nAmend-Draft: 8\n")
    #expect(trailers.event == "applied" && trailers.proposal == "p1" && trailers.draft == 8)
    #expect(CommitTrailers(message: "Amend-Event: applied").event == nil)
  }
}

/// Deterministic numbers for the time stamp test.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

private enum JSONOutputForTests {
  static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(value)
  }
}
