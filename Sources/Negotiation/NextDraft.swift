import DraftText
import Foundation
import GitStore

/// The next numbered draft, as produced (or as it would be, for a dry run).
public struct NextDraft: Sendable {
  public var file: DraftFile
  public var text: String
  public var numbering: NumberingTable
  /// The proposals applied, in the order they were.
  public var applied: [String]
  /// Undecided proposals carried over: where each now stands, and why it needs revising if it does.
  public var carriedOver: [CarriedProposal]
  /// The commit that completes the draft; nil for a dry run.
  public var commit: ObjectID?
  public var tag: String
}

/// An undecided proposal as it stands against the new draft.
public struct CarriedProposal: Sendable {
  public var id: String
  public var delegation: String
  /// Its clause's id in the new draft; nil when the clause is gone.
  public var clause: String?
  public var needsRevision: String?
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
  public func produceNextDraft(date: String?, title: String? = nil, dryRun: Bool) throws -> NextDraft {
    let requestedDate = try date.map(CalendarDate.parse)
    for _ in 0..<50 {
      let snapshot = try snapshot()
      let ledger = try snapshot.ledger.get()
      if let open = ledger.openSession {
        throw AmendError("session '\(open.name)' is still open: close it with 'amend session close' before producing the next draft")
      }
      let current = try snapshot.currentDraft()
      let day = requestedDate ?? ledger.sessions.last.flatMap { try? CalendarDate.parse($0.date) }
        ?? CalendarDate(context.now(), in: context.timeZone)
      var plan = try planNextDraft(snapshot: snapshot, current: current, date: day, title: title)
      if dryRun { return plan.result }
      guard let tip = snapshot.tip else { throw AmendError("nothing is committed yet: run 'amend init --from FILE' first") }
      let committer = try committer()
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
        parent = try repository.createCommit(
          tree: tree, parents: [parent], author: author, committer: secretariat, message: message)
      }
      let path = plan.file.path
      try add(
        [path: current.text], author: secretariat,
        message: "Begin the \(Ordinal.words(plan.file.number)) draft from the \(Ordinal.words(current.number))\n\nAmend-Event: draft-begun\nAmend-Draft: \(plan.file.number)")
      for step in plan.steps {
        try add([path: step.text], author: signature(step.author, at: now), message: step.message)
      }
      var event = EventRecord(
        id: try newID("draft\n\(plan.file.number)", length: 12, attempt: ledger.nextSeq), seq: ledger.nextSeq,
        kind: .draftProduced, time: Context.timestamp(now))
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
        message: "\(titleLine)\n\nApplies \(plan.result.applied.count) accepted proposal\(plan.result.applied.count == 1 ? "" : "s"); numbering table in \(plan.file.numberingPath).\n\nAmend-Event: draft-produced\nAmend-Draft: \(plan.file.number)")
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
    throw AmendError("the branch kept moving while the draft was being produced: try 'amend next' again")
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

/// What producing the next draft will write.
struct NextDraftPlan {
  var result: NextDraft
  var steps: [DraftStep]
  var titleLine: String
  var file: DraftFile { result.file }
}

extension Workspace {
  func planNextDraft(snapshot: Snapshot, current: DraftVersion, date: CalendarDate, title: String?) throws
    -> NextDraftPlan
  {
    let number = current.number + 1
    let file = DraftFile(number: number)
    let accepted = try snapshot.marshalledList(current) { $0 == .accepted }
      .sorted { ($0.state.decision?.seq ?? 0) < ($1.state.decision?.seq ?? 0) }
    var draft = current.draft
    var steps: [DraftStep] = []
    var inserted: [ClauseKey: String] = [:]
    var combined: [ClauseKey: String] = [:]

    func step(_ item: MarshalledProposal, _ change: (inout Draft) throws -> Void) throws {
      do {
        try change(&draft)
      } catch let error as DraftError {
        throw AmendError("\(item.id) (\(item.record.delegation)) cannot be applied: \(error)")
      }
      _ = draft.renumber()
      let clause = item.placement.clause?.id.display ?? item.record.clause
      steps.append(
        DraftStep(
          author: Person.named(item.record.delegation, email: item.record.email),
          message: """
            Apply \(item.id) (\(item.record.delegation)) to \(clause)

            \(item.operation.description(clause: clause))\(item.asRevised == nil ? "" : ", as orally revised")

            Amend-Event: applied
            Amend-Proposal: \(item.id)
            Amend-Draft: \(number)
            """,
          text: draft.render()))
    }

    func revisedOrProposed(_ item: MarshalledProposal) throws -> String {
      guard let text = item.wanted else {
        throw AmendError(
          "\(item.id) (\(item.record.delegation)) no longer applies: \(item.placement.needsRevision ?? "its clause changed"); reopen it in a session and accept it with --as-revised TEXT, or reject it")
      }
      return text
    }

    // The list changes first (new clauses, moves, deletions), then the wording, so that each
    // amended line's last commit is its own proposal's, and git blame names its delegation.
    for item in accepted where item.operation.isNewClause {
      guard let anchor = item.placement.clause, case .newClause(_, let before) = item.operation else { continue }
      let text = try revisedOrProposed(item)
      try step(item) { draft in
        let key = before ? try draft.insertClause(text, before: anchor.key) : try draft.insertClause(text, after: anchor.key)
        inserted[key] = item.id
      }
    }
    for item in accepted {
      guard case .moveClause = item.operation, let clause = item.placement.clause, let follow = item.placement.follow else {
        continue
      }
      try step(item) { try $0.moveClause(clause.key, after: follow.key) }
    }
    var deletedBy: [ClauseKey: String] = [:]
    for item in accepted {
      guard case .deleteClause = item.operation, let clause = item.placement.clause else { continue }
      deletedBy[clause.key] = item.id
      try step(item) { try $0.deleteClause(clause.key) }
    }

    for item in accepted where item.changesWording {
      guard let clause = item.placement.clause else { continue }
      let base = clause.text
      let wanted = try revisedOrProposed(item)
      let text: String
      do {
        text = try AcceptedWording.adding(
          wanted, asRevised: item.asRevised != nil, to: combined[clause.key] ?? base, base: base)
      } catch {
        throw AmendError(
          "a conflict is left unresolved in \(clause.id.display): \(item.id) (\(item.record.delegation)) and an earlier accepted proposal both change '\(error.words)'; reopen one and accept it with --as-revised TEXT")
      }
      combined[clause.key] = text
      try step(item) { try $0.replaceText(of: clause.key, with: text) }
    }
    let amended = draft
    do {
      if let title {
        draft = try draft.replacingTitle(with: title)
      } else if draft.titleBlock != nil {
        draft = try draft.advancingTitle(to: number, date: date.components)
      }  // A text with no title block keeps every line; its number is in its file name.
    } catch {
      throw AmendError("\(error)")
    }
    let text = draft.render()
    let titleLine = draft.titleBlock?.title ?? "Draft \(number)"

    // Old and new ids of every clause whose id changed, was added or was deleted.
    let changes = amended.renumberingTable().map {
      NumberingTable.Change(
        old: $0.old?.rawValue, new: $0.new?.rawValue, proposal: inserted[$0.key] ?? deletedBy[$0.key])
    }
    let numbering = NumberingTable(from: current.number, to: number, changes: changes)

    var carried: [CarriedProposal] = []
    let undecided = try snapshot.marshalledList(current) { $0.isUndecided }
    for item in undecided {
      var entry = CarriedProposal(id: item.id, delegation: item.record.delegation, clause: nil, needsRevision: item.placement.needsRevision)
      if let clause = item.placement.clause, let now = amended.clause(key: clause.key) {
        entry.clause = now.id.rawValue
        if entry.needsRevision == nil, item.operation.changesWording, let proposed = item.placement.proposedText,
          now.text != clause.text
        {
          do {
            _ = try WordMerge.merge(base: clause.text, ours: proposed, theirs: now.text)
          } catch {
            entry.needsRevision = "the words it changes ('\(error.words)') no longer stand in \(now.id.display)"
          }
        }
      } else if entry.needsRevision == nil {
        entry.needsRevision = "\(item.placement.clauseName(item.record)) was deleted"
      }
      carried.append(entry)
    }

    return NextDraftPlan(
      result: NextDraft(
        file: file, text: text, numbering: numbering, applied: accepted.map(\.id),
        carriedOver: carried, commit: nil, tag: "draft-\(number)"),
      steps: steps, titleLine: titleLine)
  }
}
