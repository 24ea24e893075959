internal import CLibGit2
import Foundation

/// Two histories change the same file in different ways, so their trees cannot be joined without a
/// person choosing: nothing was written.
public struct MergeConflict: Error, Equatable, Sendable, CustomStringConvertible {
  /// The paths both sides changed differently.
  public let paths: [String]
  public var description: String { "both histories changed \(paths.joined(separator: ", ")) differently" }
}

extension Repository {
  /// The best common ancestor of two commits; nil when their histories share none.
  public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws(GitError) -> ObjectID? {
    var base = git_oid()
    var first = one.oid
    var second = other.oid
    let result = git_merge_base(&base, pointer, &first, &second)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result)
    return ObjectID(base)
  }

  /// How many commits `local` has that `upstream` lacks, and the other way round.
  public func aheadBehind(_ local: ObjectID, _ upstream: ObjectID) throws(GitError) -> (ahead: Int, behind: Int) {
    var ahead = 0
    var behind = 0
    var mine = local.oid
    var theirs = upstream.oid
    try check(git_graph_ahead_behind(&ahead, &behind, pointer, &mine, &theirs))
    return (ahead, behind)
  }

  /// The tree that joins the changes `ours` and `theirs` each made since their merge base, as
  /// `git merge` would build it, written to the object database (no index, no working tree touched).
  ///
  /// Throws `MergeConflict` naming the paths when both sides changed a file differently, having
  /// written nothing that a reference names.
  public func mergedTree(ours: ObjectID, theirs: ObjectID) throws -> ObjectID {
    let mine = try lookupObject(ours, as: GIT_OBJECT_COMMIT)
    defer { git_object_free(mine) }
    let other = try lookupObject(theirs, as: GIT_OBJECT_COMMIT)
    defer { git_object_free(other) }
    var options = git_merge_options()
    try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)))
    var index: OpaquePointer?
    try check(git_merge_commits(&index, pointer, mine, other, &options))
    defer { git_index_free(index) }
    if git_index_has_conflicts(index) == 1 {
      throw MergeConflict(paths: try Repository.conflictPaths(index))
    }
    try reach(.tree)
    var tree = git_oid()
    try check(git_index_write_tree_to(&tree, index, pointer))
    return ObjectID(tree)
  }

  private static func conflictPaths(_ index: OpaquePointer?) throws(GitError) -> [String] {
    var iterator: OpaquePointer?
    try check(git_index_conflict_iterator_new(&iterator, index))
    defer { git_index_conflict_iterator_free(iterator) }
    var paths: Set<String> = []
    while true {
      var ancestor: UnsafePointer<git_index_entry>?
      var ours: UnsafePointer<git_index_entry>?
      var theirs: UnsafePointer<git_index_entry>?
      let result = git_index_conflict_next(&ancestor, &ours, &theirs, iterator)
      if result == GIT_ITEROVER.rawValue { break }
      try check(result)
      for entry in [ancestor, ours, theirs] {
        if let path = entry?.pointee.path { paths.insert(String(cString: path)) }
      }
    }
    return paths.sorted()
  }

  /// Paths under `folders` whose index entry or working-tree file differs from the branch tip
  /// (`git status`), untracked files included; ignored files left out.
  public func uncommittedPaths(under folders: [String]) throws(GitError) -> [String] {
    guard !isBare, workingDirectory != nil else { return [] }
    var options = git_status_options()
    try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)))
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
    var list: OpaquePointer?
    let result = withStrArray(folders.map { Repository.normalized($0) + "/" }) { (pathspec) -> Int32 in
      options.pathspec = pathspec.pointee
      return git_status_list_new(&list, pointer, &options)
    }
    try check(result)
    defer { git_status_list_free(list) }
    var paths: [String] = []
    for position in 0..<git_status_list_entrycount(list) {
      guard let entry = git_status_byindex(list, position)?.pointee else { continue }
      let delta = entry.index_to_workdir ?? entry.head_to_index
      guard let file = delta?.pointee.new_file.path ?? delta?.pointee.old_file.path else { continue }
      paths.append(String(cString: file))
    }
    return Array(Set(paths)).sorted()
  }

  /// Refuses (`WorkingTreeRefusal`) when a file amend did not write stands at one of `paths` where
  /// `commit` would put or remove a file: the check `publish` makes under the index lock, made ahead
  /// of a step that cannot be taken back (a push).
  public func checkWorkingTree(paths: [String], for commit: ObjectID) throws {
    guard !isBare, workingDirectory != nil else { return }
    try checkNothingInTheWay(of: Repository.cleaned(paths), for: commit)
  }
}
