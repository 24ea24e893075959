import DraftText
import Foundation
import GitStore

/// One clause of one version of a draft, as the history reads it: every string a number in the
/// cache's table of strings, so that versions share what they do not change and clauses compare
/// as integers.
struct ClauseSlot: Equatable, Sendable {
  var text: Int32
  var id: Int32
  var eId: Int32
  var marker: Int32
  /// The 1-based line where the clause starts.
  var line: Int32
  var kind: UInt8

  static let kinds: [Clause.Kind] = [.preambular, .articleText, .paragraph, .subparagraph, .item]

  /// Equal for clauses of the same kind and words: what a version's clauses are matched by.
  var matchKey: Int64 { Int64(text) << 3 | Int64(kind) }
}

/// A clause of one version with its strings, for reports.
struct ClauseState: Equatable {
  var kind: Clause.Kind
  var id: ClauseID
  var eId: String
  var marker: String
  var text: String
  var line: Int
}

/// The clauses of every version of a draft file already parsed, by the id of the blob they were read
/// from: `history`, `blame` and `diff` read every version of the draft along the branch, and parsing
/// them is what that costs (about 10 ms a version at 500 clauses; 1,318 versions at M).
///
/// A blob id names its exact bytes, so what was parsed from it stands for ever: the cache can miss,
/// never be stale, as long as the parser reads the same bytes the same way. The file records a
/// fingerprint of the parser (the clauses it reads from a sample text) and the cache's format, and is
/// ignored when either differs. It lives in the git directory (`amend/clauses-vN.cache`), is derived,
/// never committed, and can be deleted at any time; a file that is cut short, does not check or does
/// not match is ignored whole and written again. Failing to read or write it never fails a command.
///
/// The file is one checked chunk (`RecordCacheCoding`'s magic, length, payload, checksum): the table
/// of strings, then each blob with its clauses (string numbers, line, kind) or the reason it did not
/// parse. Whole versions are never kept: a version is its slots, and strings are stored once.
final class DraftClauseCache {
  /// Bump when the layout below or `ClauseSlot` changes.
  static let format: UInt32 = 2
  static let magic: UInt32 = 0x414D_5431  // "AMT1"

  /// What a blob held.
  enum Content: Equatable {
    case clauses([ClauseSlot])
    /// The parser's error, as the history reports it.
    case unreadable(String)
  }

  private let path: String?
  private(set) var strings: [String] = []
  private var numbers: [String: Int32] = [:]
  private var blobs: [ObjectID: Content] = [:]
  /// Commits already walked: first parent and `drafts` folder, so that a walk reads only new ones.
  private var knownCommits: [ObjectID: KnownCommit] = [:]
  private var loaded = false
  private var unsaved = false
  /// How many blobs were parsed rather than found, for tests and measurements.
  private(set) var parsed = 0

  /// A cache kept in the file at `path`; nil keeps it in memory only.
  init(path: String?) {
    self.path = path
  }

  /// A cache kept in `repository`'s git directory.
  convenience init(repository: Repository) {
    self.init(path: repository.gitDirectory + "/amend/clauses-v\(Self.format).cache")
  }

  /// The clauses of blob `id`, parsed from `read()` the first time.
  func content(of id: ObjectID, read: () throws -> Data) rethrows -> Content {
    load()
    if let known = blobs[id] { return known }
    let data = try read()
    let content: Content
    do {
      content = .clauses(try Draft(parsingData: data).clauses.map(slot))
    } catch {
      content = .unreadable("\(error)")
    }
    parsed += 1
    blobs[id] = content
    unsaved = true
    return content
  }

  /// The commits walked before, for `Repository.firstParentLine`.
  var commits: [ObjectID: KnownCommit] {
    load()
    return knownCommits
  }

  /// Keeps what `walk` read of each commit, for the next walk.
  func remember(_ walk: FirstParentLine) {
    load()
    for (index, commit) in walk.commits.enumerated() where knownCommits[commit] == nil {
      knownCommits[commit] = KnownCommit(parent: walk.parents[index], folder: walk.folders[index])
      unsaved = true
    }
  }

  func string(_ number: Int32) -> String { strings[Int(number)] }

  func state(_ slot: ClauseSlot) -> ClauseState {
    ClauseState(
      kind: ClauseSlot.kinds[Int(slot.kind)], id: ClauseID(rawValue: string(slot.id)), eId: string(slot.eId),
      marker: string(slot.marker), text: string(slot.text), line: Int(slot.line))
  }

  private func slot(_ clause: Clause) -> ClauseSlot {
    ClauseSlot(
      text: number(clause.text), id: number(clause.id.rawValue), eId: number(clause.eId), marker: number(clause.marker),
      line: Int32(clamping: clause.line), kind: UInt8(ClauseSlot.kinds.firstIndex(of: clause.kind) ?? 0))
  }

  private func number(_ string: String) -> Int32 {
    if let known = numbers[string] { return known }
    let next = Int32(strings.count)
    strings.append(string)
    numbers[string] = next
    return next
  }

  // MARK: The file

  /// Writes the whole cache when something was parsed since it was read, through a rename so that a
  /// reader sees the old file or the new one.
  func save() {
    guard let path, unsaved else { return }
    unsaved = false
    let data = encoded()
    let folder = (path as NSString).deletingLastPathComponent
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
    let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
    if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
  }

  /// Reads the file once; anything that does not read whole and check is ignored.
  private func load() {
    guard !loaded else { return }
    loaded = true
    guard let path, let data = FileManager.default.contents(atPath: path), let decoded = Self.decoded(data) else { return }
    let (strings, blobs, commits) = decoded
    knownCommits = commits
    self.strings = strings
    numbers = Dictionary(strings.enumerated().map { ($0.element, Int32($0.offset)) }, uniquingKeysWith: { first, _ in first })
    self.blobs = blobs
  }

  func encoded() -> Data {
    var payload = RecordCacheCoding.Writer()
    payload.uint32(Self.format)
    payload.uint32(Self.parserFingerprint)
    payload.uint32(UInt32(strings.count))
    for string in strings { payload.string(string) }
    payload.uint32(UInt32(blobs.count))
    for (id, content) in blobs.sorted(by: { $0.key.hex < $1.key.hex }) {
      payload.string(id.hex)
      switch content {
      case .unreadable(let reason):
        payload.byte(0)
        payload.string(reason)
      case .clauses(let slots):
        payload.byte(1)
        payload.uint32(UInt32(slots.count))
        for slot in slots {
          for field in [slot.text, slot.id, slot.eId, slot.marker, slot.line] { payload.uint32(UInt32(bitPattern: field)) }
          payload.byte(slot.kind)
        }
      }
    }
    payload.uint32(UInt32(knownCommits.count))
    for (id, known) in knownCommits.sorted(by: { $0.key.hex < $1.key.hex }) {
      payload.string(id.hex)
      payload.byte((known.parent == nil ? 0 : 1) | (known.folder == nil ? 0 : 2))
      if let parent = known.parent { payload.string(parent.hex) }
      if let folder = known.folder { payload.string(folder.hex) }
    }
    var chunk = RecordCacheCoding.Writer()
    chunk.uint32(Self.magic)
    chunk.uint32(UInt32(payload.bytes.count))
    chunk.bytes += payload.bytes
    chunk.uint32(payload.bytes.withUnsafeBytes { RecordCacheCoding.checksum($0) })
    return chunk.data
  }

  /// The strings, blobs and commits of a whole, checked file of this format and parser; nil otherwise.
  static func decoded(_ data: Data) -> ([String], [ObjectID: Content], [ObjectID: KnownCommit])? {
    var file = RecordCacheCoding.Reader(data)
    guard file.uint32() == magic, let length = file.uint32(), let bytes = file.bytes(Int(length)),
      let sum = file.uint32(), sum == RecordCacheCoding.checksum(bytes), file.remaining == 0
    else { return nil }
    var reader = RecordCacheCoding.Reader(bytes)
    guard reader.uint32() == format, reader.uint32() == parserFingerprint, let count = reader.uint32(),
      Int(count) <= reader.remaining
    else { return nil }
    var strings: [String] = []
    strings.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let string = reader.string() else { return nil }
      strings.append(string)
    }
    guard let blobCount = reader.uint32(), Int(blobCount) <= reader.remaining else { return nil }
    var blobs: [ObjectID: Content] = [:]
    blobs.reserveCapacity(Int(blobCount))
    let limit = UInt32(strings.count)
    for _ in 0..<blobCount {
      guard let hex = reader.string(), let id = ObjectID(hex: hex), let status = reader.byte() else { return nil }
      if status == 0 {
        guard let reason = reader.string() else { return nil }
        blobs[id] = .unreadable(reason)
        continue
      }
      guard status == 1, let slotCount = reader.uint32(), Int(slotCount) <= reader.remaining / 21 else { return nil }
      var slots: [ClauseSlot] = []
      slots.reserveCapacity(Int(slotCount))
      for _ in 0..<slotCount {
        guard let text = reader.uint32(), let clauseID = reader.uint32(), let eId = reader.uint32(), let marker = reader.uint32(),
          let line = reader.uint32(), let kind = reader.byte(),
          text < limit, clauseID < limit, eId < limit, marker < limit, Int(kind) < ClauseSlot.kinds.count
        else { return nil }
        slots.append(
          ClauseSlot(
            text: Int32(text), id: Int32(clauseID), eId: Int32(eId), marker: Int32(marker), line: Int32(bitPattern: line),
            kind: kind))
      }
      blobs[id] = .clauses(slots)
    }
    guard let commitCount = reader.uint32(), Int(commitCount) <= reader.remaining else { return nil }
    var commits: [ObjectID: KnownCommit] = [:]
    commits.reserveCapacity(Int(commitCount))
    for _ in 0..<commitCount {
      guard let hex = reader.string(), let id = ObjectID(hex: hex), let flags = reader.byte(), flags < 4 else { return nil }
      var known = KnownCommit(parent: nil, folder: nil)
      if flags & 1 != 0 {
        guard let parent = reader.string().flatMap(ObjectID.init(hex:)) else { return nil }
        known.parent = parent
      }
      if flags & 2 != 0 {
        guard let folder = reader.string().flatMap(ObjectID.init(hex:)) else { return nil }
        known.folder = folder
      }
      commits[id] = known
    }
    return reader.remaining == 0 ? (strings, blobs, commits) : nil
  }

  /// What the parser reads from a sample that exercises every kind of clause, hashed: a parser that
  /// reads it otherwise (a new rule for markers, ids or eIds) makes older files unreadable, so that
  /// nothing parsed by an older amend is taken for what this one would read.
  static let parserFingerprint: UInt32 = {
    let sample = """
      Subject of the sample
      Seventh draft of the sample
      12 October 2010

      The General Assembly,

      Recalling its resolutions,

      1. Decides that:
         a) the first, and
         b) the second:
            (i) an item;
            (ii) another;
      2bis. Notes;
      - c) a dashed one;

      ## Article 4

      Text of the article.

      1. A paragraph of the article.

      """
    var fields = RecordCacheCoding.Writer()
    for clause in (try? Draft(parsing: sample))?.clauses ?? [] {
      for field in [clause.kind.rawValue, clause.id.rawValue, clause.eId, clause.marker, clause.text, "\(clause.line)"] {
        fields.string(field)
      }
    }
    return RecordCacheCoding.checksum(fields.data)
  }()
}
