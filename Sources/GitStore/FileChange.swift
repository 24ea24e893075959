/// One file that differs between two trees.
public struct FileChange: Sendable, Equatable, Hashable {
  /// How the file changed.
  public enum Status: Sendable, Equatable, Hashable {
    case added, deleted, modified, renamed, copied, typeChange, other
  }

  public var status: Status
  /// The path before the change; nil when added.
  public var oldPath: String?
  /// The path after the change; nil when deleted.
  public var newPath: String?
  /// The blob before the change; nil when added.
  public var oldID: ObjectID?
  /// The blob after the change; nil when deleted.
  public var newID: ObjectID?

  public init(
    status: Status, oldPath: String?, newPath: String?, oldID: ObjectID?, newID: ObjectID?
  ) {
    self.status = status
    self.oldPath = oldPath
    self.newPath = newPath
    self.oldID = oldID
    self.newID = newID
  }

  /// The path to show: the new one, or the old one for deletions.
  public var path: String { newPath ?? oldPath ?? "" }
}
