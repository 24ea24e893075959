import DraftText
import Foundation
import GitStore

/// Every version of every numbered draft along the branch, oldest first: the text each commit left in
/// a draft file, and which clause of it is which clause of the version before.
///
/// It is read from commits and blobs through libgit2 each time it is asked for, so it cannot disagree
/// with git; a draft file's first version is compared with the draft it was begun from, so a clause
/// is followed from draft to draft through every renumbering.
///
/// Only the commits that changed the `drafts` folder are read beyond their tree, and a version is
/// kept as its clauses' numbers in a table of strings (`DraftClauseCache`), never as a parsed draft:
/// versions share what they do not change, and clauses are matched between versions as integers.
/// The parsed clauses of each blob are kept on disk, so a later run parses only new versions.
public final class DraftTimeline {
  /// Every version of every draft file along the branch, oldest first, each parsed whole. Worked out
  /// (and kept) the first time it is asked for: the history's own reports do not need it.
  public var versions: [DraftRevision] {
    if let materialized { return materialized }
    let made = entries.indices.map(revision)
    materialized = made
    return made
  }
  /// For each numbered draft in the branch's tip, its last version: the text `amend show` prints.
  public private(set) var latest: [Int: Int] = [:]
  /// Things found in the history that do not stop the report (unreadable drafts, missing parents).
  public private(set) var problems: [String] = []
  /// The commits read, oldest first.
  public var commits: [Commit] { line.compactMap { try? repository.commit($0) } }

  /// The versions as the reports read them.
  private(set) var entries: [TimelineVersion] = []
  let clauses: DraftClauseCache
  private let repository: Repository
  private var line: [ObjectID] = []
  private var materialized: [DraftRevision]?
  private var threadCount = 0
  private var lineOriginsMemo: [Int: [Int: [Int?]]] = [:]

  /// Reads the first-parent line that ends at `tip`, with parsed versions kept in `cache`.
  init(repository: Repository, tip: ObjectID?, cache: DraftClauseCache? = nil) throws {
    self.repository = repository
    clauses = cache ?? DraftClauseCache(path: nil)
    guard let tip else { return }
    let walk = try repository.firstParentLine(from: tip, folder: "drafts", known: clauses.commits)
    clauses.remember(walk)
    line = walk.commits
    if let stop = walk.stop {
      problems.append(
        "the history stops at \(stop.commit.short): its parent \(stop.parent.short) cannot be read (\(stop.error.message)); a shallow "
          + "clone or a rewritten history shows only part of the record"
      )
    }
    var lastDrafts: ObjectID?
    var listing: [String: ObjectID] = [:]
    var current: [String: Int] = [:]
    for (commitID, drafts) in zip(walk.commits, walk.folders) {
      // Most commits record proposals and events only: their drafts folder is the same tree.
      guard drafts != lastDrafts else { continue }
      lastDrafts = drafts
      var now: [String: ObjectID] = [:]
      if let drafts {
        for entry in try repository.listTree(ofCommit: drafts) where entry.kind == .blob && DraftFile.parse(name: entry.name) != nil {
          now["drafts/" + entry.name] = entry.id
        }
      }
      let removed = listing.keys.filter { now[$0] == nil }
      let changed = now.filter { listing[$0.key] != $0.value }.keys
        .compactMap { path in DraftFile.parse(name: String(path.dropFirst("drafts/".count))) }
        .sorted { ($0.number, $0.path) < ($1.number, $1.path) }
      var commit: Commit?
      var trailers = CommitTrailers(message: "")
      for file in changed {
        guard let blob = now[file.path] else { continue }
        let read: Commit
        if let commit {
          read = commit
        } else {
          read = try repository.commit(commitID)
          trailers = CommitTrailers(message: read.message)
          commit = read
        }
        let previous = current[file.path] ?? predecessor(of: file, in: current, removed: removed)
        if let version = try version(
          file, blob: blob, commit: read, trailers: trailers, previous: previous, startsFile: current[file.path] == nil)
        {
          entries.append(version)
          current[file.path] = entries.count - 1
        }
      }
      for path in removed { current.removeValue(forKey: path) }
      listing = now
    }
    for (path, index) in current.sorted(by: { $0.key > $1.key }) {
      guard let file = DraftFile.parse(name: String(path.dropFirst("drafts/".count))) else { continue }
      latest[file.number] = index
    }
    clauses.save()
  }

  /// The version a new draft file was begun from: a file of the same number that the commit removed
  /// (a rename), else the highest-numbered draft below it.
  private func predecessor(of file: DraftFile, in current: [String: Int], removed: [String]) -> Int? {
    if let renamed = removed.first(where: { DraftFile.parse(name: String($0.dropFirst("drafts/".count)))?.number == file.number }) {
      return current[renamed]
    }
    return current.compactMap { path, index -> (Int, String, Int)? in
      guard let number = DraftFile.parse(name: String(path.dropFirst("drafts/".count)))?.number, number < file.number
      else { return nil }
      return (number, path, index)
    }.max { ($0.0, $0.1) < ($1.0, $1.1) }?.2
  }

  private func version(
    _ file: DraftFile, blob: ObjectID, commit: Commit, trailers: CommitTrailers, previous: Int?, startsFile: Bool
  ) throws -> TimelineVersion? {
    let content = try clauses.content(of: blob) { try repository.blobContent(blob) }
    guard case .clauses(let slots) = content else {
      if case .unreadable(let reason) = content {
        // Left for the next readable version to account for.
        problems.append(
          "commit \(commit.id.short) left \(file.path) unreadable (\(reason)); its changes are counted with the next commit that mends it")
      }
      return nil
    }
    let before = previous.map { entries[$0] }
    let (origins, moved, dropped) = ClauseCorrespondence.links(from: before?.clauses ?? [], to: slots, strings: clauses)
    var threads: [Int32] = []
    threads.reserveCapacity(slots.count)
    for origin in origins {
      if origin >= 0, let before {
        threads.append(before.threads[Int(origin)])
      } else {
        threadCount += 1
        threads.append(Int32(threadCount))
      }
    }
    var positions = [Int32](repeating: -1, count: threadCount + 1)
    for (index, thread) in threads.enumerated() { positions[Int(thread)] = Int32(index) }
    return TimelineVersion(
      file: file, blob: blob, commit: commit, trailers: trailers, previous: previous, startsFile: startsFile, clauses: slots,
      origins: origins, moved: moved, dropped: dropped, threads: threads, positions: positions)
  }

  /// The clause at `position` of version `index`, with its strings.
  func clause(_ index: Int, _ position: Int) -> ClauseState {
    clauses.state(entries[index].clauses[position])
  }

  /// The clause of version `index` on `thread`, with its strings, if it is there.
  func clause(onThread thread: Int, in index: Int) -> ClauseState? {
    entries[index].clause(onThread: thread).map { clause(index, $0) }
  }

  /// Which lines of clause `position` of version `index` stand word for word in the clause it came
  /// from: worked out when asked for (only `blame` asks), and kept.
  func lineOrigins(_ index: Int, _ position: Int) -> [Int?] {
    if let known = lineOriginsMemo[index]?[position] { return known }
    let version = entries[index]
    let slot = version.clauses[position]
    let origin = version.origins[position]
    let previous = origin >= 0 ? version.previous.map { entries[$0].clauses[Int(origin)] } : nil
    let result = ClauseCorrespondence.lineOrigins(of: slot, from: previous, moved: version.moved[position], strings: clauses)
    lineOriginsMemo[index, default: [:]][position] = result
    return result
  }

  /// Version `index` parsed whole, as `versions` lists it.
  private func revision(_ index: Int) -> DraftRevision {
    let version = entries[index]
    // A version is listed only when it parsed, and a blob's bytes do not change: it parses again
    // unless the blob has gone from the object database since.
    let draft = (try? repository.blobContent(version.blob)).flatMap { try? Draft(parsingData: $0) }
    let links = version.origins.indices.map { position in
      ClauseLink(
        origin: version.origins[position] >= 0 ? Int(version.origins[position]) : nil, moved: version.moved[position],
        lineOrigins: lineOrigins(index, position))
    }
    var clauseOfThread: [Int: Int] = [:]
    for (position, thread) in version.threads.enumerated() { clauseOfThread[Int(thread)] = position }
    return DraftRevision(
      file: version.file, commit: version.commit, trailers: version.trailers,
      draft: draft ?? Self.unreadableAgain, previous: version.previous, startsFile: version.startsFile,
      links: links, dropped: version.dropped, threads: version.threads.map(Int.init), clauseOfThread: clauseOfThread)
  }

  /// What `versions` shows for a version whose blob could not be read again (a literal that parses).
  private static let unreadableAgain: Draft = {
    // swift-format-ignore: NeverUseForceTry
    try! Draft(parsing: "1. This version's blob could not be read again.\n")
  }()

  /// The draft of version `index` parsed whole: for resolving how a clause is spelled.
  func parsedDraft(_ index: Int) throws -> Draft {
    try Draft(parsingData: repository.blobContent(entries[index].blob))
  }

  /// The versions that led to version `index`, oldest first, ending with it.
  func ancestry(of index: Int) -> [Int] {
    var path = [index]
    while let previous = path.last.flatMap({ entries[$0].previous }) { path.append(previous) }
    return path.reversed()
  }

  /// The last version of draft `number`, or an error naming the drafts there are.
  func latestVersion(of number: Int) throws -> Int {
    guard let index = latest[number] else {
      throw LookupError.noSuchDraft(number, drafts: latest.keys.sorted())
    }
    return index
  }

  /// The current draft's last version.
  func currentVersion() throws -> Int {
    guard let number = latest.keys.max(), let index = latest[number] else {
      throw LookupError.noDraftYet
    }
    return index
  }
}

/// One version of one draft file along the branch, as the history's reports read it: its clauses
/// as numbers in the timeline's table of strings, and how they follow on from the version before.
/// A class, so that reading a version in a loop over thousands of them copies nothing.
final class TimelineVersion {
  let file: DraftFile
  let blob: ObjectID
  let commit: Commit
  let trailers: CommitTrailers
  /// The version this one is compared with (see `DraftRevision.previous`).
  let previous: Int?
  let startsFile: Bool
  let clauses: [ClauseSlot]
  /// For each clause, the index of the same clause in `previous`; -1 for a new clause.
  let origins: [Int32]
  /// For each clause, whether it changed place in the list.
  let moved: [Bool]
  /// Clauses of `previous` that this version no longer has.
  let dropped: [Int]
  /// For each clause, the thread it belongs to.
  let threads: [Int32]
  /// For each thread up to the last one begun by this version, its clause here; -1 when absent.
  let positions: [Int32]

  init(
    file: DraftFile, blob: ObjectID, commit: Commit, trailers: CommitTrailers, previous: Int?, startsFile: Bool,
    clauses: [ClauseSlot], origins: [Int32], moved: [Bool], dropped: [Int], threads: [Int32], positions: [Int32]
  ) {
    self.file = file
    self.blob = blob
    self.commit = commit
    self.trailers = trailers
    self.previous = previous
    self.startsFile = startsFile
    self.clauses = clauses
    self.origins = origins
    self.moved = moved
    self.dropped = dropped
    self.threads = threads
    self.positions = positions
  }

  var number: Int { file.number }

  /// The index in `clauses` of the clause on thread `thread`, if it is here.
  func clause(onThread thread: Int) -> Int? {
    guard thread >= 0, thread < positions.count else { return nil }
    let position = positions[thread]
    return position >= 0 ? Int(position) : nil
  }
}
