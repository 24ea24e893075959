import Foundation

extension Repository {
  /// Commits on top of the current tip of `branch` and publishes the commit by compare-and-swap,
  /// so that concurrent writers never lose each other's commits.
  ///
  /// `branch` is "main" or "refs/heads/main". `change` receives the current tip (nil while the
  /// branch is unborn, in which case the commit is a root) and returns what to commit; it may
  /// throw to abort, and that error is rethrown unchanged. When another process moves the branch
  /// first, the tip is re-read and `change` is called again, up to `attempts` times, with a small
  /// randomised backoff between attempts. Returns the id of the commit the branch now points at.
  public func commitOnBranch(
    _ branch: String, attempts: Int = 200, signer: CommitSigner? = nil, _ change: (ObjectID?) throws -> CommitPlan
  ) throws -> ObjectID {
    let publication = try recordOnBranch(branch, attempts: attempts, signer: signer, change)
    if let unfinished = publication.unfinished { throw unfinished }
    return publication.commit
  }

  /// The same, also bringing the plan's `workingTreePaths` up to date in the index and working tree
  /// (see `publish`); a failure after the branch moved is reported in the result, not thrown. With
  /// `signer`, every commit made is signed (`createSignedCommit`) before the compare-and-swap.
  public func recordOnBranch(
    _ branch: String, attempts: Int = 200, signer: CommitSigner? = nil, _ change: (ObjectID?) throws -> CommitPlan
  ) throws -> Publication {
    let reference = Repository.branchReference(branch)
    var contention: GitError?
    for attempt in 0..<max(attempts, 1) {
      let tip = try referenceTarget(reference)
      let plan = try change(tip)
      let parents = (tip.map { [$0] } ?? []) + plan.extraParents
      let commit =
        if let signer {
          try createSignedCommit(
            tree: plan.tree, parents: parents, author: plan.author, committer: plan.committer, message: plan.message,
            signer: signer)
        } else {
          try createCommit(
            tree: plan.tree, parents: parents, author: plan.author, committer: plan.committer, message: plan.message)
        }
      let summary = plan.message.prefix { $0 != "\n" }
      let reflog = (tip == nil ? "commit (initial): " : "commit: ") + summary
      let update = BranchUpdate(
        branch: reference, commit: commit, expected: tip, reflogMessage: reflog,
        workingTreePaths: plan.workingTreePaths)
      if let publication = try publish(update, contention: &contention) { return publication }
      Repository.backoff(attempt: attempt)
    }
    // The last attempt's reason, so that a lock file left in place is named as one ("main.lock is held").
    guard let contention, !contention.isModified else {
      throw GitError(
        code: -15, message: "gave up updating \(reference) after \(attempts) attempts: other writers kept moving it")
    }
    // libgit2's own error names the lock file, which is what the person at the keyboard must see.
    throw contention
  }

  /// Sleeps a short random time that grows with `attempt`, so colliding writers spread out.
  static func backoff(attempt: Int) {
    let ceiling = min(1 + attempt, 20) * 1_000  // microseconds: up to 20 ms
    usleep(UInt32(Int.random(in: 0...ceiling)))
  }
}
