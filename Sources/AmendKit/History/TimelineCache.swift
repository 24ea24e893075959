import DraftText
import Foundation
import GitStore

/// What a timeline read, up to the commit it ended at: enough to go on from there.
struct TimelineState: Equatable {
  /// The commit the timeline was read up to.
  var tip: ObjectID
  /// The `drafts` folder's tree at `tip`, and the draft files in it (path → blob).
  var drafts: ObjectID?
  var listing: [String: ObjectID] = [:]
  /// The last version of each draft file in `listing`.
  var current: [String: Int] = [:]
  var threadCount = 0
  var problems: [String] = []
  var strings: [String]
  var versions: [TimelineVersion] = []
  var whole: [Int: WholeVersion] = [:]

  static func == (left: TimelineState, right: TimelineState) -> Bool {
    left.tip == right.tip && left.drafts == right.drafts && left.listing == right.listing && left.current == right.current
      && left.threadCount == right.threadCount && left.problems == right.problems && left.strings == right.strings
      && left.whole == right.whole && left.versions.count == right.versions.count
      && zip(left.versions, right.versions).allSatisfy { $0.sameVersion(as: $1) }
  }
}

/// The timeline kept between runs in the git directory (`amend/timeline-vN.cache`), so that `history`,
/// `blame` and `diff` read only the commits made since the last run and parse only the versions those
/// commits wrote.
///
/// It is derived and never stale: it names the commit it was read up to, and a run whose branch does
/// not contain that commit (a reset, another branch) reads the whole line again. It records a
/// fingerprint of the parser (the clauses it reads from a sample text) and its format, and is ignored
/// when either differs. It is never committed and can be deleted at any time; a file that is cut
/// short, does not check or does not match is ignored whole and written again, through a rename so
/// that a reader sees the old file or the new one. Failing to read or write it never fails a command.
///
/// The file is one checked chunk (`RecordCacheCoding`'s magic, length, payload, checksum). Its size
/// grows with the changes made to the drafts, not with versions × clauses.
struct TimelineCache {
  /// Bump when the layout below, `ClauseSlot` or `TimelineVersion` changes.
  static let format: UInt32 = 3
  static let magic: UInt32 = 0x414D_5432  // "AMT2"

  let path: String

  /// The cache of `repository`'s git directory.
  init(repository: Repository) {
    path = repository.gitDirectory + "/amend/timeline-v\(Self.format).cache"
  }

  init(path: String) {
    self.path = path
  }

  func read() -> TimelineState? {
    FileManager.default.contents(atPath: path).flatMap(Self.decoded)
  }

  func write(_ state: TimelineState) {
    let data = Self.encoded(state)
    let folder = (path as NSString).deletingLastPathComponent
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
    let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
    if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
  }

  // MARK: The file

  static func encoded(_ state: TimelineState) -> Data {
    var payload = RecordCacheCoding.Writer()
    payload.uint32(format)
    payload.uint32(DraftClauseCache.parserFingerprint)
    payload.string(state.tip.hex)
    payload.optional(state.drafts?.hex)
    payload.uint32(UInt32(state.threadCount))
    payload.strings(state.problems)
    payload.strings(state.strings)
    payload.uint32(UInt32(state.listing.count))
    for (path, blob) in state.listing.sorted(by: { $0.key < $1.key }) {
      payload.string(path)
      payload.string(blob.hex)
    }
    payload.uint32(UInt32(state.current.count))
    for (path, index) in state.current.sorted(by: { $0.key < $1.key }) {
      payload.string(path)
      payload.uint32(UInt32(index))
    }
    payload.uint32(UInt32(state.versions.count))
    for version in state.versions {
      payload.string(version.file.path)
      payload.string(version.blob.hex)
      payload.string(version.commit.hex)
      payload.uint32(version.previous.map { UInt32($0) } ?? UInt32.max)
      payload.byte((version.startsFile ? 1 : 0) | (version.merge ? 2 : 0))
      payload.uint32(UInt32(version.changed.count))
      for (thread, slot) in version.changed.sorted(by: { $0.key < $1.key }) {
        payload.uint32(UInt32(bitPattern: thread))
        write(slot, to: &payload)
      }
      for threads in [version.moved, version.dropped] {
        payload.uint32(UInt32(threads.count))
        for thread in threads.sorted() { payload.uint32(UInt32(bitPattern: thread)) }
      }
    }
    payload.uint32(UInt32(state.whole.count))
    for (index, version) in state.whole.sorted(by: { $0.key < $1.key }) {
      payload.uint32(UInt32(index))
      payload.uint32(UInt32(version.slots.count))
      for (slot, thread) in zip(version.slots, version.threads) {
        write(slot, to: &payload)
        payload.uint32(UInt32(bitPattern: thread))
      }
    }
    var chunk = RecordCacheCoding.Writer()
    chunk.uint32(magic)
    chunk.uint32(UInt32(payload.bytes.count))
    chunk.bytes += payload.bytes
    chunk.uint32(payload.bytes.withUnsafeBytes { RecordCacheCoding.checksum($0) })
    return chunk.data
  }

  private static func write(_ slot: ClauseSlot, to writer: inout RecordCacheCoding.Writer) {
    for field in [slot.text, slot.id, slot.eId, slot.marker, slot.line] { writer.uint32(UInt32(bitPattern: field)) }
    writer.byte(slot.kind)
  }

  /// The state in a whole, checked file of this format and parser; nil otherwise.
  static func decoded(_ data: Data) -> TimelineState? {
    var file = RecordCacheCoding.Reader(data)
    guard file.uint32() == magic, let length = file.uint32(), let bytes = file.bytes(Int(length)),
      let sum = file.uint32(), sum == RecordCacheCoding.checksum(bytes), file.remaining == 0
    else { return nil }
    var reader = RecordCacheCoding.Reader(bytes)
    guard reader.uint32() == format, reader.uint32() == DraftClauseCache.parserFingerprint,
      let tip = reader.string().flatMap(ObjectID.init(hex:)), let drafts = reader.optionalString(),
      let threadCount = reader.uint32(), let problems = reader.strings(), let strings = reader.strings()
    else { return nil }
    var state = TimelineState(tip: tip, strings: strings)
    if let drafts {
      guard let id = ObjectID(hex: drafts) else { return nil }
      state.drafts = id
    }
    state.threadCount = Int(threadCount)
    state.problems = problems
    let limit = UInt32(strings.count)
    func slot() -> ClauseSlot? {
      guard let text = reader.uint32(), let id = reader.uint32(), let eId = reader.uint32(), let marker = reader.uint32(),
        let line = reader.uint32(), let kind = reader.byte(),
        text < limit, id < limit, eId < limit, marker < limit, Int(kind) < ClauseSlot.kinds.count
      else { return nil }
      return ClauseSlot(
        text: Int32(text), id: Int32(id), eId: Int32(eId), marker: Int32(marker), line: Int32(bitPattern: line), kind: kind)
    }
    func count() -> Int? {
      guard let value = reader.uint32(), Int(value) <= reader.remaining else { return nil }
      return Int(value)
    }
    guard let listed = count() else { return nil }
    for _ in 0..<listed {
      guard let path = reader.string(), let blob = reader.string().flatMap(ObjectID.init(hex:)) else { return nil }
      state.listing[path] = blob
    }
    guard let currents = count() else { return nil }
    for _ in 0..<currents {
      guard let path = reader.string(), let index = reader.uint32() else { return nil }
      state.current[path] = Int(index)
    }
    guard let versionCount = count() else { return nil }
    state.versions.reserveCapacity(versionCount)
    for _ in 0..<versionCount {
      guard let path = reader.string(), let file = DraftFile.parse(name: String(path.dropFirst("drafts/".count))),
        let blob = reader.string().flatMap(ObjectID.init(hex:)), let commit = reader.string().flatMap(ObjectID.init(hex:)),
        let previous = reader.uint32(), let starts = reader.byte(), starts < 4, let changedCount = count()
      else { return nil }
      guard previous == UInt32.max || Int(previous) < state.versions.count else { return nil }
      var changed: [Int32: ClauseSlot] = [:]
      changed.reserveCapacity(changedCount)
      for _ in 0..<changedCount {
        guard let thread = reader.uint32(), let slot = slot() else { return nil }
        changed[Int32(bitPattern: thread)] = slot
      }
      var sets: [Set<Int32>] = []
      for _ in 0..<2 {
        guard let setCount = count() else { return nil }
        var threads: Set<Int32> = []
        for _ in 0..<setCount {
          guard let thread = reader.uint32() else { return nil }
          threads.insert(Int32(bitPattern: thread))
        }
        sets.append(threads)
      }
      state.versions.append(
        TimelineVersion(
          file: file, blob: blob, commit: commit, previous: previous == UInt32.max ? nil : Int(previous),
          startsFile: starts & 1 != 0, merge: starts & 2 != 0, changed: changed, moved: sets[0], dropped: sets[1]))
    }
    guard let wholeCount = count() else { return nil }
    for _ in 0..<wholeCount {
      guard let index = reader.uint32(), Int(index) < state.versions.count, let slotCount = count() else { return nil }
      var version = WholeVersion(slots: [], threads: [])
      version.slots.reserveCapacity(slotCount)
      version.threads.reserveCapacity(slotCount)
      for _ in 0..<slotCount {
        guard let slot = slot(), let thread = reader.uint32() else { return nil }
        version.slots.append(slot)
        version.threads.append(Int32(bitPattern: thread))
      }
      state.whole[Int(index)] = version
    }
    guard reader.remaining == 0, state.current.values.allSatisfy({ $0 < state.versions.count && state.whole[$0] != nil })
    else { return nil }
    return state
  }
}

extension TimelineVersion {
  /// The same version, field by field (for comparing states read back).
  func sameVersion(as other: TimelineVersion) -> Bool {
    file == other.file && blob == other.blob && commit == other.commit && previous == other.previous && startsFile == other.startsFile
      && merge == other.merge && changed == other.changed && moved == other.moved && dropped == other.dropped
  }
}

extension ClauseSlot {
  /// The same clause as far as any report can tell: words, number, eId, marker and kind (not the line,
  /// which follows whatever was inserted above it).
  func sameClause(as other: ClauseSlot) -> Bool {
    text == other.text && id == other.id && eId == other.eId && marker == other.marker && kind == other.kind
  }
}
