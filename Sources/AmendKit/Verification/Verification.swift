import DraftText
import Foundation
import GitStore

extension Workspace {
  /// Walks the whole history of the branch, merges included, and reports every breach of the record's
  /// rules: who may record what (by the roles in force at each commit), records and drafts never changed
  /// after they were written, drafts changed only by `amend next` and each re-derived from its
  /// predecessor and the decisions before it, byte for byte, opposite decisions left unsettled, and every
  /// signature checked against the key of the party its commit claims.
  ///
  /// What was found in each commit is kept by commit id under the git directory, so that the next run
  /// checks only new commits; with `full`, everything is checked again.
  public func verify(full: Bool = false) throws -> VerificationReport {
    guard let tip = try repository.referenceTarget(branch) else { throw RepositoryError.nothingCommitted }
    let check = HistoryCheck(workspace: self, tip: tip)
    return try check.run(full: full)
  }
}

/// One walk of the history, oldest commit first, collecting breaches.
final class HistoryCheck {
  let workspace: Workspace
  let repository: Repository
  let tip: ObjectID
  var breaches: [Breach] = []
  /// What the commit being checked shows.
  var current = CommitFacts()
  /// Commits by id, as walked.
  var commits: [ObjectID: Commit] = [:]
  /// Decoded roles files by blob id.
  var rolesByBlob: [ObjectID: Roles?] = [:]
  /// The person who ran `init`: the secretariat until roles are recorded.
  var founder = ""
  /// The commit `init` made.
  var founding: ObjectID?
  /// Draft paths each non-merge commit changed (added or modified), and which it added.
  var draftChanges: [ObjectID: [DraftChange]] = [:]
  /// Every change each non-merge commit made to the record, for the draft chains.
  var changeCounts: [ObjectID: Int] = [:]
  /// "commit path" of draft changes explained by a verified `amend next`.
  var explained: Set<String> = []
  /// Commits that recorded a draft-produced event, with the event's path.
  var produced: [(commit: Commit, path: String)] = []
  /// The commit that added each event, by event id.
  var eventAddedIn: [String: ObjectID] = [:]
  var derived: [Int] = []
  var signatures = 0

  init(workspace: Workspace, tip: ObjectID) {
    self.workspace = workspace
    self.repository = workspace.repository
    self.tip = tip
  }

  func run(full: Bool) throws -> VerificationReport {
    let history = try repository.commitsOldestFirst(from: tip)
    // The commit init made (the first to hold a draft): its draft is trusted as received, and its
    // committer is the secretariat until roles are recorded. It is an ancestor of every commit it
    // bears on, so what is kept by commit id stays true.
    for commit in history where try !repository.listTree(ofCommit: commit.id, under: "drafts").isEmpty {
      founding = commit.id
      founder = commit.committer.name
      break
    }
    let cache = VerificationCache(path: repository.gitDirectory + "/amend/verify-v1.cache", load: !full)
    for commit in history {
      commits[commit.id] = commit
      if let known = cache.commits[commit.id] {
        take(known, of: commit)
        continue
      }
      current = CommitFacts()
      switch commit.parents.count {
      case 0: break  // The first draft as received: trusted, as the root of everything after it.
      case 1: try checkCommit(commit)
      default: try checkMerge(commit)
      }
      cache.remember(current, for: commit.id)
      take(current, of: commit)
    }
    for (commit, path) in produced {
      let facts: DerivedFacts
      if let known = cache.drafts[commit.id] {
        facts = known
      } else {
        facts = try rederive(commit, eventPath: path)
        cache.remember(facts, for: commit.id)
      }
      if facts.derived { derived.append(facts.number) }
      breaches += facts.breaches
      explained.formUnion(facts.explained)
    }
    cache.save()
    for (id, changes) in draftChanges {
      for change in changes where !explained.contains("\(id.hex) \(change.path)") {
        breaches.append(Breach(commit: id, kind: .draftChangedOutsideNext(path: change.path)))
      }
    }
    try checkConflicts()
    let order = Dictionary(uniqueKeysWithValues: history.enumerated().map { ($1.id, $0) })
    breaches.sort { (order[$0.commit] ?? 0, "\($0.kind)") < (order[$1.commit] ?? 0, "\($1.kind)") }
    return VerificationReport(commits: history.count, drafts: derived.sorted(), signatures: signatures, breaches: breaches)
  }

  /// A breach in the commit being checked.
  func breach(_ commit: Commit, _ kind: Breach.Kind) {
    current.breaches.append(kind)
  }

  /// Adds what `commit` shows to what the whole walk found.
  func take(_ facts: CommitFacts, of commit: Commit) {
    breaches += facts.breaches.map { Breach(commit: commit.id, kind: $0) }
    signatures += facts.signatures
    changeCounts[commit.id] = facts.relevant
    if !facts.draftChanges.isEmpty { draftChanges[commit.id] = facts.draftChanges }
    for event in facts.events { eventAddedIn[event] = commit.id }
    if let path = facts.produced { produced.append((commit, path)) }
  }

  // MARK: Roles

  /// The roles in force at `commit`: its roles file, or the founder as secretariat.
  func roles(at commit: ObjectID) throws -> RolesInForce {
    if let blob = try repository.blobID(at: Roles.path, inCommit: commit), let roles = try decodedRoles(blob) {
      return RolesInForce(roles: roles, isRecorded: true)
    }
    return RolesInForce(roles: Roles(secretariat: Roles.Party(name: founder)), isRecorded: false)
  }

  func decodedRoles(_ blob: ObjectID) throws -> Roles? {
    if let known = rolesByBlob[blob] { return known }
    let roles = try? Roles.decode(try repository.blobContent(blob))
    rolesByBlob[blob] = .some(roles)
    return roles
  }

  // MARK: One commit

  /// A commit with one parent: every change it makes to the record, checked against the roles in force
  /// before it.
  func checkCommit(_ commit: Commit) throws {
    let parent = commit.parents[0]
    let before = try roles(at: parent)
    let changes = try repository.diff(from: try repository.treeID(ofCommit: parent), to: commit.tree)
    var signers: Set<String> = []
    var relevant = 0
    for change in changes {
      let path = change.path
      if path == Roles.path {
        relevant += 1
        signers.insert(commit.committer.name)
        if !before.roles.isSecretariat(commit.committer.name) {
          breach(commit, .rolesNotBySecretariat(person: commit.committer.name, secretariat: before.roles.secretariat.name))
        }
        if let blob = change.newID {
          do {
            _ = try Roles.decode(try repository.blobContent(blob))
          } catch RoleError.unreadable(let problem) {
            breach(commit, .rolesUnreadable(problem: problem.message))
          }
        } else {
          breach(commit, .recordDeleted(path: path))
        }
      } else if path.hasPrefix("drafts/") {
        relevant += 1
        signers.insert(commit.committer.name)
        if change.newID == nil {
          breach(commit, .draftDeleted(path: path))
        } else if commit.id != founding {
          current.draftChanges.append(DraftChange(path: path, added: change.status == .added))
        }
      } else if path.hasPrefix("proposals/") {
        relevant += 1
        guard change.status == .added, let blob = change.newID else {
          breach(commit, change.newID == nil ? .recordDeleted(path: path) : .recordChanged(path: path))
          continue
        }
        if path.hasPrefix("proposals/events/") {
          try checkEvent(commit, path: path, blob: blob, roles: before, signers: &signers)
        } else {
          try checkProposal(commit, path: path, blob: blob, roles: before, signers: &signers)
        }
      }
    }
    current.relevant = relevant
    // Roles recorded for the first time are trusted as the founder's, and a change the secretariat of the
    // time made is its own: their keys (a key recorded by this very commit included) check this commit.
    var keys = before
    let bySecretariat = changes.contains { $0.path == Roles.path } && before.roles.isSecretariat(commit.committer.name)
    if !before.isRecorded || bySecretariat, let after = try? roles(at: commit.id), after.isRecorded { keys = after }
    try checkSignature(commit, signers: signers.isEmpty ? [commit.committer.name] : signers, roles: keys, required: !signers.isEmpty)
  }

  func checkProposal(_ commit: Commit, path: String, blob: ObjectID, roles: RolesInForce, signers: inout Set<String>) throws {
    let record: ProposalRecord
    do {
      record = try proposal(blob, path: path)
    } catch let problem as RecordProblem {
      breach(commit, .recordUnreadable(path: path, problem: problem.message))
      return
    }
    signers.insert(commit.author.name)
    if record.delegation.caseInsensitiveCompare(commit.author.name) != .orderedSame {
      breach(commit, .authorNotDelegation(proposal: record.id, delegation: record.delegation, author: commit.author.name))
    }
    if roles.isRecorded, roles.roles.delegation(record.delegation) == nil {
      breach(commit, .delegationNotListed(proposal: record.id, delegation: record.delegation))
    }
  }

  /// Where proposal `id`'s record stands in `commit`, in either layout, and its blob.
  func recordBlob(of id: String, in commit: ObjectID) throws -> (String, ObjectID)? {
    for path in ProposalRecord.paths(for: id) {
      if let blob = try repository.blobID(at: path, inCommit: commit) { return (path, blob) }
    }
    return nil
  }

  func checkEvent(_ commit: Commit, path: String, blob: ObjectID, roles: RolesInForce, signers: inout Set<String>) throws {
    let event: EventRecord
    do {
      event = try self.event(blob, path: path)
    } catch let problem as RecordProblem {
      breach(commit, .recordUnreadable(path: path, problem: problem.message))
      return
    }
    current.events.append(event.id)
    let person = commit.committer.name
    switch event.kind {
    case .withdrawn:
      signers.insert(commit.author.name)
      guard let id = event.proposal else { return }
      guard let (recordPath, recordBlob) = try recordBlob(of: id, in: commit.id),
        let record = try? proposal(recordBlob, path: recordPath)
      else { return }  // A withdrawal of a proposal that is not there is the ledger's damaged record.
      let author = commit.author.name
      if try !isSponsor(author, of: record, at: commit) { breach(commit, .withdrawalNotByProposer(proposal: id, author: author)) }
    case .proposalRevised:
      signers.insert(commit.author.name)
      guard let id = event.proposal else { return }
      guard let (recordPath, recordBlob) = try recordBlob(of: id, in: commit.id),
        let record = try? proposal(recordBlob, path: recordPath)
      else { return }
      let author = commit.author.name
      if try !isSponsor(author, of: record, at: commit) { breach(commit, .revisionNotBySponsor(proposal: id, author: author)) }
    case .cosponsorJoined, .cosponsorLeft:
      signers.insert(commit.author.name)
      let by = event.by ?? ""
      if by.caseInsensitiveCompare(commit.author.name) != .orderedSame {
        breach(
          commit,
          .cosponsorshipNotByDelegation(act: event.kind.rawValue, proposal: event.proposal ?? "?", by: by, author: commit.author.name))
      }
      if roles.isRecorded, roles.roles.delegation(by) == nil {
        breach(commit, .delegationNotListed(proposal: event.proposal ?? "?", delegation: by))
      }
    case .deadlineSet:
      signers.insert(person)
      if roles.isRecorded, !roles.roles.isSecretariat(person) {
        breach(commit, .deadlineNotBySecretariat(person: person, secretariat: roles.roles.secretariat.name))
      }
    case .sessionOpened, .sessionClosed, .accepted, .rejected, .deferred, .reopened, .reconsidered, .draftProduced, .subAmended:
      signers.insert(person)
      if roles.isRecorded, !roles.roles.mayChair(person) {
        breach(commit, .notChairOrSecretariat(act: event.kind.rawValue, person: person, path: path))
      }
      if event.kind == .sessionOpened, roles.isRecorded, let chair = event.chair, !roles.roles.mayChair(chair) {
        breach(commit, .chairNotListed(chair: chair, path: path))
      }
      if event.kind == .draftProduced { current.produced = path }
    }
  }

  /// Whether `author` tabled `record` or co-sponsored it when `commit` was made: those named at tabling,
  /// and, only when needed, those who joined later (the ledger as it stood at that commit).
  func isSponsor(_ author: String, of record: ProposalRecord, at commit: Commit) throws -> Bool {
    let named = ([record.delegation] + record.cosponsors).contains { $0.caseInsensitiveCompare(author) == .orderedSame }
    if named { return true }
    let state = try? Snapshot(repository: repository, tip: commit.id, memory: workspace.memory).ledger.get().proposal(record.proposalID)
    return state?.cosponsorships.contains { $0.kind == .cosponsorJoined && ($0.by ?? "").caseInsensitiveCompare(author) == .orderedSame }
      ?? false
  }

  func proposal(_ blob: ObjectID, path: String) throws -> ProposalRecord {
    try workspace.memory.records.proposal(blob) { try RecordCoding.decodeProposal(try repository.blobContent(blob), path: path) }
  }

  func event(_ blob: ObjectID, path: String) throws -> EventRecord {
    try workspace.memory.records.event(blob) { try RecordCoding.decodeEvent(try repository.blobContent(blob), path: path) }
  }

  // MARK: Merges

  /// A merge only brings together what its parents hold: at every path of the record where it differs
  /// from its first parent, it holds what another parent holds; and a record or draft its first parent
  /// already held is never replaced.
  func checkMerge(_ merge: Commit) throws {
    let first = merge.parents[0]
    let changes = try repository.diff(from: try repository.treeID(ofCommit: first), to: merge.tree)
    for change in changes {
      let path = change.path
      guard path == Roles.path || path.hasPrefix("drafts/") || path.hasPrefix("proposals/") else { continue }
      if change.oldID != nil, path != Roles.path {
        let kind: Breach.Kind =
          if path.hasPrefix("drafts/") {
            change.newID == nil ? .draftDeleted(path: path) : .draftChangedOutsideNext(path: path)
          } else {
            change.newID == nil ? .recordDeleted(path: path) : .recordChanged(path: path)
          }
        breach(merge, kind)
        continue
      }
      var fromAParent = false
      for parent in merge.parents.dropFirst() where try repository.blobID(at: path, inCommit: parent) == change.newID {
        fromAParent = true
        break
      }
      if !fromAParent { breach(merge, .mergeChanged(path: path)) }
    }
    // Nor may it drop or replace what another parent brought: two versions of one record or draft.
    for parent in merge.parents.dropFirst() {
      for change in try repository.diff(from: try repository.treeID(ofCommit: parent), to: merge.tree) {
        let path = change.path
        guard change.oldID != nil, path.hasPrefix("drafts/") || path.hasPrefix("proposals/") else { continue }
        let kind: Breach.Kind =
          if path.hasPrefix("drafts/") {
            change.newID == nil ? .draftDeleted(path: path) : .draftChangedOutsideNext(path: path)
          } else {
            change.newID == nil ? .recordDeleted(path: path) : .recordChanged(path: path)
          }
        if !current.breaches.contains(kind) { breach(merge, kind) }
      }
    }
    try checkSignature(merge, signers: [merge.committer.name], roles: try roles(at: first), required: false)
  }

  // MARK: Conflicts

  /// Opposite decisions on one proposal, as the record stands at the tip, that no later session settled.
  func checkConflicts() throws {
    guard case .success(let ledger) = Snapshot(repository: repository, tip: tip, memory: workspace.memory).ledger else { return }
    for state in ledger.conflicts {
      let ids = state.conflict.map(\.id)
      let commit = ids.compactMap { eventAddedIn[$0] }.last ?? tip
      breaches.append(Breach(commit: commit, kind: .oppositeDecisions(proposal: state.id, decisions: ids)))
    }
  }
}
