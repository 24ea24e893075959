import Foundation

extension Workspace {
  /// A new event record of `kind`, next in `ledger`'s order: its id derived from `content` and the
  /// nonce (so clones recording apart never clash), its time now unless `time` is given. Every event
  /// — a withdrawal, a session opened or closed, a decision, a draft produced — begins here.
  func newEvent(
    _ kind: EventRecord.Kind, content: String, after ledger: Ledger, at time: Date? = nil
  ) throws
    -> EventRecord
  {
    let id = try newID(content, length: 12, attempt: ledger.nextSeq)
    return EventRecord(id: id, seq: ledger.nextSeq, kind: kind, time: Context.timestamp(time ?? context.now()))
  }
}

extension EventRecord {
  /// The one file that records the event, as a commit writes it: its path and its YAML.
  func file() throws -> [String: Data?] {
    [Self.path(for: id): Data(try RecordCoding.encode(self).utf8)]
  }
}
