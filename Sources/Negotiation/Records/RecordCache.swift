import Foundation
import GitStore

/// Proposals, events and numbering tables already decoded, by the id of the blob they were read from.
///
/// Every command folds every record, and decoding YAML is what that costs (a millisecond a record,
/// seconds at 4,000 proposals). A record's blob id names its exact bytes, so a record decoded once
/// stands for that blob for ever: the cache can only miss, never be stale. It is kept in memory for
/// the life of a `Workspace`, and in a file under the git directory (`amend/records-vN.cache`) so
/// that the next process finds it; it is derived, never committed, and can be deleted at any time.
///
/// The file is a run of chunks (`RecordCacheCoding`), one appended by each process that decoded
/// something new, and the whole rewritten as one chunk now and then. A chunk that does not read (a
/// torn write) ends the reading: what it held is decoded again. Failing to read or write the file
/// never fails a command.
final class RecordCache {
  /// Bump when `ProposalRecord`, `OperationRecord`, `EventRecord` or `NumberingTable` gain, lose or
  /// rename a field (and change `RecordCacheCoding` to match), so that an older file is not read.
  static let format = 2
  /// Chunks the file may grow to before it is rewritten as one.
  static let chunksBeforeRewrite = 64

  private let path: String?
  private var loaded = false
  private var chunks = 0
  private var proposals: [ObjectID: ProposalRecord] = [:]
  private var events: [ObjectID: EventRecord] = [:]
  private var numberings: [ObjectID: NumberingTable] = [:]
  private var unsaved: [(blob: String, record: RecordCacheCoding.Record)] = []

  /// A cache kept in the file at `path`; nil keeps it in memory only.
  init(path: String?) {
    self.path = path
  }

  /// A cache kept in `repository`'s git directory.
  convenience init(repository: Repository) {
    self.init(path: repository.gitDirectory + "/amend/records-v\(Self.format).cache")
  }

  /// The proposal stored in blob `id`, decoded by `decode` the first time it is asked for.
  func proposal(_ id: ObjectID, decode: () throws -> ProposalRecord) throws -> ProposalRecord {
    load()
    if let known = proposals[id] { return known }
    let record = try decode()
    proposals[id] = record
    unsaved.append((id.hex, .proposal(record)))
    return record
  }

  /// The event stored in blob `id`, decoded by `decode` the first time it is asked for.
  func event(_ id: ObjectID, decode: () throws -> EventRecord) throws -> EventRecord {
    load()
    if let known = events[id] { return known }
    let record = try decode()
    events[id] = record
    unsaved.append((id.hex, .event(record)))
    return record
  }

  /// The numbering table stored in blob `id`, decoded by `decode` until it gives one.
  func numbering(_ id: ObjectID, decode: () throws -> NumberingTable?) throws -> NumberingTable? {
    load()
    if let known = numberings[id] { return known }
    guard let table = try decode() else { return nil }
    numberings[id] = table
    unsaved.append((id.hex, .numbering(table)))
    return table
  }

  /// Writes what was decoded since the last save: appended as one chunk, or the whole cache
  /// rewritten as one chunk when the file has grown long.
  func save() {
    guard let path, !unsaved.isEmpty else { return }
    let rewrite = chunks + 1 > Self.chunksBeforeRewrite
    let entries =
      rewrite
      ? proposals.map { ($0.key.hex, RecordCacheCoding.Record.proposal($0.value)) }
        + events.map { ($0.key.hex, RecordCacheCoding.Record.event($0.value)) }
        + numberings.map { ($0.key.hex, RecordCacheCoding.Record.numbering($0.value)) }
      : unsaved
    let chunk = RecordCacheCoding.chunk(entries)
    guard rewrite ? Self.replace(path, with: chunk) : Self.append(chunk, to: path) else { return }
    chunks = rewrite ? 1 : chunks + 1
    unsaved = []
  }

  /// Reads the file once.
  private func load() {
    guard !loaded else { return }
    loaded = true
    guard let path, let data = FileManager.default.contents(atPath: path) else { return }
    let (entries, count) = RecordCacheCoding.entries(in: data)
    chunks = count
    for (blob, record) in entries {
      guard let id = ObjectID(hex: blob) else { continue }
      switch record {
      case .proposal(let proposal): proposals[id] = proposal
      case .event(let event): events[id] = event
      case .numbering(let table): numberings[id] = table
      }
    }
  }

  /// Appends `chunk` in one write, so that processes appending at once do not interleave within it.
  private static func append(_ chunk: Data, to path: String) -> Bool {
    guard makeFolder(for: path) else { return false }
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    let written = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    return written == chunk.count
  }

  /// Replaces the file by `chunk` through a rename, so that a reader sees the old or the new one.
  private static func replace(_ path: String, with chunk: Data) -> Bool {
    guard makeFolder(for: path) else { return false }
    let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: chunk) else { return false }
    guard rename(temporary, path) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      return false
    }
    return true
  }

  private static func makeFolder(for path: String) -> Bool {
    let folder = (path as NSString).deletingLastPathComponent
    return (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
  }
}
