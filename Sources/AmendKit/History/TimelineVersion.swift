import DraftText
import GitStore

/// One version of one draft file along the branch, as the history's reports read it: what it changed
/// from the version before. A clause is a *thread*, the same number in every version it stands in.
///
/// A version keeps only the clauses it changed (new ones, and those whose words, number, eId, marker
/// or kind differ), the ones it moved and the ones it dropped, so the timeline grows with the changes
/// made, not with versions × clauses. The clauses of a version whole are kept only for the last
/// version of each draft file (`WholeVersion`); any other is worked out by replaying the changes along
/// its ancestry. A class, so that reading a version in a loop over thousands of them copies nothing.
final class TimelineVersion {
  let file: DraftFile
  let blob: ObjectID
  let commit: ObjectID
  /// The version this one is compared with (see `DraftRevision.previous`).
  let previous: Int?
  let startsFile: Bool
  /// Whether the commit is a merge: then git's line-by-line blame may name a side branch's commit.
  let merge: Bool
  /// The clauses new in this version or changed by it, by thread. Their line is the line they stood
  /// at when they changed: lines are kept right only in `WholeVersion`.
  let changed: [Int32: ClauseSlot]
  /// Threads whose clause changed place in the list.
  let moved: Set<Int32>
  /// Threads of `previous` that this version no longer has.
  let dropped: Set<Int32>

  init(
    file: DraftFile, blob: ObjectID, commit: ObjectID, previous: Int?, startsFile: Bool, merge: Bool,
    changed: [Int32: ClauseSlot], moved: Set<Int32>, dropped: Set<Int32>
  ) {
    self.file = file
    self.blob = blob
    self.commit = commit
    self.previous = previous
    self.startsFile = startsFile
    self.merge = merge
    self.changed = changed
    self.moved = moved
    self.dropped = dropped
  }

  var number: Int { file.number }
}

/// Every clause of one version, in order, with its thread: kept for the last version of each draft
/// file, which is where every report starts (a draft as it stands) and what the next version is
/// compared with.
struct WholeVersion: Equatable {
  var slots: [ClauseSlot]
  var threads: [Int32]

  /// The index in `slots` of the clause on `thread`, if it is here.
  func position(ofThread thread: Int) -> Int? {
    threads.firstIndex(of: Int32(truncatingIfNeeded: thread))
  }
}

/// What one version did to one thread, replayed along an ancestry: the clause before (in the previous
/// version) and after, and whether it moved.
struct ThreadStep {
  var version: Int
  var thread: Int32
  var before: ClauseSlot?
  var after: ClauseSlot?
  var moved: Bool
}
