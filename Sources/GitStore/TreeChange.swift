/// One edit applied to a tree by `Repository.writeTree(base:changes:)`.
public enum TreeChange: Sendable, Equatable, Hashable {
  /// Adds or replaces the regular file (mode 100644) at `path`, creating folders as needed.
  case upsert(path: String, blob: ObjectID)
  /// Removes the file (or whole folder) at `path`; folders left empty disappear, and absent
  /// paths are ignored.
  case remove(path: String)

  /// The path the change applies to.
  public var path: String {
    switch self {
    case .upsert(let path, _), .remove(let path): path
    }
  }
}
