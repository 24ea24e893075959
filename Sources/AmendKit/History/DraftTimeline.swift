import DraftText
import Foundation
import GitStore

/// Every version of every numbered draft along the branch, oldest first: the text each commit left in
/// a draft file, and which clause of it is which clause of the version before.
///
/// It is read from commits and blobs through libgit2 each time it is asked for, so it cannot disagree
/// with git; a draft file's first version is compared with the draft it was begun from, so a clause
/// is followed from draft to draft through every renumbering.
public final class DraftTimeline {
  /// Every version of every draft file along the branch, oldest first.
  public private(set) var versions: [DraftRevision] = []
  /// For each numbered draft in the branch's tip, its last version: the text `amend show` prints.
  public private(set) var latest: [Int: Int] = [:]
  /// Things found in the history that do not stop the report (unreadable drafts, missing parents).
  public private(set) var problems: [String] = []
  /// The commits read, oldest first.
  public private(set) var commits: [Commit] = []

  private var threadCount = 0

  /// Reads the line of commits that ends at `tip` (see `draftsLine`).
  init(repository: Repository, tip: ObjectID?) throws {
    guard let tip else { return }
    commits = try draftsLine(repository, from: tip)
    var lastDrafts: ObjectID?
    var listing: [String: ObjectID] = [:]
    var current: [String: Int] = [:]
    for commit in commits {
      let drafts = try repository.listTree(ofCommit: commit.id).first { $0.name == "drafts" && $0.kind == .tree }?.id
      // Most commits record proposals and events only: their drafts folder is the same tree.
      guard drafts != lastDrafts else { continue }
      lastDrafts = drafts
      var now: [String: ObjectID] = [:]
      if drafts != nil {
        for entry in try repository.listTree(ofCommit: commit.id, under: "drafts")
        where entry.kind == .blob && DraftFile.parse(name: entry.name) != nil {
          now[entry.path] = entry.id
        }
      }
      let removed = listing.keys.filter { now[$0] == nil }
      let changed = now.filter { listing[$0.key] != $0.value }.keys
        .compactMap { path in DraftFile.parse(name: String(path.dropFirst("drafts/".count))) }
        .sorted { ($0.number, $0.path) < ($1.number, $1.path) }
      for file in changed {
        guard let blob = now[file.path] else { continue }
        let previous = current[file.path] ?? predecessor(of: file, in: current, removed: removed)
        if let version = try read(file, blob: blob, commit: commit, previous: previous, startsFile: current[file.path] == nil, in: repository) {
          versions.append(version)
          current[file.path] = versions.count - 1
        }
      }
      for path in removed { current.removeValue(forKey: path) }
      listing = now
    }
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

  private func read(
    _ file: DraftFile, blob: ObjectID, commit: Commit, previous: Int?, startsFile: Bool, in repository: Repository
  ) throws -> DraftRevision? {
    let data = try repository.blobContent(blob)
    let draft: Draft
    do {
      draft = try Draft(parsingData: data)
    } catch {
      // Left for the next readable version to account for.
      problems.append("commit \(commit.id.short) left \(file.path) unreadable (\(error)); its changes are counted with the next commit that mends it")
      return nil
    }
    let before = previous.map { versions[$0] }
    let (links, dropped) = ClauseCorrespondence.links(from: before?.draft.clauses ?? [], to: draft.clauses)
    var threads: [Int] = []
    var clauseOfThread: [Int: Int] = [:]
    for (index, link) in links.enumerated() {
      let thread: Int
      if let origin = link.origin, let before {
        thread = before.threads[origin]
      } else {
        threadCount += 1
        thread = threadCount
      }
      threads.append(thread)
      clauseOfThread[thread] = index
    }
    return DraftRevision(
      file: file, commit: commit, trailers: CommitTrailers(message: commit.message), draft: draft,
      previous: previous, startsFile: startsFile, links: links, dropped: dropped, threads: threads,
      clauseOfThread: clauseOfThread)
  }

  /// The commits from the root to `tip` along the line the drafts were written on, oldest first: the
  /// first parent, except at a merge whose drafts came unchanged from another parent (a sync that
  /// brought in a draft produced elsewhere), where the line follows that parent, so the commits that
  /// applied each proposal are read rather than the merge that carried them.
  private func draftsLine(_ repository: Repository, from tip: ObjectID) throws -> [Commit] {
    var line = [try repository.commit(tip)]
    while let last = line.last, let first = last.parents.first {
      let parent = try draftsParent(of: last, first: first, in: repository)
      do {
        line.append(try repository.commit(parent))
      } catch {
        problems.append(
          "the history stops at \(line.last?.id.short ?? "?"): its parent \(parent.short) cannot be read (\(error.message)); a shallow "
            + "clone or a rewritten history shows only part of the record"
        )
        break
      }
    }
    return line.reversed()
  }

  /// The parent whose drafts folder `commit` kept as it was: the first parent when it did, else the
  /// first other parent that did, else the first parent.
  private func draftsParent(of commit: Commit, first: ObjectID, in repository: Repository) throws -> ObjectID {
    guard commit.parents.count > 1 else { return first }
    func drafts(_ id: ObjectID) throws -> ObjectID? {
      try repository.listTree(ofCommit: id).first { $0.name == "drafts" && $0.kind == .tree }?.id
    }
    guard let mine = try? drafts(commit.id) else { return first }
    if (try? drafts(first)) == mine { return first }
    return try commit.parents.dropFirst().first { (try? drafts($0)) == mine } ?? first
  }

  /// The versions that led to version `index`, oldest first, ending with it.
  func ancestry(of index: Int) -> [Int] {
    var path = [index]
    while let previous = path.last.flatMap({ versions[$0].previous }) { path.append(previous) }
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
