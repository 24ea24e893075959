import Foundation
import GitStore

/// The commits of a sitting not yet on the branch (`Workspace.inOneSitting`).
final class Sitting {
  /// The branch's tip when the sitting began, which it must still be when the sitting ends.
  let began: ObjectID?
  /// The last commit of the sitting (the branch's tip before the first).
  var tip: ObjectID?
  /// The ledger at `tip`, folded one record at a time; nil when it must be folded afresh.
  var ledger: Ledger?
  /// Every path the sitting's commits wrote, brought up to date in the working tree at the end.
  var paths: Set<String> = []
  /// How many commits the sitting made.
  var commits = 0

  init(tip: ObjectID?, ledger: Ledger?) {
    self.began = tip
    self.tip = tip
    self.ledger = ledger
  }
}

extension Workspace {
  /// Records everything `body` tables and decides as if at one sitting of the room: each proposal
  /// tabled and each decision taken is still its own commit, with exactly the record and checks the
  /// single command makes (`table`, `decide`, `openSession`…), but the commits are chained one on
  /// another without moving the branch, and the branch (with the index and working tree of every path
  /// they wrote) moves once, at the end. Within the sitting the ledger is carried from one commit to
  /// the next rather than read again from the whole record, so a long agenda is cheap to record.
  ///
  /// For a record built in one process — an importer, a generator, a replay — not for a room of
  /// writers: if anyone else moves the branch during the sitting, nothing is published and
  /// `RepositoryError.movedDuringSitting` is thrown. If `body` throws, nothing is published either.
  /// Returns what `body` returns.
  public func inOneSitting<Result>(_ body: () throws -> Result) throws -> Result {
    precondition(sitting == nil, "inOneSitting is not re-entrant")
    let start = try repository.referenceTarget(branch)
    let opening = Snapshot(repository: repository, tip: start, memory: memory)
    let current = Sitting(tip: start, ledger: opening.knownLedger)
    sitting = current
    defer { sitting = nil }
    let result = try body()
    sitting = nil
    guard current.commits > 0, let tip = current.tip else { return result }
    let update = BranchUpdate(
      branch: branch, commit: tip, expected: start, reflogMessage: "commit: a sitting of \(current.commits) commits",
      workingTreePaths: current.paths.sorted())
    guard let publication = try refusingObstacles({ try repository.publish(update) }) else {
      throw RepositoryError.movedDuringSitting(commits: current.commits)
    }
    syncWorkingTree(publication, paths: current.paths.sorted())
    return result
  }

  /// One commit of a sitting: built on the sitting's last commit, the branch left where it is.
  func commitInSitting(
    _ sitting: Sitting, authoredBy author: (Snapshot) throws -> Person, message: (Snapshot) -> String,
    _ build: (Snapshot) throws -> [String: Data?]
  ) throws -> (commit: ObjectID, snapshot: Snapshot) {
    let now = context.now()
    let snapshot = Snapshot(repository: repository, tip: sitting.tip, memory: memory, ledger: sitting.ledger)
    let files = try build(snapshot)
    let changes = try treeChanges(files)
    let base = try sitting.tip.map { try repository.treeID(ofCommit: $0) }
    let tree = try repository.writeTree(base: base, changes: changes)
    let authorSignature = signature(try author(snapshot), at: now)
    let committerSignature = signature(try committer(), at: now)
    let parents = sitting.tip.map { [$0] } ?? []
    let commit =
      if let signer = try signer() {
        try repository.createSignedCommit(
          tree: tree, parents: parents, author: authorSignature, committer: committerSignature, message: message(snapshot),
          signer: signer)
      } else {
        try repository.createCommit(
          tree: tree, parents: parents, author: authorSignature, committer: committerSignature, message: message(snapshot))
      }
    // The ledger moves from the snapshot to the sitting, extended in place (not copied: it holds every record).
    sitting.ledger = nil
    var ledger = snapshot.handOverLedger()
    sitting.ledger = ledger != nil && Self.add(files, to: &ledger!) ? ledger : nil
    sitting.tip = commit
    sitting.paths.formUnion(files.keys)
    sitting.commits += 1
    return (commit, snapshot)
  }

  /// Adds the records in `files` to `ledger`, as folding the whole record again would give; false (and
  /// `ledger` unusable) when that cannot be done one record at a time (a record removed or replaced, a
  /// draft written, a record that links to others).
  static func add(_ files: [String: Data?], to ledger: inout Ledger) -> Bool {
    var proposals: [ProposalRecord] = []
    var events: [EventRecord] = []
    for (path, content) in files {
      guard let content else { return false }
      if RecordLayout.isEventPath(path) {
        guard let event = try? RecordCoding.decodeEvent(content, path: path) else { return false }
        events.append(event)
      } else if RecordLayout.proposalID(inPath: path) != nil {
        guard let proposal = try? RecordCoding.decodeProposal(content, path: path) else { return false }
        proposals.append(proposal)
      } else {
        return false
      }
    }
    return ledger.add(proposals: proposals, events: events)
  }
}
