internal import CLibGit2
import Foundation

extension Repository {
  /// Reads commit `id`.
  public func commit(_ id: ObjectID) throws(GitError) -> Commit {
    let commit = try lookupObject(id, as: GIT_OBJECT_COMMIT)
    defer { git_object_free(commit) }
    return try Repository.commitValue(commit)
  }

  /// Copies a looked-up `git_commit` into a `Commit` value.
  static func commitValue(_ commit: OpaquePointer) throws(GitError) -> Commit {
    guard let id = ObjectID(git_commit_id(commit)), let tree = ObjectID(git_commit_tree_id(commit))
    else {
      throw GitError(code: -1, message: "libgit2 returned a commit without id or tree")
    }
    let parents = (0..<git_commit_parentcount(commit)).compactMap {
      ObjectID(git_commit_parent_id(commit, $0))
    }
    guard let author = git_commit_author(commit), let committer = git_commit_committer(commit)
    else {
      throw GitError(code: -1, message: "commit \(id) has no author or committer")
    }
    let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
    return Commit(
      id: id, tree: tree, parents: parents, author: Signature(author),
      committer: Signature(committer), message: message)
  }

  /// Writes a commit object without moving any reference.
  ///
  /// Use `updateReference` (or `commitOnBranch`) to publish it.
  public func createCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
  ) throws(GitError) -> ObjectID {
    var oid = git_oid()
    try withCommitParts(tree: tree, parents: parents, author: author, committer: committer) {
      (treeObject, parentObjects, authorSignature, committerSignature) throws(GitError) in
      try check(
        git_commit_create(
          &oid, pointer, nil, authorSignature, committerSignature, nil, message, treeObject, parentObjects.count,
          &parentObjects))
    }
    return ObjectID(oid)
  }

  /// The tree, the parents and the two signatures a new commit is made of, as libgit2 takes them, for
  /// `body`: `createCommit` and `createSignedCommit` build commits from the same parts.
  func withCommitParts(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
    _ body: (OpaquePointer?, inout [OpaquePointer?], UnsafePointer<git_signature>?, UnsafePointer<git_signature>?) throws(GitError) -> Void
  ) throws(GitError) {
    try reach(.commit)
    let treeObject = try lookupObject(tree, as: GIT_OBJECT_TREE)
    defer { git_object_free(treeObject) }
    var parentObjects: [OpaquePointer?] = []
    defer { parentObjects.forEach { git_object_free($0) } }
    for parent in parents {
      parentObjects.append(try lookupObject(parent, as: GIT_OBJECT_COMMIT))
    }
    try author.withGitSignature { (authorSignature) throws(GitError) in
      try committer.withGitSignature { (committerSignature) throws(GitError) in
        try body(treeObject, &parentObjects, authorSignature, committerSignature)
      }
    }
  }
}
