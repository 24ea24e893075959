import DraftText
import GitStore

/// What a workspace remembers between the snapshots it reads, keyed by blob id so that nothing it
/// holds can be out of date: records already decoded (also kept on disk, see `RecordCache`) and
/// drafts already parsed. A process that runs many commands, such as the benchmarks' generator or a
/// test, then parses the current draft once rather than once per command.
final class SnapshotMemory {
  let records: RecordCache
  /// What accept's last trial of the accepted changes made (AcceptedChange.apply).
  let trial = TrialMemory()
  private var drafts: [ObjectID: ParsedDraft] = [:]
  /// Parsed drafts kept at most: the current draft and a few before it.
  private static let draftsKept = 8

  struct ParsedDraft {
    var text: String
    var draft: Draft
  }

  init(records: RecordCache) {
    self.records = records
  }

  /// The draft parsed from blob `id`, if it has been.
  func draft(_ id: ObjectID) -> ParsedDraft? { drafts[id] }

  func remember(_ parsed: ParsedDraft, for id: ObjectID) {
    if drafts.count >= Self.draftsKept { drafts.removeAll() }
    drafts[id] = parsed
  }
}
