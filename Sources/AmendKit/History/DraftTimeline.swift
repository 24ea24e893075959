import DraftText
import Foundation
import GitStore

/// Every version of every numbered draft along the branch, oldest first: the text each commit left in
/// a draft file, and which clause of it is which clause of the version before.
///
/// It is read from commits and blobs through libgit2, so it cannot disagree with git; a draft file's
/// first version is compared with the draft it was begun from, so a clause is followed from draft to
/// draft through every renumbering.
///
/// Only the commits that changed the `drafts` folder are read beyond their tree. A version keeps only
/// what it changed (`TimelineVersion`), its clauses as numbers in a table of strings
/// (`DraftClauseCache`), so clauses compare as integers. What a run read is kept in the git directory
/// (`TimelineCache`), so a later run reads only the commits made since.
public final class DraftTimeline {
  /// Every version of every draft file along the branch, oldest first, each parsed whole. Worked out
  /// (and kept) the first time it is asked for, by parsing every version again: the history's own
  /// reports do not need it.
  public var versions: [DraftRevision] {
    if let materialized { return materialized }
    let made = materialize()
    materialized = made
    return made
  }
  /// For each numbered draft in the branch's tip, its last version: the text `amend show` prints.
  public private(set) var latest: [Int: Int] = [:]
  /// Things found in the history that do not stop the report (unreadable drafts, missing parents).
  public private(set) var problems: [String] = []
  /// The commits of the first-parent line, oldest first.
  public var commits: [Commit] {
    guard let tip, let walk = try? repository.firstParentLine(from: tip, folder: "drafts") else { return [] }
    return walk.commits.compactMap { try? repository.commit($0) }
  }

  /// The versions as the reports read them.
  private(set) var entries: [TimelineVersion] = []
  /// The clauses whole of the last version of each draft file, by version.
  private(set) var whole: [Int: WholeVersion] = [:]
  private(set) var clauses: DraftClauseCache
  private let repository: Repository
  private let tip: ObjectID?
  private var materialized: [DraftRevision]?
  private var threadCount = 0
  private var commitMemo: [Int: (Commit, CommitTrailers)] = [:]

  /// Reads the first-parent line that ends at `tip`, going on from what `cache` (a file in the git
  /// directory) kept of an earlier run when that run's tip is on the line: then only the commits since
  /// are read, and only the versions they wrote are parsed.
  init(repository: Repository, tip: ObjectID?, cache: TimelineCache? = nil) throws {
    self.repository = repository
    self.tip = tip
    clauses = DraftClauseCache()
    guard let tip else { return }
    var kept = cache?.read()
    if let known = kept, known.tip == tip {
      adopt(known)
      return
    }
    let walk = try repository.firstParentLine(from: tip, folder: "drafts", end: kept?.tip)
    if !walk.reachedEnd { kept = nil }
    var state = kept ?? TimelineState(tip: tip, strings: [])
    if kept != nil { adopt(state) }
    if let stop = walk.stop {
      problems.append(
        "the history stops at \(stop.commit.short): its parent \(stop.parent.short) cannot be read (\(stop.error.message)); a shallow "
          + "clone or a rewritten history shows only part of the record"
      )
    }
    var lastDrafts = state.drafts
    var listing = state.listing
    var current = state.current
    for (step, (commitID, drafts)) in zip(walk.commits, walk.folders).enumerated() {
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
      for file in changed {
        guard let blob = now[file.path] else { continue }
        let previous = current[file.path] ?? predecessor(of: file, in: current, removed: removed)
        let merge = step < walk.merges.count && walk.merges[step]
        if try version(file, blob: blob, commit: commitID, previous: previous, startsFile: current[file.path] == nil, merge: merge) {
          if let replaced = current[file.path] { whole[replaced] = nil }
          current[file.path] = entries.count - 1
        }
      }
      for path in removed {
        if let gone = current.removeValue(forKey: path) { whole[gone] = nil }
      }
      listing = now
    }
    setLatest(from: current)
    guard walk.commits.count >= Self.walkWorthKeeping || entries.count > state.versions.count || kept == nil else { return }
    state = TimelineState(
      tip: tip, drafts: lastDrafts, listing: listing, current: current, threadCount: threadCount, problems: problems,
      strings: clauses.strings, versions: entries, whole: whole)
    cache?.write(state)
  }

  /// A walk this long since the kept tip is saved even when it wrote no version, so that later runs
  /// do not walk it again.
  static let walkWorthKeeping = 64

  /// Takes over what an earlier run kept.
  private func adopt(_ state: TimelineState) {
    clauses = DraftClauseCache(strings: state.strings)
    entries = state.versions
    whole = state.whole
    threadCount = state.threadCount
    problems = state.problems
    setLatest(from: state.current)
  }

  private func setLatest(from current: [String: Int]) {
    latest = [:]
    for (path, index) in current.sorted(by: { $0.key > $1.key }) {
      guard let file = DraftFile.parse(name: String(path.dropFirst("drafts/".count))) else { continue }
      latest[file.number] = index
    }
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

  /// Adds the version `commit` left in `file`, compared with version `previous`; false when it did not
  /// parse (left for the next readable version to account for).
  private func version(
    _ file: DraftFile, blob: ObjectID, commit: ObjectID, previous: Int?, startsFile: Bool, merge: Bool
  ) throws -> Bool {
    let content = try clauses.content { try repository.blobContent(blob) }
    guard case .clauses(let slots) = content else {
      if case .unreadable(let reason) = content {
        problems.append(
          "commit \(commit.short) left \(file.path) unreadable (\(reason)); its changes are counted with the next commit that mends it")
      }
      return false
    }
    let before = previous.flatMap { whole[$0] }
    let (origins, moved, dropped) = ClauseCorrespondence.links(from: before?.slots ?? [], to: slots, strings: clauses)
    var threads: [Int32] = []
    threads.reserveCapacity(slots.count)
    var changed: [Int32: ClauseSlot] = [:]
    var movedThreads: Set<Int32> = []
    for (position, origin) in origins.enumerated() {
      let slot = slots[position]
      if origin >= 0, let before {
        let thread = before.threads[Int(origin)]
        threads.append(thread)
        if !before.slots[Int(origin)].sameClause(as: slot) { changed[thread] = slot }
        if moved[position] { movedThreads.insert(thread) }
      } else {
        threadCount += 1
        threads.append(Int32(threadCount))
        changed[Int32(threadCount)] = slot
      }
    }
    entries.append(
      TimelineVersion(
        file: file, blob: blob, commit: commit, previous: previous, startsFile: startsFile, merge: merge, changed: changed,
        moved: movedThreads,
        dropped: Set(dropped.map { before?.threads[$0] ?? -1 })))
    whole[entries.count - 1] = WholeVersion(slots: slots, threads: threads)
    return true
  }

  /// The commit that wrote version `index`, and its trailers: read when a report names it.
  func commit(_ index: Int) -> (commit: Commit, trailers: CommitTrailers) {
    if let known = commitMemo[index] { return known }
    let id = entries[index].commit
    let commit =
      (try? repository.commit(id))
      ?? Commit(
        id: id, tree: id, parents: [], author: Signature(name: "?", email: "", time: Date(timeIntervalSince1970: 0)),
        committer: Signature(name: "?", email: "", time: Date(timeIntervalSince1970: 0)), message: "")
    let read = (commit, CommitTrailers(message: commit.message))
    commitMemo[index] = read
    return read
  }

  /// The first commit that wrote draft `number`'s file, if the timeline has one.
  public func firstCommit(ofDraft number: Int) -> Commit? {
    entries.firstIndex { $0.number == number }.map { commit($0).commit }
  }

  /// The clause at `position` of version `index`, kept whole, with its strings.
  func clause(_ index: Int, _ position: Int) -> ClauseState? {
    whole[index].map { clauses.state($0.slots[position]) }
  }

  /// What each version of `path` (an ancestry: each version's previous is the one before it) did to
  /// the clauses on `threads` (all threads when nil), in order: one step a version a thread that it
  /// added, changed, moved or dropped.
  func steps(along path: [Int], threads wanted: Set<Int32>?) -> [ThreadStep] {
    var state: [Int32: ClauseSlot] = [:]
    var found: [ThreadStep] = []
    for index in path {
      let version = entries[index]
      for thread in version.dropped where wanted?.contains(thread) ?? true {
        if let before = state.removeValue(forKey: thread) {
          found.append(ThreadStep(version: index, thread: thread, before: before, after: nil, moved: false))
        }
      }
      var touched = version.changed.keys.filter { wanted?.contains($0) ?? true }
      touched += version.moved.filter { version.changed[$0] == nil && (wanted?.contains($0) ?? true) }
      for thread in touched.sorted() {
        let before = state[thread]
        let after = version.changed[thread] ?? before
        state[thread] = after
        found.append(ThreadStep(version: index, thread: thread, before: before, after: after, moved: version.moved.contains(thread)))
      }
    }
    return found
  }

  /// The threads a version's clauses were on and where, replayed for `thread` along `path`: the clause
  /// (or nil) in each version of the path, and whether it moved there.
  func states(ofThread thread: Int, along path: [Int]) -> [(slot: ClauseSlot?, moved: Bool)] {
    let key = Int32(truncatingIfNeeded: thread)
    var slot: ClauseSlot?
    return path.map { index in
      let version = entries[index]
      if let changed = version.changed[key] {
        slot = changed
      } else if version.dropped.contains(key) {
        slot = nil
      }
      return (slot, version.moved.contains(key))
    }
  }

  /// Version `index`'s clauses as a parsed draft, as `versions` lists it.
  private func materialize() -> [DraftRevision] {
    var parsed: [Int: (draft: Draft, slots: [ClauseSlot], threads: [Int])] = [:]
    var count = 0
    let strings = DraftClauseCache()
    return entries.indices.map { index in
      let version = entries[index]
      // A version is listed only when it parsed, and a blob's bytes do not change: it parses again
      // unless the blob has gone from the object database since.
      let draft = (try? repository.blobContent(version.blob)).flatMap { try? Draft(parsingData: $0) } ?? Self.unreadableAgain
      let slots = strings.slots(of: draft)
      let before = version.previous.flatMap { parsed[$0] }
      let (origins, moved, dropped) = ClauseCorrespondence.links(from: before?.slots ?? [], to: slots, strings: strings)
      var threads: [Int] = []
      var links: [ClauseLink] = []
      for (position, origin) in origins.enumerated() {
        let previous = origin >= 0 ? before?.slots[Int(origin)] : nil
        if origin >= 0, let before {
          threads.append(before.threads[Int(origin)])
        } else {
          count += 1
          threads.append(count)
        }
        links.append(
          ClauseLink(
            origin: origin >= 0 ? Int(origin) : nil, moved: moved[position],
            lineOrigins: ClauseCorrespondence.lineOrigins(of: slots[position], from: previous, moved: moved[position], strings: strings)))
      }
      parsed[index] = (draft, slots, threads)
      var clauseOfThread: [Int: Int] = [:]
      for (position, thread) in threads.enumerated() { clauseOfThread[thread] = position }
      let (commit, trailers) = commit(index)
      return DraftRevision(
        file: version.file, commit: commit, trailers: trailers, draft: draft, previous: version.previous, startsFile: version.startsFile,
        links: links, dropped: dropped, threads: threads, clauseOfThread: clauseOfThread)
    }
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
