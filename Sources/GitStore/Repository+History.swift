internal import CLibGit2

extension Repository {
  /// Commits reachable from `start`, newest first (topological, then by time).
  ///
  /// With `path` (a file or folder), only commits whose tree differs from their parent's at that path
  /// are returned (a root commit counts when it has the path; a merge, when it differs from every
  /// parent). libgit2 1.5 has no
  /// path-limited revwalk, so this compares the entry ids at `path`, which is cheaper than a diff.
  /// `limit` caps the number of commits returned.
  public func history(
    from start: ObjectID, touching path: String? = nil, limit: Int? = nil
  )
    throws(GitError) -> [Commit]
  {
    if let limit, limit <= 0 { return [] }
    let filter = path.map(Repository.normalized).flatMap { $0.isEmpty ? nil : $0 }
    var commits: [Commit] = []
    try walkCommits(from: start, sorting: GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue) { (commit) throws(GitError) in
      if let filter, try !Repository.commitTouches(commit, path: filter) { return true }
      commits.append(try Repository.commitValue(commit))
      return limit.map { commits.count < $0 } ?? true
    }
    return commits
  }

  /// Whether `commit`'s entry at `path` differs from its parent's; for a merge, from every parent's, as
  /// git's history simplification reads it: a merge that took the path from one side unchanged did not
  /// touch it, the commit on that side did.
  private static func commitTouches(_ commit: OpaquePointer, path: String) throws(GitError) -> Bool {
    var tree: OpaquePointer?
    try check(git_commit_tree(&tree, commit))
    defer { git_tree_free(tree) }
    guard let tree else { return false }
    let mine = try entry(in: tree, at: path)?.id
    let parents = git_commit_parentcount(commit)
    guard parents > 0 else { return mine != nil }
    for index in 0..<parents {
      var parent: OpaquePointer?
      try check(git_commit_parent(&parent, commit, index))
      defer { git_commit_free(parent) }
      var parentTree: OpaquePointer?
      try check(git_commit_tree(&parentTree, parent))
      defer { git_tree_free(parentTree) }
      let theirs = try parentTree.flatMap { (parentTree) throws(GitError) in try entry(in: parentTree, at: path)?.id }
      if theirs == mine { return false }
    }
    return true
  }
}
