internal import CLibGit2

extension Repository {
  /// The commit (or object) reference `name` resolves to, following symbolic references; nil when
  /// the reference does not exist (or is a branch without commits).
  public func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
    var oid = git_oid()
    let result = git_reference_name_to_id(&oid, pointer, name)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result)
    return ObjectID(oid)
  }

  /// Compare-and-swap: moves `name` to `new` only if it currently points at `expected`
  /// (nil: only if it does not exist yet, e.g. an unborn branch).
  ///
  /// Throws a `GitError` with `isModified` (or `isExists` when `expected` is nil) when another
  /// writer moved the reference first, and with `isLocked` while another writer holds its lock.
  /// `message` goes into the reflog.
  public func updateReference(
    _ name: String, to new: ObjectID, expecting expected: ObjectID?, message: String
  ) throws(GitError) {
    try reach(.reference)
    var target = new.oid
    var reference: OpaquePointer?
    if var current = expected?.oid {
      // force=1 with current_id: libgit2 compares the old value under the ref's lock file.
      try check(
        git_reference_create_matching(&reference, pointer, name, &target, 1, &current, message))
    } else {
      // force=0 fails with GIT_EEXISTS when someone created the branch first.
      try check(git_reference_create(&reference, pointer, name, &target, 0, message))
    }
    git_reference_free(reference)
  }

  /// The full reference name for a branch given either as "main" or "refs/heads/main".
  static func branchReference(_ branch: String) -> String {
    branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
  }
}
