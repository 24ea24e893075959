import DraftText
import Foundation
import GitStore

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
