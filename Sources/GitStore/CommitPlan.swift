/// What `Repository.commitOnBranch` should commit on top of the branch tip it was given.
public struct CommitPlan: Sendable, Equatable {
  /// The root tree of the new commit.
  public var tree: ObjectID
  /// Parents after the branch tip (for merges); the tip itself is always the first parent.
  public var extraParents: [ObjectID]
  public var author: Signature
  public var committer: Signature
  public var message: String
  /// The files the commit writes, to be brought up to date in the index and working tree when the
  /// branch is checked out (`Repository.recordOnBranch`).
  public var workingTreePaths: [String] = []

  public init(
    tree: ObjectID, extraParents: [ObjectID] = [], author: Signature, committer: Signature,
    message: String
  ) {
    self.tree = tree
    self.extraParents = extraParents
    self.author = author
    self.committer = committer
    self.message = message
  }

  /// Uses one signature as both author and committer.
  public init(tree: ObjectID, extraParents: [ObjectID] = [], signature: Signature, message: String) {
    self.init(
      tree: tree, extraParents: extraParents, author: signature, committer: signature,
      message: message)
  }
}
