internal import CLibGit2

extension Repository {
  /// Every commit reachable from `start`, merges included, parents before children (topological order,
  /// oldest first), each read once.
  public func commitsOldestFirst(from start: ObjectID) throws(GitError) -> [Commit] {
    var commits: [Commit] = []
    try walkCommits(from: start, sorting: GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue) { (commit) throws(GitError) in
      commits.append(try Repository.commitValue(commit))
      return true
    }
    return commits
  }

  /// Walks the commits reachable from `start` in `sorting` order (one call: `git_revwalk_sorting`
  /// replaces the mode rather than adding to it), each looked up for `visit`, until it says stop.
  func walkCommits(
    from start: ObjectID, sorting: UInt32, _ visit: (OpaquePointer) throws(GitError) -> Bool
  ) throws(GitError) {
    var walk: OpaquePointer?
    try check(git_revwalk_new(&walk, pointer))
    defer { git_revwalk_free(walk) }
    try check(git_revwalk_sorting(walk, sorting))
    var startOID = start.oid
    try check(git_revwalk_push(walk, &startOID))
    var oid = git_oid()
    while true {
      let next = git_revwalk_next(&oid, walk)
      if next == GIT_ITEROVER.rawValue { break }
      try check(next)
      var commit: OpaquePointer?
      try check(git_commit_lookup(&commit, pointer, &oid))
      defer { git_commit_free(commit) }
      guard let commit else { continue }
      guard try visit(commit) else { break }
    }
  }

  /// The first commit of the first-parent line that ends at `start`: where the branch began.
  public func firstParentRoot(from start: ObjectID) throws(GitError) -> Commit {
    var walk: OpaquePointer?
    try check(git_revwalk_new(&walk, pointer))
    defer { git_revwalk_free(walk) }
    try check(git_revwalk_sorting(walk, GIT_SORT_NONE.rawValue))
    var startOID = start.oid
    try check(git_revwalk_push(walk, &startOID))
    try check(git_revwalk_simplify_first_parent(walk))
    var last = start.oid
    var oid = git_oid()
    while true {
      let next = git_revwalk_next(&oid, walk)
      if next == GIT_ITEROVER.rawValue { break }
      try check(next)
      last = oid
    }
    return try commit(ObjectID(last))
  }
}
