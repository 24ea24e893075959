import DraftText
import Foundation
import GitStore

/// The next numbered draft, as produced (or as it would be, for a dry run).
public struct NextDraft: Sendable {
  /// The new draft's file.
  public var file: DraftFile
  /// The new draft's exact text.
  public var text: String
  /// How the clauses of the previous draft are numbered in the new one.
  public var numbering: NumberingTable
  /// The proposals applied, in the order they were.
  public var applied: [String]
  /// Undecided proposals carried over: where each now stands, and why it needs revising if it does.
  public var carriedOver: [CarriedProposal]
  /// The commit that completes the draft; nil for a dry run.
  public var commit: ObjectID?
  /// The tag that marks the new draft ("draft-8").
  public var tag: String
  /// Citations of the text's own clauses rewritten because the clauses they cite were renumbered
  /// (the secretariat's change, in the draft's own commit).
  public var citations: [CrossReferences.Update] = []
  /// Citations left as they were: what they cite was deleted, or the previous draft has no such clause.
  public var unresolvedCitations: [CrossReferences.Unresolved] = []
}

/// An undecided proposal as it stands against the new draft.
public struct CarriedProposal: Sendable {
  /// The proposal's id.
  public var id: String
  /// The delegation that tabled it.
  public var delegation: String
  /// Its clause's id in the new draft; nil when the clause is gone.
  public var clause: String?
  /// Why it must be revised before it can be decided against the new draft; nil when it need not be.
  public var needsRevision: String?
  /// A global amendment (`propose --throughout`), which has no single clause.
  public var isThroughout = false
}

/// One commit of the chain that builds a draft: a proposal applied, by its delegation.
struct DraftStep {
  var author: Person
  var message: String
  var text: String
}

extension Workspace {
  /// Applies every accepted proposal to the current draft and records the next one: one commit per
  /// applied proposal with its delegation as author, so that blame names them, and the branch moved
  /// once, at the end, so that the draft appears whole or not at all.
  ///
  /// With `numberArticles`, the articles are numbered 1, 2, 3… in order as well, though none was
  /// added or deleted (`Draft.numberArticlesInOrder()`): the secretariat's numbering near adoption.
  public func produceNextDraft(
    date requestedDate: CalendarDate?, title: String? = nil, dryRun: Bool, allowEmpty: Bool = false, numberArticles: Bool = false
  ) throws -> NextDraft {
    for _ in 0..<50 {
      let snapshot = try snapshot()
      if !dryRun { try requireChairOrSecretariat(.produceDraft, at: snapshot) }
      let ledger = try snapshot.ledger.get()
      if let open = ledger.openSession {
        throw NextDraftError.sessionStillOpen(name: open.name)
      }
      let current = try snapshot.currentDraft()
      let day =
        requestedDate ?? ledger.sessions.last.flatMap { try? CalendarDate.parse($0.date) }
        ?? CalendarDate(context.now(), in: context.timeZone)
      try checkBeforeDrafting(snapshot, ledger: ledger, current: current, date: day, allowEmpty: allowEmpty)
      var plan = try planNextDraft(snapshot: snapshot, current: current, date: day, title: title, numberArticles: numberArticles)
      if dryRun { return plan.result }
      guard let tip = snapshot.tip else { throw RepositoryError.nothingCommitted }
      let committer = try committer()
      let signer = try self.signer()
      try refuseStrayTag(plan.result.tag, tip: tip)
      try tagIfUntagged(current, tip: tip, tagger: signature(committer, at: context.now()))
      let now = context.now()
      let secretariat = signature(committer, at: now)
      var parent = tip
      var tree = try repository.treeID(ofCommit: tip)
      func add(_ files: [String: String], author: Signature, message: String) throws {
        var changes: [TreeChange] = []
        for (path, content) in files.sorted(by: { $0.key < $1.key }) {
          changes.append(.upsert(path: path, blob: try repository.writeBlob(Data(content.utf8))))
        }
        tree = try repository.writeTree(base: tree, changes: changes)
        parent =
          if let signer {
            try repository.createSignedCommit(
              tree: tree, parents: [parent], author: author, committer: secretariat, message: message, signer: signer)
          } else {
            try repository.createCommit(tree: tree, parents: [parent], author: author, committer: secretariat, message: message)
          }
      }
      let path = plan.file.path
      try add(
        [path: current.text], author: secretariat,
        message:
          "Begin the \(Ordinal.words(plan.file.number)) draft from the \(Ordinal.words(current.number))\n\n"
          + "Amend-Event: draft-begun\nAmend-Draft: \(plan.file.number)"
      )
      for step in plan.steps {
        try add([path: step.text], author: signature(step.author, at: now), message: step.message)
      }
      var event = try newEvent(.draftProduced, content: "draft\n\(plan.file.number)", after: ledger, at: now)
      event.draft = plan.file.number
      event.applied = plan.result.applied
      event.by = committer.name
      event.date = day.description
      let numberingYAML = try RecordCoding.encoder().encode(plan.result.numbering)
      let titleLine = plan.titleLine
      try add(
        [
          path: plan.result.text, plan.file.numberingPath: numberingYAML,
          EventRecord.path(for: event.id): try RecordCoding.encode(event),
        ], author: secretariat,
        message:
          "\(titleLine)\n\n"
          + "Applies \(plan.result.applied.count) accepted proposal\(plan.result.applied.count == 1 ? "" : "s"); "
          + "numbering table in \(plan.file.numberingPath).\n\n"
          + "Amend-Event: draft-produced\nAmend-Draft: \(plan.file.number)"
      )
      context.beforePublish()
      // Someone recorded something meanwhile: build the draft again on their commit.
      guard
        try publishDraft(
          parent, on: tip, tag: plan.result.tag, title: titleLine, tagger: secretariat,
          paths: [path, plan.file.numberingPath, EventRecord.path(for: event.id)])
      else { continue }
      plan.result.commit = parent
      return plan.result
    }
    throw NextDraftError.branchKeptMoving
  }
}

extension Workspace {
  /// Tags the commit that last wrote `version`'s file when its `draft-N` tag is missing: a process
  /// stopped between moving the branch and tagging leaves the draft published but untagged.
  func tagIfUntagged(_ version: DraftVersion, tip: ObjectID, tagger: Signature) throws {
    let tag = "draft-\(version.number)"
    guard try repository.tagTarget(tag) == nil,
      let last = try repository.history(from: tip, touching: version.file.path, limit: 1).first
    else { return }
    _ = try repository.createTag(tag, target: last.id, tagger: tagger, message: version.draft.titleBlock?.title ?? tag)
  }
}
