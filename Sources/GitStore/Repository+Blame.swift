internal import CLibGit2

extension Repository {
  /// Who last changed each line of `path` as of `commit` (not HEAD), as hunks in line order that
  /// together cover the whole file, or only `lines` (1-based): libgit2 then stops going back through
  /// the history once those lines are accounted for.
  public func blame(path: String, at commit: ObjectID, lines: ClosedRange<Int>? = nil) throws(GitError) -> [BlameHunk] {
    var options = git_blame_options()
    try check(git_blame_options_init(&options, UInt32(GIT_BLAME_OPTIONS_VERSION)))
    // libgit2 blames HEAD unless told otherwise.
    options.newest_commit = commit.oid
    if let lines, lines.lowerBound >= 1 {
      options.min_line = Int(lines.lowerBound)
      options.max_line = Int(lines.upperBound)
    }
    var blame: OpaquePointer?
    try check(git_blame_file(&blame, pointer, Repository.normalized(path), &options))
    defer { git_blame_free(blame) }
    var committers: [ObjectID: Signature] = [:]
    var hunks: [BlameHunk] = []
    for index in 0..<git_blame_get_hunk_count(blame) {
      guard let hunk = git_blame_get_hunk_byindex(blame, index)?.pointee else { continue }
      let id = ObjectID(hunk.final_commit_id)
      var committer = committers[id]
      var author = hunk.final_signature.map { Signature(UnsafePointer($0)) }
      if committer == nil || author == nil {
        let value = try self.commit(id)
        committers[id] = value.committer
        committer = value.committer
        author = author ?? value.author
      }
      guard let author else { continue }
      hunks.append(
        BlameHunk(
          startLine: hunk.final_start_line_number, lineCount: hunk.lines_in_hunk, commit: id,
          author: author, committer: committer,
          originalPath: hunk.orig_path.map { String(cString: $0) } ?? path,
          originalStartLine: hunk.orig_start_line_number))
    }
    return hunks.sorted { $0.startLine < $1.startLine }
  }
}
