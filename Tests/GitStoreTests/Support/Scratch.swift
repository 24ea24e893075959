import Foundation
import GitStore

/// A temporary folder removed when the value is released.
final class ScratchDirectory {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("gitstore-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// `path` joined with a relative path.
  func join(_ relative: String) -> String { path + "/" + relative }

  /// Writes `text` at a relative path, creating folders.
  func write(_ text: String, to relative: String) throws {
    let url = URL(fileURLWithPath: join(relative))
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Reads the text at a relative path; nil when absent.
  func read(_ relative: String) -> String? {
    FileManager.default.contents(atPath: join(relative)).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// A scratch folder holding a freshly created repository.
final class ScratchRepository {
  let directory: ScratchDirectory
  let repository: Repository

  init(bare: Bool = false) throws {
    directory = try ScratchDirectory()
    repository = try Repository.create(at: directory.path, bare: bare)
  }

  var path: String { directory.path }
}

/// Deterministic signatures so object ids are reproducible.
enum Fixture {
  /// 2010-10-12 08:00:00 UTC.
  static let epoch = Date(timeIntervalSince1970: 1_286_870_400)

  /// A signature for `name` at `epoch` plus `minutes`, in UTC+2.
  static func signature(_ name: String, minutes: Int = 0) -> Signature {
    Signature(
      name: name, email: "\(name.lowercased())@example.com",
      time: epoch.addingTimeInterval(TimeInterval(minutes * 60)), timeZoneOffsetMinutes: 120)
  }

  static let alice = signature("Alice")
}

extension Repository {
  /// Commits `files` (path → text) and `removing` on top of `branch` through `commitOnBranch`.
  @discardableResult
  func commitFiles(
    _ files: [String: String], removing: [String] = [], branch: String = "main",
    by author: Signature = Fixture.alice, committer: Signature? = nil, message: String
  ) throws -> ObjectID {
    try commitOnBranch(branch) { tip in
      var changes: [TreeChange] = []
      for (path, text) in files.sorted(by: { $0.key < $1.key }) {
        changes.append(.upsert(path: path, blob: try writeBlob(Data(text.utf8))))
      }
      changes += removing.map { .remove(path: $0) }
      let base = try tip.map { try treeID(ofCommit: $0) }
      let tree = try writeTree(base: base, changes: changes)
      return CommitPlan(
        tree: tree, author: author, committer: committer ?? author, message: message)
    }
  }

  /// Moves `old` to `new` with identical content, like `git mv`.
  @discardableResult
  func commitRename(
    _ old: String, to new: String, by author: Signature, message: String
  ) throws -> ObjectID {
    try commitOnBranch("main") { tip in
      guard let tip else { throw ScratchError("rename needs a commit") }
      guard let blob = try listEntry(at: old, in: tip) else { throw ScratchError("no \(old)") }
      let tree = try writeTree(
        base: try treeID(ofCommit: tip),
        changes: [.remove(path: old), .upsert(path: new, blob: blob)])
      return CommitPlan(tree: tree, author: author, committer: author, message: message)
    }
  }

  /// The blob id at `path` in `commit`, found through `listTree`.
  func listEntry(at path: String, in commit: ObjectID) throws -> ObjectID? {
    let folder = (path as NSString).deletingLastPathComponent
    return try listTree(ofCommit: commit, under: folder).first { $0.path == path }?.id
  }
}

struct ScratchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
