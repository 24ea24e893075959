import DraftText
import Foundation
import GitStore
import Wording

/// What producing the next draft will write.
struct NextDraftPlan {
  var result: NextDraft
  var steps: [DraftStep]
  var titleLine: String
  var file: DraftFile { result.file }
}

extension Workspace {
  func planNextDraft(
    snapshot: Snapshot, current: DraftVersion, date: CalendarDate, title: String?, numberArticles: Bool = false
  ) throws
    -> NextDraftPlan
  {
    let number = current.number + 1
    let file = DraftFile(number: number)
    let accepted = try AcceptedChange.accepted(in: snapshot, current)
    var acceptedChanges: [AcceptedChange] = []
    for item in accepted {
      do {
        acceptedChanges.append(try AcceptedChange(item, in: current.draft))
      } catch {
        throw NextDraftError.noLongerApplies(
          proposal: item.id, delegation: item.record.delegation, problem: try Self.problem(error))
      }
    }
    var steps: [DraftStep] = []
    let applied: AcceptedChange.Applied
    do {
      applied = try AcceptedChange.apply(acceptedChanges, to: current.draft) { change, byChair, draft in
        steps.append(Self.step(change, byChair: byChair, draft: draft, number: number))
      }
    } catch let failure as ApplyFailure {
      let item = failure.change.item
      if let conflict = failure.conflict {
        throw NextDraftError.unresolvedCollision(
          proposal: item.id, delegation: item.record.delegation, words: conflict.words,
          clause: item.placement.clause?.id ?? ClauseID(rawValue: item.record.clause))
      }
      throw NextDraftError.cannotApply(proposal: item.id, delegation: item.record.delegation, problem: failure.problem)
    }
    var draft = applied.draft
    if numberArticles { draft.numberArticlesInOrder() }
    let inserted = applied.inserted
    let deletedBy = applied.deleted

    let amended = draft
    do {
      if let title {
        draft = try draft.replacingTitle(with: title)
      } else if draft.titleBlock != nil {
        draft = try draft.advancingTitle(to: number, date: date.components)
      }  // A text with no title block keeps every line; its number is in its file name.
    } catch {
      throw NextDraftError.title(error)
    }
    // Old and new ids of every clause whose id changed, was added or was deleted.
    let renumbering = amended.renumberingTable()
    // Citations of renumbered clauses follow them: the secretariat's change, in the draft's own commit.
    let citations = applied.followCitations(in: &draft, amended: amended, renumbering: renumbering, from: current.draft)
    let text = draft.render()
    let titleLine = CommitText.line(draft.titleBlock?.title ?? "Draft \(number)")

    let changes = renumbering.map {
      NumberingTable.Change(
        old: $0.old?.rawValue, new: $0.new?.rawValue, proposal: inserted[$0.key] ?? deletedBy[$0.key])
    }
    let numbering = NumberingTable(from: current.number, to: number, changes: changes)

    var carried: [CarriedProposal] = []
    let undecided = try snapshot.marshalledList(current) { $0.isUndecided }
    for item in undecided {
      var entry = CarriedProposal(id: item.id, delegation: item.record.delegation, clause: nil, needsRevision: item.placement.needsRevision)
      if case .throughout(let words, let with) = item.operation {
        // A global amendment goes on applying wherever its words stand in the new draft.
        let places = GlobalAmendment.places(words: words, with: with, in: amended)
        entry.isThroughout = true
        entry.needsRevision = places.isEmpty ? "the words '\(words)' no longer occur in the \(Ordinal.words(number)) draft" : nil
      } else if let clause = item.placement.clause, let now = amended.clause(key: clause.key) {
        entry.clause = now.id.rawValue
        if entry.needsRevision == nil, item.operation.changesWording, !HeadingBrackets.lifts(item.operation, on: clause),
          let proposed = item.placement.proposedText,
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
        file: file, text: text, numbering: numbering,
        applied: accepted.flatMap { [$0.id] + $0.state.subAmendedBy.compactMap(\.subAmendment) },
        carriedOver: carried, commit: nil, tag: "draft-\(number)", citations: citations.updates,
        unresolvedCitations: citations.unresolved),
      steps: steps, titleLine: titleLine)
  }

  /// One commit of the chain: the proposal as tabled, by its delegation, or the words the chair read
  /// out, by the chair, naming the proposal and the session.
  static func step(_ change: AcceptedChange, byChair: Bool, draft: Draft, number: Int) -> DraftStep {
    let item = change.item
    let clause = item.placement.clause?.id.display ?? item.record.clause
    let delegation = CommitText.line(item.record.delegation)
    if let stage = change.stage, !byChair { return subAmendmentStep(stage, of: item, clause: clause, draft: draft, number: number) }
    guard byChair else {
      return DraftStep(
        author: Person.named(item.record.delegation, email: item.record.email),
        message: """
          Apply \(item.id) (\(delegation)) \(item.operation.isThroughout ? "throughout the text" : "to \(clause)")

          \(CommitText.line(item.operation.description(clause: clause)))\
          \(item.asRevised == nil ? "" : ", as tabled; the chair's oral revision follows")

          Amend-Event: applied
          Amend-Proposal: \(item.id)
          Amend-Draft: \(number)
          """,
        text: draft.render())
    }
    let decision = item.state.decision
    let chair = decision?.chair ?? "Chair"
    let session = decision?.session ?? ""
    return DraftStep(
      author: Person.named(chair),
      message: """
        Revise \(item.id) (\(delegation)) in \(clause) as read out by \(CommitText.line(chair))

        The chair's oral revision, accepted in session \(session).

        Amend-Event: revised
        Amend-Proposal: \(item.id)
        Amend-Session: \(session)
        Amend-Draft: \(number)
        """,
      text: draft.render())
  }
}

extension AcceptedChange.Applied {
  /// Makes the citations in `draft` (`amended`, this round's result, titled) follow the clauses they
  /// cite: those of `start` renumbered (`renumbering`, `amended`'s table), and those new in the round,
  /// cited by their names in the round.
  func followCitations(
    in draft: inout Draft, amended: Draft, renumbering: [Renumbering], from start: Draft
  ) -> (updates: [CrossReferences.Update], unresolved: [CrossReferences.Unresolved]) {
    CrossReferences.follow(
      in: &draft, renumbering: renumbering, earlier: Set(start.clausesAndHeadings.map(\.id)),
      newClauses: amended.namesInRound(of: newClausePlaces, from: start))
  }
}
