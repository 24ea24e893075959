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
  /// For each commit, whether it has more than one parent (false for a commit known before the walk).
  public var merges: [Bool] = []
  /// Where the line stops before its root: the oldest commit read, the parent that could not be read
  /// (a shallow clone, a rewritten history) and why.
  public var stop: (commit: ObjectID, parent: ObjectID, error: GitError)?
  /// How many commits were read from the object database (the others were known).
  public var read = 0
  /// Whether the walk stopped at the commit it was told to stop at (which is not in `commits`).
  public var reachedEnd = false
}

/// What a walk already knows of a commit: its first parent and the tree id at the folder walked.
/// A commit id names its content, so this never goes out of date.
public struct KnownCommit: Sendable, Equatable {
  public var parent: ObjectID?
  public var folder: ObjectID?

  public init(parent: ObjectID?, folder: ObjectID?) {
    self.parent = parent
    self.folder = folder
  }
}

extension Repository {
  /// The commits from `tip` to the root along first parents (at a merge, the parent whose `folder` it
  /// kept: see `folderParent`), oldest first, each with the tree id at
  /// `folder` (a top-level folder such as "drafts"), read without copying any commit's message: the
  /// walk every reader of a folder's history starts with, at the cost of one commit and one tree
  /// lookup a commit. A commit in `known` (and still in the object database) is not read again.
  ///
  /// An unreadable tip throws; an unreadable parent ends the line there (see `FirstParentLine.stop`).
  /// A walk told to end at `end` stops short of it when it meets it (`reachedEnd`): a reader that
  /// already knows the line up to `end` reads only what came after.
  public func firstParentLine(
    from tip: ObjectID, folder: String, known: [ObjectID: KnownCommit] = [:], end: ObjectID? = nil
  ) throws(GitError) -> FirstParentLine {
    var line = FirstParentLine()
    let path = Repository.normalized(folder)
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer))
    defer { git_odb_free(odb) }
    var currentID = tip
    // The tip is always read, so that a tip that is not a commit fails as it always has.
    var current: OpaquePointer? = try lookupObject(tip, as: GIT_OBJECT_COMMIT)
    while true {
      let parent: ObjectID?
      if let commit = current {
        defer { git_object_free(commit) }
        line.read += 1
        line.commits.append(currentID)
        line.folders.append(try Repository.folderID(ofCommit: commit, at: path))
        line.merges.append(git_commit_parentcount(commit) > 1)
        parent = try Repository.folderParent(of: commit, keeping: line.folders.last ?? nil, at: path, in: self)
      } else if let remembered = known[currentID] {
        line.commits.append(currentID)
        line.folders.append(remembered.folder)
        line.merges.append(false)
        parent = remembered.parent
      } else {
        break
      }
      line.parents.append(parent)
      guard let parent else { break }
      if parent == end {
        line.reachedEnd = true
        break
      }
      var oid = parent.oid
      if known[parent] != nil, let odb, git_odb_exists(odb, &oid) == 1 {
        current = nil
        currentID = parent
        continue
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
