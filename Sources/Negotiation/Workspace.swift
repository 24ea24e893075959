import Foundation
import GitStore

/// A negotiation repository opened for a command: where it reads the record and how it adds to it.
public final class Workspace {
  public let repository: Repository
  /// The branch the negotiation is on: the one HEAD names ("refs/heads/main").
  public let branch: String
  public let context: Context
  /// Things worth telling the user that did not stop the command.
  public internal(set) var warnings: [String] = []
  /// Records decoded and drafts parsed by this workspace's snapshots, kept for the next ones.
  lazy var memory = SnapshotMemory(records: RecordCache(repository: repository))

  public init(repository: Repository, context: Context) throws {
    guard let branch = try repository.headBranch() else {
      throw AmendError("HEAD is detached: switch to the negotiation's branch first (git switch main)")
    }
    self.repository = repository
    self.branch = branch
    self.context = context
  }

  /// Opens the negotiation repository that contains `path`.
  public static func open(at path: String, context: Context) throws -> Workspace {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
      throw AmendError("no such folder: \(path); give an existing folder with --repo")
    }
    let repository: Repository
    do {
      repository = try Repository.open(at: path)
    } catch {
      throw AmendError(
        "\(path) is not inside a negotiation repository (\(error.message)); run 'amend init --from FILE' there first")
    }
    return try Workspace(repository: repository, context: context)
  }

  /// The record as it stands at the tip of the branch.
  public func snapshot() throws -> Snapshot {
    Snapshot(repository: repository, tip: try repository.referenceTarget(branch), memory: memory)
  }

  /// The person at the keyboard: `--committer`, else git config's user.name and user.email.
  public func committer() throws -> Person {
    if let committer = context.committer { return try Person(checking: committer, from: "--committer (or AMEND_COMMITTER)") }
    if let name = try repository.configString("user.name"), let email = try repository.configString("user.email") {
      return Person(
        name: try Names.checked(name, "git config user.name"), email: try Names.checkedEmail(email, "git config user.email"))
    }
    throw AmendError(
      "who is at the keyboard? pass --committer 'Name <email>' or set git config user.name and user.email")
  }

  func signature(_ person: Person, at date: Date) -> Signature {
    Signature(
      name: person.name, email: person.email, time: date,
      timeZoneOffsetMinutes: context.timeZone.secondsFromGMT(for: date) / 60)
  }

  /// Adds one commit to the branch, written by `author`, holding the files `build` returns (nil
  /// content removes a file). When another process moves the branch first, `build` runs again on the
  /// new tip, so no one's record is ever lost. Only the files written are brought up to date in the
  /// working tree.
  @discardableResult
  func commit(
    author: Person, message: @escaping (Snapshot) -> String,
    _ build: (Snapshot) throws -> [String: Data?]
  ) throws -> (commit: ObjectID, snapshot: Snapshot) {
    try commit(authoredBy: { _ in author }, message: message, build)
  }

  /// The same, for an author known only from the record itself (the chair of the open session).
  @discardableResult
  func commit(
    authoredBy author: (Snapshot) throws -> Person, message: @escaping (Snapshot) -> String,
    _ build: (Snapshot) throws -> [String: Data?]
  ) throws -> (commit: ObjectID, snapshot: Snapshot) {
    let committer = try committer()
    let now = context.now()
    var written: [String] = []
    var last: Snapshot?
    let commit = try repository.commitOnBranch(branch) { tip in
      let snapshot = Snapshot(repository: repository, tip: tip, memory: memory)
      let files = try build(snapshot)
      var changes: [TreeChange] = []
      for (path, content) in files.sorted(by: { $0.key < $1.key }) {
        if let content {
          changes.append(.upsert(path: path, blob: try repository.writeBlob(content)))
        } else {
          changes.append(.remove(path: path))
        }
      }
      let base = try tip.map { try repository.treeID(ofCommit: $0) }
      written = files.keys.sorted()
      last = snapshot
      return CommitPlan(
        tree: try repository.writeTree(base: base, changes: changes),
        author: signature(try author(snapshot), at: now), committer: signature(committer, at: now),
        message: message(snapshot))
    }
    syncWorkingTree(paths: written, to: commit)
    return (commit, last ?? Snapshot(repository: repository, tip: commit, memory: memory))
  }

  /// Brings the working-tree copies of `paths` up to date when the branch is checked out.
  func syncWorkingTree(paths: [String], to commit: ObjectID) {
    guard repository.workingDirectory != nil, !paths.isEmpty else { return }
    do {
      try repository.updateWorkingTree(paths: paths, to: commit)
    } catch {
      warnings.append(
        "recorded in commit \(commit.short), but the working-tree copies of \(paths.joined(separator: ", ")) were not updated (\(error.message)); 'git checkout -- drafts proposals' brings them up to date")
    }
  }

  /// A short id for a new record, derived from its content and a nonce: unique across clones.
  func newID(_ content: String, length: Int, attempt: Int) throws -> String {
    let salted = content + "\n" + String(context.nonce() &+ UInt64(attempt))
    return String(try repository.hashBlob(Data(salted.utf8)).hex.prefix(length))
  }
}
