import Foundation
import GitStore
import Testing

@testable import AmendKit

/// The cache of decoded records: what goes in comes out field for field, from memory and from its
/// file, and a torn file costs only a miss.
@Suite struct RecordCacheTests {
  static let blob = ObjectID(hex: "0123456789abcdef0123456789abcdef01234567")
  static let other = ObjectID(hex: "89abcdef0123456789abcdef0123456789abcdef")

  static var proposal: ProposalRecord { .sample }
}

extension ProposalRecord {
  /// A proposal with every field set.
  static var sample: ProposalRecord {
    var record = ProposalRecord(
      id: "4c5d14be", draft: 7, clause: "7.b",
      operation: .replaceWords(words: "forced labor", with: "forced labour", occurrence: 2),
      delegation: "European Union", email: "eu@delegations.invalid", cosponsors: ["Brazil", "Chile"],
      tabled: "2010-10-12T14:05:00Z", tabledBy: "Secretariat <secretariat@example.org>",
      textBefore: "taking measures to combat trafficking and forced labor;", textProposed: "… forced labour; «é»",
      rationale: "Spelling.\n\nSecond paragraph.")
    record.operation.position = "after"
    record.operation.text = "text"
    record.operation.follow = "7.a"
    record.operation.option = 2
    record.takenUpFrom = "0badf00d"
    record.late = true
    record.throughout = ["7.b", "9"]
    record.to = "1234abcd"
    return record
  }
}

extension RecordCacheTests {
  static var event: EventRecord {
    var event = EventRecord(id: "abcdef012345", seq: 12, kind: .accepted, time: "2010-10-13T09:00:00Z")
    (event.proposal, event.by, event.onBehalfOf, event.session) = ("4c5d14be", "Chair", "Brazil", "s-1")
    (event.sessionName, event.chair, event.date, event.asRevised) = ("First", "Chair", "2010-10-13", "text")
    (event.note, event.draft, event.applied) = ("", 8, ["4c5d14be"])
    (event.clause, event.textBefore, event.textProposed, event.rationale) = ("7.b", "before", "after «é»", "Why.")
    event.operation = ProposalRecord.sample.operation
    event.deadline = "2010-10-12T18:00:00Z"
    event.subAmendment = "1234abcd"
    return event
  }

  static let table = NumberingTable(
    from: 7, to: 8, changes: [.init(old: "7.c", new: "7.d"), .init(old: nil, new: "7.c", proposal: "b2a0b418")])

  @Test func everyFieldSurvivesTheFile() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/amend/records.cache"
    let (blob, other) = (try #require(Self.blob), try #require(Self.other))
    let writer = RecordCache(path: path)
    _ = try writer.proposal(blob) { Self.proposal }
    _ = try writer.event(other) { Self.event }
    _ = try writer.numbering(other) { Self.table }
    writer.save()

    let reader = RecordCache(path: path)
    #expect(try reader.proposal(blob) { throw NotCached() } == Self.proposal)
    #expect(try reader.event(other) { throw NotCached() } == Self.event)
    #expect(try reader.numbering(other) { throw NotCached() } == Self.table)
  }

  @Test func aTornFileIsAMissNotAnError() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/records.cache"
    let blob = try #require(Self.blob)
    let writer = RecordCache(path: path)
    _ = try writer.proposal(blob) { Self.proposal }
    writer.save()
    let whole = try #require(FileManager.default.contents(atPath: path))
    try whole.prefix(whole.count - 3).write(to: URL(fileURLWithPath: path))

    var decoded = false
    let record = try RecordCache(path: path).proposal(blob) {
      decoded = true
      return Self.proposal
    }
    #expect(decoded)
    #expect(record == Self.proposal)
  }

  /// A new field in a record must reach the cache's coder, or cached records would come back without it.
  @Test func theCoderKnowsEveryField() {
    #expect(Mirror(reflecting: Self.proposal).children.count == 16, "update RecordCacheCoding and RecordCache.format")
    #expect(Mirror(reflecting: Self.proposal.operation).children.count == 8, "update RecordCacheCoding and RecordCache.format")
    #expect(Mirror(reflecting: Self.event).children.count == 22, "update RecordCacheCoding and RecordCache.format")
    #expect(Mirror(reflecting: Self.table).children.count == 3, "update RecordCacheCoding and RecordCache.format")
    #expect(Mirror(reflecting: Self.table.changes[0]).children.count == 3, "update RecordCacheCoding and RecordCache.format")
  }
}

/// Thrown by a decoder a cache hit must never call.
private struct NotCached: Error {}
