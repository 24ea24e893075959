/// A commit as read from the object database.
public struct Commit: Sendable, Equatable, Hashable {
  public var id: ObjectID
  /// The root tree the commit records.
  public var tree: ObjectID
  /// Parent ids in order; the first parent is the branch the commit was made on.
  public var parents: [ObjectID]
  public var author: Signature
  public var committer: Signature
  /// The full message (libgit2 drops leading blank lines).
  public var message: String

  /// The first line of the message.
  public var summary: String {
    String(message.prefix { $0 != "\n" && $0 != "\r\n" })
  }

  public init(
    id: ObjectID, tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
    message: String
  ) {
    self.id = id
    self.tree = tree
    self.parents = parents
    self.author = author
    self.committer = committer
    self.message = message
  }
}
