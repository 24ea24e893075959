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
  static let format = 5
  /// Chunks the file may grow to before it is rewritten as one.
  static let chunksBeforeRewrite = 64

  private let path: String?
  private var loaded = false
  private var chunks = 0
  /// Kept by blob and kind, so that the same bytes read as two kinds of record never mix.
  private var records: [Key: RecordCacheCoding.Record] = [:]

  private struct Key: Hashable {
    var blob: ObjectID
    var kind: Kind
  }

  private enum Kind {
    case proposal, event, numbering

    init(_ record: RecordCacheCoding.Record) {
      switch record {
      case .proposal: self = .proposal
      case .event: self = .event
      case .numbering: self = .numbering
      }
    }
  }

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
    if case .proposal(let known)? = try cached(Key(blob: id, kind: .proposal), decode: { .proposal(try decode()) }) {
      return known
    }
    return try decode()
  }

  /// The event stored in blob `id`, decoded by `decode` the first time it is asked for.
  func event(_ id: ObjectID, decode: () throws -> EventRecord) throws -> EventRecord {
    if case .event(let known)? = try cached(Key(blob: id, kind: .event), decode: { .event(try decode()) }) { return known }
    return try decode()
  }

  /// The numbering table stored in blob `id`, decoded by `decode` until it gives one.
  func numbering(_ id: ObjectID, decode: () throws -> NumberingTable?) throws -> NumberingTable? {
    if case .numbering(let known)? = try cached(Key(blob: id, kind: .numbering), decode: { try decode().map { .numbering($0) } }) {
      return known
    }
    return nil
  }

  /// The record under `key`: from memory or the file, else decoded and kept for the next save.
  private func cached(_ key: Key, decode: () throws -> RecordCacheCoding.Record?) throws -> RecordCacheCoding.Record? {
    load()
    if let known = records[key] { return known }
    guard let record = try decode() else { return nil }
    records[key] = record
    unsaved.append((key.blob.hex, record))
    return record
  }

  /// Writes what was decoded since the last save: appended as one chunk, or the whole cache
  /// rewritten as one chunk when the file has grown long.
  func save() {
    guard let path, !unsaved.isEmpty else { return }
    let rewrite = chunks + 1 > Self.chunksBeforeRewrite
    let entries =
      rewrite
      ? records.map { ($0.key.blob.hex, $0.value) }
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
      if let id = ObjectID(hex: blob) { records[Key(blob: id, kind: Kind(record))] = record }
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
