internal import CLibGit2
import Foundation

/// Moving a branch to a new commit, and what follows from it: the tag that marks it, and the index
/// entries and working-tree files of the paths it wrote.
public struct BranchUpdate: Sendable {
  /// "main" or "refs/heads/main".
  public var branch: String
  public var commit: ObjectID
  /// The tip the commit was built on; nil for an unborn branch.
  public var expected: ObjectID?
  public var reflogMessage: String
  /// The paths the commit wrote, brought up to date in the index and working tree.
  public var workingTreePaths: [String]
  /// Tags to create once the branch is moved: name → tag object (see `createTagObject`).
  public var tags: [String: ObjectID]

  public init(
    branch: String, commit: ObjectID, expected: ObjectID?, reflogMessage: String,
    workingTreePaths: [String] = [], tags: [String: ObjectID] = [:]
  ) {
    self.branch = branch
    self.commit = commit
    self.expected = expected
    self.reflogMessage = reflogMessage
    self.workingTreePaths = workingTreePaths
    self.tags = tags
  }
}

/// A commit on the branch, and whether everything after moving the branch was done.
public struct Publication: Sendable {
  public var commit: ObjectID
  /// Why the tag, index or working tree could not be brought up to date after the branch moved;
  /// `.git/index.lock` is then left in place, and the next amend command finishes the work.
  public var unfinished: GitError?
}

extension Repository {
  /// Moves the branch by compare-and-swap and brings tags, index and working tree up to date.
  ///
  /// When the branch is the one checked out, all of it happens under `.git/index.lock`: first a check
  /// that nothing amend did not write stands at the paths (a `WorkingTreeRefusal`, before anything is
  /// published), then the branch, the tags, the files and the index. A process killed after the branch
  /// moved leaves the lock with a journal of what was left, which stops `git commit` from recording
  /// from the lagging index and which the next amend command finishes (`finishInterruptedUpdate`).
  ///
  /// Returns nil, having changed nothing, when another writer moved the branch first.
  public func publish(_ update: BranchUpdate) throws -> Publication? {
    var contention: GitError?
    return try publish(update, contention: &contention)
  }

  /// The same, saying in `contention` why the branch could not be moved when it returns nil: moved
  /// by another writer, or its lock file held.
  func publish(_ update: BranchUpdate, contention: inout GitError?) throws -> Publication? {
    let reference = Repository.branchReference(update.branch)
    let paths = Repository.cleaned(update.workingTreePaths)
    let head = try headBranch()
    let checkedOut = !isBare && workingDirectory != nil && head == reference
    guard checkedOut, !paths.isEmpty || !update.tags.isEmpty else {
      guard try moveBranch(reference, update, contention: &contention) else { return nil }
      do {
        try pointTags(update.tags, reachableFrom: update.commit)
        return Publication(commit: update.commit, unfinished: nil)
      } catch {
        return Publication(commit: update.commit, unfinished: error)
      }
    }
    let journal = IndexJournal(branch: reference, paths: paths, tags: update.tags)
    let lock = try IndexLock.acquire(gitDirectory: gitDirectory, journal: journal)
    do {
      try finish(lock.inherited)
      try checkNothingInTheWay(of: paths, for: update.commit)
      guard try moveBranch(reference, update, contention: &contention) else {
        lock.release()
        return nil
      }
    } catch {
      lock.release()
      throw error
    }
    // The record is published; what follows only brings tags, index and files up to date, reading
    // the tip again so that the entries follow whatever the branch holds now.
    do {
      try finish([journal])
      lock.release()
      return Publication(commit: update.commit, unfinished: nil)
    } catch {
      lock.abandon()
      return Publication(commit: update.commit, unfinished: error)
    }
  }

  /// Compare-and-swap; false when another writer moved the branch first.
  private func moveBranch(
    _ reference: String, _ update: BranchUpdate, contention: inout GitError?
  )
    throws(GitError) -> Bool
  {
    do {
      try updateReference(reference, to: update.commit, expecting: update.expected, message: update.reflogMessage)
      return true
    } catch  where error.isContention {
      contention = error
      return false
    }
  }
}
