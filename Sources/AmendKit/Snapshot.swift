import DraftText
import Foundation
import GitStore

/// The negotiation as recorded in one commit: its drafts, proposals and events, read through libgit2.
/// Parts are read when first asked for, so that tabling reads only the current draft.
public final class Snapshot {
  /// The repository read.
  public let repository: Repository
  /// The commit read; nil before anything is committed.
  public let tip: ObjectID?
  /// What the workspace already decoded and parsed, shared by its snapshots; nil reads everything afresh.
  let memory: SnapshotMemory?

  init(repository: Repository, tip: ObjectID?, memory: SnapshotMemory? = nil) {
    self.repository = repository
    self.tip = tip
    self.memory = memory
  }

  /// A snapshot whose ledger is already known (a sitting's, folded one record at a time).
  init(repository: Repository, tip: ObjectID?, memory: SnapshotMemory?, ledger: Ledger?) {
    self.repository = repository
    self.tip = tip
    self.memory = memory
    if let ledger { self.foldedLedger = .success(ledger) }
  }

  /// The ledger, if it reads.
  var knownLedger: Ledger? { try? ledger.get() }

  /// The ledger folded so far, handed over (the snapshot folds it again if asked), so that a sitting
  /// can extend it without copying it.
  func handOverLedger() -> Ledger? {
    let folded = foldedLedger
    foldedLedger = nil
    return try? folded?.get()
  }

  /// Every numbered draft, oldest first.
  public private(set) lazy var draftFiles: Result<[DraftFile], any Error> = Result {
    guard let tip else { return [] }
    return try repository.listTree(ofCommit: tip, under: "drafts")
      .compactMap { $0.kind == .blob ? DraftFile.parse(name: $0.name) : nil }
      .sorted { $0.number < $1.number }
  }

  /// The draft under negotiation: the highest-numbered one.
  public func currentDraft() throws -> DraftVersion {
    guard let file = try draftFiles.get().last else {
      throw LookupError.noDraftYet
    }
    return try draft(file)
  }

  /// The draft numbered `number`, or an error listing the ones there are.
  public func draft(number: Int) throws -> DraftVersion {
    let files = try draftFiles.get()
    guard let file = files.first(where: { $0.number == number }) else {
      throw LookupError.noSuchDraft(number, drafts: files.map(\.number))
    }
    return try draft(file)
  }

  private var parsedDrafts: [Int: DraftVersion] = [:]

  func draft(_ file: DraftFile) throws -> DraftVersion {
    if let parsed = parsedDrafts[file.number] { return parsed }
    guard let tip, let blob = try repository.blobID(at: file.path, inCommit: tip) else {
      throw RepositoryError.draftMissing(file.path)
    }
    if let known = memory?.draft(blob) {
      let version = DraftVersion(file: file, text: known.text, draft: known.draft)
      parsedDrafts[file.number] = version
      return version
    }
    guard let text = String(data: try repository.blobContent(blob), encoding: .utf8) else {
      throw RepositoryError.draftNotText(file.path)
    }
    let draft: Draft
    do {
      draft = try Draft(parsing: text)
    } catch {
      throw RepositoryError.draftUnreadable(file.path, error)
    }
    let version = DraftVersion(file: file, text: text, draft: draft)
    parsedDrafts[file.number] = version
    memory?.remember(SnapshotMemory.ParsedDraft(text: text, draft: draft), for: blob)
    return version
  }

  /// Numbering tables already read, by draft number: placing each proposal follows its clause
  /// through every table, so each is decoded once per snapshot rather than once per proposal.
  private var numberingTables: [Int: NumberingTable?] = [:]

  /// The numbering table published with draft `number`, if any.
  public func numbering(for number: Int) throws -> NumberingTable? {
    if let known = numberingTables[number] { return known }
    let table = try readNumbering(for: number)
    numberingTables[number] = .some(table)
    return table
  }

  /// Each table's changes by old id (the first change naming an id wins, as `NumberingTable.follow`
  /// finds it), so that following a clause is a lookup, not a scan.
  private var numberingIndexes: [Int: [String: String?]] = [:]

  /// Where clause `id` of draft `number - 1` stands in draft `number`: `.some(nil)` when deleted,
  /// `nil` when unchanged or when the draft has no table; the same answer as `numbering(for:)?.follow(id)`.
  func renumbered(_ id: String, inDraft number: Int) throws -> String?? {
    if let index = numberingIndexes[number] { return index[id] }
    guard let table = try numbering(for: number) else { return nil }
    let index = Dictionary(table.changes.compactMap { change in change.old.map { ($0, change.new) } }, uniquingKeysWith: { first, _ in first })
    numberingIndexes[number] = index
    return index[id]
  }

  /// Each table's new clauses by the proposal that added them.
  private var introducedIndexes: [Int: [String: String]] = [:]

  /// The id of the clause proposal `id` added in draft `number`, if that draft's table says it did.
  func introduced(by id: String, inDraft number: Int) throws -> String? {
    if let index = introducedIndexes[number] { return index[id] }
    let table = try numbering(for: number)
    let added = (table?.changes ?? []).compactMap { change -> (String, String)? in
      guard change.old == nil, let new = change.new, let proposal = change.proposal else { return nil }
      return (proposal, new)
    }
    let index = Dictionary(added, uniquingKeysWith: { first, _ in first })
    introducedIndexes[number] = index
    return index[id]
  }

  private func readNumbering(for number: Int) throws -> NumberingTable? {
    guard let tip, let file = try draftFiles.get().first(where: { $0.number == number }),
      let blob = try repository.blobID(at: file.numberingPath, inCommit: tip)
    else { return nil }
    func decode() throws -> NumberingTable? {
      guard let text = String(data: try repository.blobContent(blob), encoding: .utf8) else { return nil }
      do {
        return try RecordCoding.decode(text, path: file.numberingPath) as NumberingTable
      } catch {
        throw RecordError.unreadable(error)
      }
    }
    guard let records = memory?.records else { return try decode() }
    let table = try records.numbering(blob) { try decode() }
    records.save()
    return table
  }

  /// Whether a record already stands at `path`.
  func exists(_ path: String) throws -> Bool {
    guard let tip else { return false }
    return try repository.fileContent(at: path, inCommit: tip) != nil
  }

  /// The deadline-set record in force (the last one written), if any: found by its file's name
  /// (`deadline-…`), so tabling checks the deadline without reading every record.
  public func deadlineRecord() throws -> EventRecord? {
    guard let tip else { return nil }
    let entries = try repository.listTree(ofCommit: tip, under: "proposals/events").filter {
      $0.kind == .blob && $0.name.hasPrefix(EventRecord.deadlinePrefix)
    }
    return try entries.map(event(in:)).max { ($0.seq, $0.time, $0.id) < ($1.seq, $1.time, $1.id) }
  }

  /// The deadline in force, if one is set.
  public func deadline() throws -> Deadline? { try deadlineRecord().flatMap(Deadline.init) }

  /// Every proposal and event, folded into their present state. Unreadable records are set aside in
  /// `problems` and `damaged` (with the command that restores each), so one bad file does not stop
  /// the rest, and writers that need it can refuse.
  public var ledger: Result<Ledger, any Error> {
    if let foldedLedger { return foldedLedger }
    let folded = Result { try self.foldLedger() }
    foldedLedger = folded
    return folded
  }

  /// The ledger once folded (or handed in by a sitting).
  private var foldedLedger: Result<Ledger, any Error>?

  private func foldLedger() throws -> Ledger {
    guard let tip else { return Ledger(proposals: [], events: [], problems: []) }
    var problems: [RecordProblem] = []
    // Each record is decoded on its own, so one bad file is a problem reported, not a failure.
    func records<Record>(under folder: String, ending: String, _ decode: (TreeEntry) throws -> Record) throws -> [Record] {
      try recordEntries(under: folder, ending: ending, at: tip)
        .compactMap { entry in
          do {
            return try decode(entry)
          } catch let problem as RecordProblem {
            problems.append(problem)
            return nil
          }
        }
    }
    var paths: [String: String] = [:]
    let proposals = try records(under: RecordLayout.proposals, ending: ".md") { entry in
      let record = try proposal(in: entry)
      if entry.path != ProposalRecord.path(for: record.id) { paths[record.id] = entry.path }
      return record
    }
    let events = try records(under: RecordLayout.events, ending: ".yaml") { entry in
      let record = try event(in: entry)
      if entry.path != EventRecord.path(for: record.id) { paths[record.id] = entry.path }
      return record
    }
    memory?.records.save()
    return Ledger(proposals: proposals, events: events, problems: problems, paths: paths) { self.restoreCommand(for: $0) }
  }

  /// The record files under `folder` (`proposals` or `proposals/events`) ending in `ending`, in both
  /// layouts (docs/RECORDS-LAYOUT.md): directly in the folder, as every repository written before the
  /// shards has them, and in its two-character shard folders; sorted by name, as one flat folder lists.
  func recordEntries(under folder: String, ending: String, at tip: ObjectID) throws -> [TreeEntry] {
    var entries: [TreeEntry] = []
    for entry in try repository.listTree(ofCommit: tip, under: folder) {
      if entry.kind == .blob, entry.name.hasSuffix(ending) {
        entries.append(entry)
      } else if entry.kind == .tree, RecordLayout.isShard(entry.name) {
        entries += try repository.listTree(ofCommit: entry.id, under: "").filter { $0.kind == .blob && $0.name.hasSuffix(ending) }
          .map { TreeEntry(name: $0.name, path: entry.path + "/" + $0.name, id: $0.id, kind: $0.kind, mode: $0.mode) }
      }
    }
    return entries.sorted { $0.name < $1.name }
  }

  /// Whether the record of proposal `id` stands at the tip, in either layout.
  func proposalExists(_ id: String) throws -> Bool {
    for path in ProposalRecord.paths(for: id) where try exists(path) { return true }
    return false
  }

  /// The proposal in a tree entry, decoded unless the workspace already has it.
  private func proposal(in entry: TreeEntry) throws -> ProposalRecord {
    let decode = { try RecordCoding.decodeProposal(try self.repository.blobContent(entry.id), path: entry.path) }
    guard let records = memory?.records else { return try decode() }
    return try records.proposal(entry.id, decode: decode)
  }

  /// The event in a tree entry, decoded unless the workspace already has it.
  private func event(in entry: TreeEntry) throws -> EventRecord {
    let decode = { try RecordCoding.decodeEvent(try self.repository.blobContent(entry.id), path: entry.path) }
    guard let records = memory?.records else { return try decode() }
    return try records.event(entry.id, decode: decode)
  }
}

/// One numbered draft: its file, its exact text and the clauses parsed from it.
public struct DraftVersion: Sendable {
  /// The draft's file.
  public var file: DraftFile
  /// The file's exact text.
  public var text: String
  /// The text parsed into clauses.
  public var draft: Draft

  /// The draft's number.
  public var number: Int { file.number }
}
