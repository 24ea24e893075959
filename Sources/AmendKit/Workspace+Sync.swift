import DraftText
import Foundation
import GitStore

extension Workspace {
  /// How many times `sync` fetches, joins and pushes again when someone else pushed first.
  public static let syncAttempts = 5

  /// Synchronises the negotiation with `remote` (default: the branch's upstream, else `origin`, else
  /// the only remote): fetches its branch, joins the two histories, pushes the result with a lease,
  /// and fetches and joins again (at most `attempts` times) when someone pushed first.
  ///
  /// Histories are joined by merging, never by rebasing: every commit keeps its author (the delegation
  /// that tabled, the chair who decided) and its bytes, signatures included. When the local branch is
  /// behind it is fast-forwarded; when both moved, a merge commit by the person syncing
  /// (`Amend-Event: sync`) joins them. Records are one file each and never edited, so the trees join
  /// without textual conflict; if git finds one (a record edited by hand), nothing is merged. Opposite
  /// decisions on one proposal are not a textual conflict: they are merged and reported in
  /// `SyncReport.conflicts` (status `conflict`) for the chair to settle.
  ///
  /// The remote is pushed to before the local branch moves, and the local branch moves by
  /// compare-and-swap under the index lock with its changed paths brought up to date in the index and
  /// working tree (other uncommitted edits left alone): a sync stopped at any point leaves the local
  /// repository before or after, and the next sync finishes the work.
  public func sync(remote requested: String? = nil, attempts: Int = Workspace.syncAttempts) throws -> SyncReport {
    let remote = try resolveRemote(requested)
    let remoteBranch = try repository.upstream(of: branch).flatMap { $0.remote == remote.name ? $0.branch : nil } ?? branch
    let uncommitted = try repository.uncommittedPaths(under: ["proposals", "drafts"])
    guard uncommitted.isEmpty else { throw SyncError.uncommittedRecords(uncommitted) }
    var retries = 0
    var lastReason = ""
    var refusedAt: ObjectID??
    for _ in 0..<max(attempts, 1) {
      let fetched = try reaching(remote) { try repository.fetch(remote: remote.name, branch: remoteBranch) }
      // A push refused although no one had pushed meanwhile (a hook, a protected branch) is a refusal,
      // not a race: retrying would not cure it.
      if let refusedAt, refusedAt == fetched.tip {
        throw SyncError.pushRefused(remote: remote.name, GitError(code: -1, message: lastReason))
      }
      let local = try repository.referenceTarget(branch)
      let tagsBefore = Set(try repository.tags().map(\.name))
      if let tip = fetched.tip {
        try requireNegotiation(at: tip, url: remote.url, branch: remoteBranch)
      } else if local == nil {
        throw SyncError.notANegotiation(url: remote.url, branch: nil)
      }
      var report = try join(local: local, remote: fetched.tip, remoteName: remote.name, remoteBranch: remoteBranch)
      report.url = remote.url
      report.retries = retries
      guard let result = ObjectID(hex: report.tip) else { throw RepositoryError.nothingCommitted }
      // What the remote lacks goes first: the local branch moves only once the remote holds the result.
      let tagsToSend = try draftTags(reachableFrom: result).filter { fetched.tags[$0.key] == nil }
      if result != fetched.tip || !tagsToSend.isEmpty {
        if result != local {
          try refusingObstacles {
            try repository.checkWorkingTree(paths: try changedPaths(from: local, to: result), for: result)
          }
        }
        context.beforePublish()
        let outcome = try pushing(remote) {
          try repository.push(result, to: remote, branch: remoteBranch, expecting: fetched.tip, tags: tagsToSend)
        }
        if case .remoteMoved(let reason) = outcome {
          retries += 1
          lastReason = reason
          refusedAt = .some(fetched.tip)
          continue
        }
        report.tagsSent = tagsToSend.keys.sorted()
      }
      if result != local {
        guard try publishSync(result, over: local, tags: fetched.tags, remoteName: remote.name) else {
          // Someone recorded something here meanwhile: the remote holds the result; join again.
          continue
        }
      } else {
        try repository.createMissingTags(fetched.tags.filter { $0.key.hasPrefix("draft-") }, reachableFrom: result)
      }
      report.tagsReceived = try repository.tags().map(\.name).filter { !tagsBefore.contains($0) }
      try repository.updateRemoteTracking(remote: remote.name, branch: remoteBranch, to: result)
      report.conflicts = try conflicts(at: result)
      return report
    }
    throw SyncError.pushKeptFailing(remote: remote.name, attempts: max(attempts, 1), reason: lastReason)
  }

  /// The remote `requested` names, else the one the branch follows, else `origin`, else the only one.
  func resolveRemote(_ requested: String?) throws -> Remote {
    let known = try repository.remotes()
    if let requested {
      guard let remote = known.first(where: { $0.name == requested }) else {
        throw SyncError.unknownRemote(requested, known: known.map(\.name))
      }
      return remote
    }
    if let upstream = try repository.upstream(of: branch), let remote = known.first(where: { $0.name == upstream.remote }) {
      return remote
    }
    if let origin = known.first(where: { $0.name == "origin" }) { return origin }
    if known.count == 1, let only = known.first { return only }
    throw SyncError.noRemote(known: known.map(\.name))
  }

  /// Joins the local tip and the remote's: the new tip and how it was reached; writes a merge commit
  /// (not yet on any branch) when both moved.
  private func join(local: ObjectID?, remote: ObjectID?, remoteName: String, remoteBranch: String) throws -> SyncReport {
    let name = branch.replacingOccurrences(of: "refs/heads/", with: "")
    var report = SyncReport(
      remote: remoteName, url: "", branch: name, fetched: 0, pushed: 0, integration: .upToDate, mergeCommit: nil,
      tip: (local ?? remote)?.hex ?? "", retries: 0, tagsReceived: [], tagsSent: [], conflicts: [], notes: [])
    guard let remote else {
      report.integration = .localAhead
      report.pushed = try local.map { try repository.history(from: $0).count } ?? 0
      return report
    }
    guard let local else {
      report.integration = .fastForward
      report.fetched = try repository.history(from: remote).count
      report.tip = remote.hex
      return report
    }
    if local == remote { return report }
    let (ahead, behind) = try repository.aheadBehind(local, remote)
    report.fetched = behind
    if try repository.contains(local, from: remote) {
      report.integration = .fastForward
      report.tip = remote.hex
      return report
    }
    if try repository.contains(remote, from: local) {
      report.integration = .localAhead
      report.pushed = ahead
      return report
    }
    guard try repository.mergeBase(local, remote) != nil else {
      throw SyncError.unrelatedHistories(remote: remoteName, branch: remoteBranch)
    }
    let tree: ObjectID
    do {
      tree = try repository.mergedTree(ours: local, theirs: remote)
    } catch let conflict as MergeConflict {
      throw SyncError.textualConflict(paths: conflict.paths)
    }
    let me = try committer()
    let now = context.now()
    let short = remoteBranch.replacingOccurrences(of: "refs/heads/", with: "")
    let message =
      "Sync with \(CommitText.line(remoteName))/\(CommitText.line(short))\n\n"
      + "Joins \(behind) commit\(behind == 1 ? "" : "s") from \(CommitText.line(remoteName)) (\(remote.short)) with \(ahead) made here "
      + "(\(local.short)); every commit keeps its author.\n\nAmend-Event: sync"
    let merge = try repository.createCommit(
      tree: tree, parents: [local, remote], author: signature(me, at: now), committer: signature(me, at: now), message: message)
    report.integration = .merged
    report.mergeCommit = merge.hex
    report.tip = merge.hex
    report.pushed = ahead + 1
    return report
  }

  /// Moves the local branch from `local` to `result` by compare-and-swap, bringing the changed paths
  /// and the remote's draft tags up to date; false when another writer moved the branch first.
  private func publishSync(_ result: ObjectID, over local: ObjectID?, tags: [String: ObjectID], remoteName: String) throws -> Bool {
    let paths = try changedPaths(from: local, to: result)
    let update = BranchUpdate(
      branch: branch, commit: result, expected: local, reflogMessage: "amend sync: \(remoteName)", workingTreePaths: paths,
      tags: tags.filter { $0.key.hasPrefix("draft-") })
    guard let publication = try refusingObstacles({ try repository.publish(update) }) else { return false }
    syncWorkingTree(publication, paths: paths)
    return true
  }

  /// Every path whose file differs between two commits.
  private func changedPaths(from old: ObjectID?, to new: ObjectID) throws -> [String] {
    try repository.diff(from: old, to: new).flatMap { [$0.oldPath, $0.newPath].compactMap { $0 } }
  }

  /// Local `draft-N` tags that mark commits `tip` reaches: name → tag object.
  private func draftTags(reachableFrom tip: ObjectID) throws -> [String: ObjectID] {
    var tags: [String: ObjectID] = [:]
    for tag in try repository.tags() where tag.name.hasPrefix("draft-") {
      guard try repository.contains(tag.target, from: tip), let object = try repository.referenceTarget("refs/tags/" + tag.name) else {
        continue
      }
      tags[tag.name] = object
    }
    return tags
  }

  /// Refuses a remote branch that holds no draft: not a negotiation.
  func requireNegotiation(at tip: ObjectID, url: String, branch: String) throws {
    let drafts = try Snapshot(repository: repository, tip: tip).draftFiles.get()
    if drafts.isEmpty { throw SyncError.notANegotiation(url: url, branch: branch.replacingOccurrences(of: "refs/heads/", with: "")) }
  }

  /// The proposals in conflict at `tip`, each decision with the commit that recorded it.
  func conflicts(at tip: ObjectID) throws -> [SyncConflict] {
    let snapshot = Snapshot(repository: repository, tip: tip, memory: memory)
    guard let ledger = try? snapshot.ledger.get() else { return [] }
    return try ledger.conflicts.map { state in
      SyncConflict(
        proposal: state.id, delegation: state.record.delegation, clause: ClauseID(rawValue: state.record.clause).display,
        decisions: try state.conflict.map { event in
          let commit = try repository.history(from: tip, touching: ledger.path(ofEvent: event.id), limit: 1).first
          return SyncConflict.Decision(
            decision: event.kind.rawValue, session: event.session,
            sessionName: ledger.sessions.first { $0.id == event.session }?.name ?? event.sessionName, chair: event.chair,
            date: event.date, commit: commit?.id.hex)
        })
    }
  }

  /// Runs a fetch, turning what the network says into `SyncError`s.
  private func reaching<Result>(_ remote: Remote, _ body: () throws -> Result) throws -> Result {
    do {
      return try body()
    } catch let error as GitError {
      throw Workspace.remoteFailure(error, remote: remote.name, url: remote.url)
    }
  }

  /// Runs a push: an authentication failure or an unreachable remote as for a fetch; anything else the
  /// remote refused is a refusal retrying will not cure.
  private func pushing<Result>(_ remote: Remote, _ body: () throws -> Result) throws -> Result {
    do {
      return try body()
    } catch let error as GitError {
      if error.isAuthentication { throw SyncError.authenticationRefused(remote: remote.name, url: remote.pushURL ?? remote.url, error) }
      switch error.kind {
      case .locked, .readOnly, .diskFull, .damaged: throw error
      default: throw SyncError.pushRefused(remote: remote.name, error)
      }
    }
  }

  static func remoteFailure(_ error: GitError, remote: String, url: String) -> Error {
    if error.isAuthentication { return SyncError.authenticationRefused(remote: remote, url: url, error) }
    // libgit2 says "unsupported URL protocol" of a path that does not exist.
    let path = Remote.localPath(url)
    if Remote.isLocal(url), !FileManager.default.fileExists(atPath: path) {
      return SyncError.unreachable(remote: remote, url: url, GitError(code: error.code, message: "there is no folder \(path)"))
    }
    switch error.kind {
    case .locked, .diskFull, .damaged: return error
    default: return SyncError.unreachable(remote: remote, url: url, error)
    }
  }
}
