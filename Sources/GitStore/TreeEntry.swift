/// What a tree entry points at.
public enum TreeEntryKind: Sendable, Equatable, Hashable {
  /// A file (or symlink): a blob.
  case blob
  /// A folder: another tree.
  case tree
  /// A submodule: a commit of another repository.
  case commit
  /// Anything else libgit2 reports.
  case other
}

/// One entry of a folder in a tree.
public struct TreeEntry: Sendable, Equatable, Hashable {
  /// The entry's own name.
  public var name: String
  /// The full path from the root tree, without a leading "/".
  public var path: String
  public var id: ObjectID
  public var kind: TreeEntryKind
  /// The git file mode, e.g. 0o100644, 0o100755, 0o040000.
  public var mode: UInt32

  public init(name: String, path: String, id: ObjectID, kind: TreeEntryKind, mode: UInt32) {
    self.name = name
    self.path = path
    self.id = id
    self.kind = kind
    self.mode = mode
  }
}
