import Foundation
import GitStore

/// A negotiation repository opened for a command: where it reads the record and how it adds to it.
public final class Workspace {
  /// The negotiation's repository.
  public let repository: Repository
  /// The branch the negotiation is on: the one HEAD names ("refs/heads/main").
  public let branch: String
  /// The clock, ids and committer every operation uses.
  public let context: Context
  /// Things worth telling the user that did not stop the command.
  public internal(set) var warnings: [String] = []
  /// The sitting under way (`inOneSitting`), whose commits are chained before the branch moves.
  var sitting: Sitting?
  /// Records decoded and drafts parsed by this workspace's snapshots, kept for the next ones.
  lazy var memory = SnapshotMemory(records: RecordCache(repository: repository))

  /// A workspace on `repository`, which must hold a negotiation's branch.
  public init(repository: Repository, context: Context) throws {
    guard let branch = try repository.headBranch() else {
      throw RepositoryError.detachedHead
    }
    self.repository = repository
    self.branch = branch
    self.context = context
  }

  /// Opens the negotiation repository that contains `path`.
  public static func open(at path: String, context: Context) throws -> Workspace {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
      throw RepositoryError.noSuchFolder(path)
    }
    let repository: Repository
    do {
      repository = try Repository.open(at: path)
    } catch {
      throw RepositoryError.notARepository(path, error)
    }
    let workspace = try Workspace(repository: repository, context: context)
    try workspace.finishInterruptedWrite()
    return workspace
  }

  /// A writer killed after moving the branch leaves `.git/index.lock` with what it had left to do;
  /// any command finishes it first, so the index never stays behind the branch.
  func finishInterruptedWrite() throws {
    do {
      try repository.finishInterruptedUpdate()
    } catch {
      warnings.append("an interrupted write could not be finished (\(error.message)); amend will try again")
    }
  }

  /// The record as it stands at the tip of the branch.
  public func snapshot() throws -> Snapshot {
    if let sitting { return Snapshot(repository: repository, tip: sitting.tip, memory: memory, ledger: sitting.ledger) }
    return Snapshot(repository: repository, tip: try repository.referenceTarget(branch), memory: memory)
  }

  /// The person at the keyboard: `--committer`, else git config's user.name and user.email.
  public func committer() throws -> Person {
    if let committer = context.committer { return try Person(checking: committer, from: .context) }
    if let name = try repository.configString("user.name"), let email = try repository.configString("user.email") {
      return Person(
        name: try Names.checked(name, .committerName(.gitConfig)),
        email: try Names.checkedEmail(email, .committerEmail(.gitConfig)))
    }
    throw RepositoryError.noCommitter
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
    if let sitting { return try commitInSitting(sitting, authoredBy: author, message: message, build) }
    let committer = try committer()
    let signer = try signer()
    let now = context.now()
    var written: [String] = []
    var last: Snapshot?
    let publication = try refusingObstacles {
      try repository.recordOnBranch(branch, signer: signer) { tip in
        let snapshot = Snapshot(repository: repository, tip: tip, memory: memory)
        let files = try build(snapshot)
        let changes = try treeChanges(files)
        let base = try tip.map { try repository.treeID(ofCommit: $0) }
        written = files.keys.sorted()
        last = snapshot
        var plan = CommitPlan(
          tree: try repository.writeTree(base: base, changes: changes),
          author: signature(try author(snapshot), at: now), committer: signature(committer, at: now),
          message: message(snapshot))
        plan.workingTreePaths = written
        return plan
      }
    }
    syncWorkingTree(publication, paths: written)
    let commit = publication.commit
    return (commit, last ?? Snapshot(repository: repository, tip: commit, memory: memory))
  }

  /// Says so when the branch moved but its index entries and working-tree files (or its tag) could not
  /// be brought up to date: `.git/index.lock` is then left in place with what remains to be done, which
  /// keeps `git commit` from recording from the lagging index, and the next amend command finishes it.
  func syncWorkingTree(_ publication: Publication, paths: [String]) {
    guard let problem = publication.unfinished else { return }
    let root = repository.workingDirectory ?? "."
    let files = paths.joined(separator: " ")
    warnings.append(
      "recorded in commit \(publication.commit.short), but the index and working tree were not brought up to date (\(problem.message)); "
        + "the next amend command finishes this, or run "
        + "'cd \(root) && rm -f .git/index.lock && git reset -q -- \(files) && git checkout -- \(files)'"
    )
  }

  /// Turns what stands in the way of a write (a file amend did not write, a held index lock) into a
  /// refusal: nothing has been written when these are thrown.
  func refusingObstacles<Result>(_ body: () throws -> Result) throws -> Result {
    do {
      return try body()
    } catch let refusal as WorkingTreeRefusal {
      throw RepositoryError.inTheWay(refusal)
    } catch let error as GitError where error.isLocked && error.errorClass == 10 {  // GIT_ERROR_INDEX
      // The index lock's own message names its holder and the remove command; other locks are
      // worded by kind where the command's failure is printed.
      throw RepositoryError.locked(error)
    }
  }

  /// A short id for a new record, derived from its content and a nonce: unique across clones.
  func newID(_ content: String, length: Int, attempt: Int) throws -> String {
    let salted = content + "\n" + String(context.nonce() &+ UInt64(attempt))
    return String(try repository.hashBlob(Data(salted.utf8)).hex.prefix(length))
  }
}

extension Workspace {
  /// The files a command writes (nil: removed) as tree changes, their blobs written, in path order.
  func treeChanges(_ files: [String: Data?]) throws -> [TreeChange] {
    try files.sorted(by: { $0.key < $1.key }).map { path, content in
      if let content { return .upsert(path: path, blob: try repository.writeBlob(content)) }
      return .remove(path: path)
    }
  }
}
