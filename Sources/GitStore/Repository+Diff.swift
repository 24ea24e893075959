internal import CLibGit2

extension Repository {
  /// The files that differ between two trees (or commits); nil stands for the empty tree.
  ///
  /// `paths` limits the comparison to those files or folders (literal paths, not globs).
  /// With `detectRenames`, a removal and an addition of similar content become one `.renamed`.
  public func diff(
    from oldTree: ObjectID?, to newTree: ObjectID?, paths: [String] = [],
    detectRenames: Bool = false
  ) throws(GitError) -> [FileChange] {
    try withDiff(from: oldTree, to: newTree, paths: paths) { (diff) throws(GitError) in
      if detectRenames {
        var find = git_diff_find_options()
        try check(git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try check(git_diff_find_similar(diff, &find))
      }
      return (0..<git_diff_num_deltas(diff)).compactMap { index in
        git_diff_get_delta(diff, index).map { Repository.fileChange($0.pointee) }
      }
    }
  }

  /// The unified patch (as `git diff` prints it) of `path` between two trees (or commits);
  /// empty when that path did not change.
  public func patch(
    from oldTree: ObjectID?, to newTree: ObjectID?, path: String
  )
    throws(GitError) -> String
  {
    try withDiff(from: oldTree, to: newTree, paths: [path]) { (diff) throws(GitError) in
      var buffer = git_buf()
      try check(git_diff_to_buf(&buffer, diff, GIT_DIFF_FORMAT_PATCH))
      return takeString(&buffer)
    }
  }

  /// Runs `body` on a tree-to-tree diff limited to `paths`, freed afterwards.
  private func withDiff<Result>(
    from oldTree: ObjectID?, to newTree: ObjectID?, paths: [String],
    _ body: (OpaquePointer) throws(GitError) -> Result
  ) throws(GitError) -> Result {
    let old = try lookupTree(oldTree)
    defer { git_object_free(old) }
    let new = try lookupTree(newTree)
    defer { git_object_free(new) }
    var options = git_diff_options()
    try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
    // Literal paths: a folder still matches everything below it.
    options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
    var diff: OpaquePointer?
    let result = withStrArray(paths.map(Repository.normalized)) { pathspec in
      options.pathspec = pathspec.pointee
      return git_diff_tree_to_tree(&diff, pointer, old, new, &options)
    }
    try check(result)
    defer { git_diff_free(diff) }
    guard let diff else { throw GitError(code: -1, message: "libgit2 returned no diff") }
    return try body(diff)
  }

  private static func fileChange(_ delta: git_diff_delta) -> FileChange {
    let status: FileChange.Status =
      switch delta.status {
      case GIT_DELTA_ADDED: .added
      case GIT_DELTA_DELETED: .deleted
      case GIT_DELTA_MODIFIED: .modified
      case GIT_DELTA_RENAMED: .renamed
      case GIT_DELTA_COPIED: .copied
      case GIT_DELTA_TYPECHANGE: .typeChange
      default: .other
      }
    let oldPath = delta.old_file.path.map { String(cString: $0) }
    let newPath = delta.new_file.path.map { String(cString: $0) }
    let oldID = ObjectID(delta.old_file.id)
    let newID = ObjectID(delta.new_file.id)
    return FileChange(
      status: status,
      oldPath: status == .added ? nil : oldPath,
      newPath: status == .deleted ? nil : newPath,
      oldID: status == .added || oldID.hex == zeroHex ? nil : oldID,
      newID: status == .deleted || newID.hex == zeroHex ? nil : newID)
  }

  private static let zeroHex = String(repeating: "0", count: 40)
}
