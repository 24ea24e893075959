internal import CLibGit2

/// The first-parent line of a branch, each commit with the id of one folder in its tree: what a
/// reader of that folder's history needs before it reads any blob.
public struct FirstParentLine: Sendable {
  /// The commits from the root (or the first readable one) to the tip, oldest first.
  public var commits: [ObjectID] = []
  /// For each commit, the id of the tree at the folder asked about; nil where there is none.
  public var folders: [ObjectID?] = []
  /// Where the line stops before its root: the oldest commit read, the parent that could not be read
  /// (a shallow clone, a rewritten history) and why.
  public var stop: (commit: ObjectID, parent: ObjectID, error: GitError)?
}

extension Repository {
  /// The commits from `tip` to the root along first parents, oldest first, each with the tree id at
  /// `folder` (a top-level folder such as "drafts"), read without copying any commit's message: the
  /// walk every reader of a folder's history starts with, at the cost of one commit and one tree
  /// lookup a commit.
  ///
  /// An unreadable tip throws; an unreadable parent ends the line there (see `FirstParentLine.stop`).
  public func firstParentLine(from tip: ObjectID, folder: String) throws(GitError) -> FirstParentLine {
    var line = FirstParentLine()
    let path = Repository.normalized(folder)
    var current = try lookupObject(tip, as: GIT_OBJECT_COMMIT)
    var currentID = tip
    while true {
      let parent: ObjectID?
      do {
        defer { git_object_free(current) }
        line.commits.append(currentID)
        line.folders.append(try Repository.folderID(ofCommit: current, at: path))
        parent = git_commit_parentcount(current) > 0 ? ObjectID(git_commit_parent_id(current, 0)) : nil
      }
      guard let parent else { break }
      do {
        current = try lookupObject(parent, as: GIT_OBJECT_COMMIT)
        currentID = parent
      } catch {
        line.stop = (currentID, parent, error)
        break
      }
    }
    line.commits.reverse()
    line.folders.reverse()
    return line
  }

  /// The id of the tree at `path` in a looked-up commit's tree; nil when it is absent or not a folder.
  private static func folderID(ofCommit commit: OpaquePointer, at path: String) throws(GitError) -> ObjectID? {
    var tree: OpaquePointer?
    try check(git_commit_tree(&tree, commit))
    defer { git_tree_free(tree) }
    guard let tree, let found = try entry(in: tree, at: path), found.kind == .tree else { return nil }
    return found.id
  }
}
