internal import CLibGit2

/// The first-parent line of a branch, each commit with the id of one folder in its tree: what a
/// reader of that folder's history needs before it reads any blob.
public struct FirstParentLine: Sendable {
  /// The commits from the root (or the first readable one) to the tip, oldest first.
  public var commits: [ObjectID] = []
  /// For each commit, the id of the tree at the folder asked about; nil where there is none.
  public var folders: [ObjectID?] = []
  /// For each commit, its first parent (nil for a root commit).
  public var parents: [ObjectID?] = []
  /// For each commit, whether it has more than one parent.
  public var merges: [Bool] = []
  /// Where the line stops before its root: the oldest commit read, the parent that could not be read
  /// (a shallow clone, a rewritten history) and why.
  public var stop: (commit: ObjectID, parent: ObjectID, error: GitError)?
  /// How many commits were read from the object database.
  public var read = 0
  /// Whether the walk stopped at the commit it was told to stop at (which is not in `commits`).
  public var reachedEnd = false
}

extension Repository {
  /// The commits from `tip` to the root along first parents (at a merge, the parent whose `folder` it
  /// kept: see `folderParent`), oldest first, each with the tree id at
  /// `folder` (a top-level folder such as "drafts"), read without copying any commit's message: the
  /// walk every reader of a folder's history starts with, at the cost of one commit and one tree
  /// lookup a commit.
  ///
  /// An unreadable tip throws; an unreadable parent ends the line there (see `FirstParentLine.stop`).
  /// A walk told to end at `end` stops short of it when it meets it (`reachedEnd`): a reader that
  /// already knows the line up to `end` reads only what came after.
  public func firstParentLine(
    from tip: ObjectID, folder: String, end: ObjectID? = nil
  ) throws(GitError) -> FirstParentLine {
    var line = FirstParentLine()
    let path = Repository.normalized(folder)
    var currentID = tip
    // The tip is always read, so that a tip that is not a commit fails as it always has.
    var current: OpaquePointer = try lookupObject(tip, as: GIT_OBJECT_COMMIT)
    while true {
      let parent: ObjectID?
      do {
        defer { git_object_free(current) }
        line.read += 1
        line.commits.append(currentID)
        line.folders.append(try Repository.folderID(ofCommit: current, at: path))
        line.merges.append(git_commit_parentcount(current) > 1)
        parent = try Repository.folderParent(of: current, keeping: line.folders.last ?? nil, at: path, in: self)
      }
      line.parents.append(parent)
      guard let parent else { break }
      if parent == end {
        line.reachedEnd = true
        break
      }
      do throws(GitError) {
        current = try lookupObject(parent, as: GIT_OBJECT_COMMIT)
        currentID = parent
      } catch {
        line.stop = (currentID, parent, error)
        break
      }
    }
    line.commits.reverse()
    line.folders.reverse()
    line.parents.reverse()
    line.merges.reverse()
    return line
  }

  /// The parent the line goes on to: the first parent, except at a merge whose `folder` came unchanged
  /// from another parent (a sync that brought in a draft produced elsewhere), where the line follows
  /// that parent, so that the commits which wrote the folder are read rather than the merge that carried them.
  private static func folderParent(
    of commit: OpaquePointer, keeping folder: ObjectID?, at path: String, in repository: Repository
  ) throws(GitError) -> ObjectID? {
    let count = git_commit_parentcount(commit)
    guard count > 0, let first = ObjectID(git_commit_parent_id(commit, 0)) else { return nil }
    guard count > 1, let folder else { return first }
    func folderOf(_ id: ObjectID) -> ObjectID? {
      guard let parent = try? repository.lookupObject(id, as: GIT_OBJECT_COMMIT) else { return nil }
      defer { git_object_free(parent) }
      return (try? folderID(ofCommit: parent, at: path)) ?? nil
    }
    if folderOf(first) == folder { return first }
    for index in 1..<count {
      if let other = ObjectID(git_commit_parent_id(commit, index)), folderOf(other) == folder { return other }
    }
    return first
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
