import DraftText
import Foundation
import Wording

// Sub-amendments (amendments to amendments): `amend propose --to ID` changes the text a pending
// proposal proposes, with the same word operations. One level only, as in UN and European Parliament
// practice: a sub-amendment cannot itself be amended. It is decided before its parent: accepting it
// records a `sub-amended` event on the parent, whose proposed text from then on is the amended one;
// rejecting it leaves the parent as it is; rejecting or withdrawing the parent makes its sub-amendments
// fall (a status the fold derives from that recorded decision, restored if the decision is taken back).

extension ProposalState {
  /// Whether it is a sub-amendment (of `record.to`).
  public var isSubAmendment: Bool { record.to != nil }

  /// The accepted sub-amendments whose words `record` carries on top of `unamended`: those since the
  /// latest revision, in the order accepted.
  var wordingStages: [EventRecord] {
    guard unamended != nil else { return [] }
    let since = revisions.last?.seq ?? 0
    return subAmendedBy.filter { $0.seq > since }
  }

  /// The proposal as an accepted sub-amendment left it: its operation and proposed text.
  mutating func subAmend(_ event: EventRecord) {
    if unamended == nil { unamended = record }
    beforeSubAmendment[event.id] = record
    subAmendedBy.append(event)
    if let operation = event.operation { record.operation = operation }
    record.textProposed = event.textProposed
  }
}

extension Ledger {
  /// Each proposal's sub-amendments, in tabling order.
  mutating func linkSubAmendments() {
    // Only sub-amendments are sorted: sorting every proposal was most of this at 4,000 proposals.
    let subAmendments = Self.inTablingOrder(proposals.values.filter { $0.record.to != nil })
    for state in subAmendments {
      if let parent = state.record.to { proposals[parent]?.subAmendments.append(state.id) }
    }
  }

  /// After a decision or withdrawal on `id`: when it is a parent now rejected or withdrawn, its
  /// undecided and accepted sub-amendments fall; when that decision was taken back, they stand again.
  mutating func settleSubAmendments(of id: String?) {
    guard let id, let parent = proposals[id], !parent.subAmendments.isEmpty else { return }
    let cause: EventRecord? =
      switch parent.status {
      case .withdrawn: parent.withdrawal
      case .rejected: parent.decision
      default: nil
      }
    for child in parent.subAmendments {
      guard var state = proposals[child] else { continue }
      if let cause {
        guard [.pending, .deferred, .accepted].contains(state.status) else { continue }
        state.statusBeforeFalling = state.status
        state.status = .fallen
        state.fellWith = cause
      } else if state.status == .fallen, let before = state.statusBeforeFalling {
        state.status = before
        state.fellWith = nil
        state.statusBeforeFalling = nil
      } else {
        continue
      }
      proposals[child] = state
    }
  }

  /// A decision taken back (reopen, reconsider): a parent's sub-amendments stand again, and a
  /// sub-amendment's acceptance taken back restores its parent's text (when it was the latest change).
  mutating func takeBackSubAmendment(_ event: EventRecord) {
    settleSubAmendments(of: event.proposal)
    guard let id = event.proposal, let sub = proposals[id], sub.status != .accepted, let parentID = sub.record.to,
      var parent = proposals[parentID], let last = parent.subAmendedBy.last, last.subAmendment == id,
      last.seq > (parent.revisions.last?.seq ?? 0), let before = parent.beforeSubAmendment[last.id]
    else { return }
    parent.record = before
    parent.subAmendedBy.removeLast()
    if parent.wordingStages.isEmpty { parent.unamended = nil }
    proposals[parentID] = parent
  }
}

// MARK: - Tabling

extension Workspace {
  /// The clause `parent` stands on and the text it proposes, when it can be amended: pending or
  /// deferred, not itself a sub-amendment, proposing a text, its clause still in the draft.
  static func amendable(_ parent: ProposalState, snapshot: Snapshot, in version: DraftVersion) throws -> (Clause, String) {
    if let grandparent = parent.record.to {
      throw SubAmendmentError.parentIsSubAmendment(parent: parent.id, itsParent: grandparent)
    }
    guard parent.status.isUndecided else { throw SubAmendmentError.parentNotPending(parent: parent.id, status: parent.status) }
    let operation = try parent.record.operation.decoded()
    guard operation.changesWording || operation.isNewClause, let text = parent.record.textProposed else {
      throw SubAmendmentError.parentProposesNoText(parent: parent.id, kind: operation.kind)
    }
    guard let clause = try snapshot.placement(of: parent.record, in: version).clause else {
      throw SubAmendmentError.parentClauseGone(parent: parent.id)
    }
    return (clause, text)
  }

  /// `operation` applied to `text`, the text `parent` proposes, as tabling checks a proposal: the
  /// words found in that text, and the result still one clause where the parent puts it.
  static func checkSubAmendment(
    _ operation: ProposalOperation, of parent: ProposalState, text: String, on clause: Clause, in version: DraftVersion
  ) throws -> CheckedProposal {
    var carrier = clause
    carrier.text = text
    let checked: CheckedProposal
    do {
      checked = try check(operation, on: carrier, in: version)
    } catch let error as TablingError {
      switch error {
      case .wordsNotFound(let words, _): throw SubAmendmentError.wordsNotInParent(words: words, parent: parent.id)
      case .wordsAmbiguous(let words, let count, _):
        throw SubAmendmentError.wordsAmbiguousInParent(words: words, count: count, parent: parent.id)
      case .noSuchOccurrence(let words, let occurrence, let count, _):
        throw SubAmendmentError.noSuchOccurrenceInParent(words: words, occurrence: occurrence, count: count, parent: parent.id)
      case .noChange, .sameText: throw SubAmendmentError.noChangeToParent(parent: parent.id)
      default: throw error
      }
    }
    if case .newClause(_, let before) = try parent.record.operation.decoded(), let proposed = checked.textProposed {
      try ClauseText.checkNewClause(proposed, next: clause, before: before, in: version.draft, what: .newClause(next: clause.id, before: before))
    }
    return checked
  }

  static func subAmendmentMessage(_ record: ProposalRecord?) -> String {
    guard let record, let parent = record.to, let operation = try? record.operation.decoded() else { return "Table a sub-amendment" }
    let clause = ClauseID(rawValue: record.clause).display
    return """
      Table \(record.id): \(CommitText.line(record.delegation)), sub-amendment to \(parent) on \(clause)

      In the text \(parent) proposes, \(CommitText.line(operation.description(clause: clause)))

      Amend-Event: tabled
      Amend-Proposal: \(record.id)
      Amend-Sub-Amends: \(parent)\(record.late == true ? "\nAmend-Late: yes" : "")
      Amend-Draft: \(record.draft)
      Amend-Clause: \(record.clause)
      """
  }
}

// MARK: - Deciding

extension Workspace {
  /// The rules sub-amendments add to a decision: a fallen one is not decided; a parent is accepted only
  /// once its sub-amendments are decided; a sub-amendment is accepted only while its parent is
  /// undecided and its words still stand in the parent's text; an accepted one is taken back only
  /// while its parent is undecided and nothing changed the parent's text since.
  func checkSubAmendmentDecision(_ decision: ChairAction, on state: ProposalState, ledger: Ledger) throws {
    if state.status == .fallen, let parent = state.record.to {
      throw SubAmendmentError.fallen(
        proposal: state.id, parent: parent, how: state.fellWith?.kind == .withdrawn ? "withdrawn" : "rejected")
    }
    if decision == .accept {
      let undecided = state.subAmendments.compactMap { ledger.proposals[$0] }.filter { $0.status.isOnAgenda }
      if !undecided.isEmpty {
        throw SubAmendmentError.subAmendmentsUndecided(
          parent: state.id, pending: undecided.map(\.id), delegations: undecided.map(\.record.delegation))
      }
    }
    guard let parentID = state.record.to, let parent = ledger.proposals[parentID] else { return }
    switch decision {
    case .accept:
      guard parent.status.isUndecided else {
        throw SubAmendmentError.parentDecided(proposal: state.id, parent: parent.id, status: parent.status)
      }
    case .reopen, .reconsider:
      guard state.status == .accepted || state.status == .applied else { return }
      guard parent.status.isUndecided else { throw SubAmendmentError.parentDecidedFirst(proposal: state.id, parent: parent.id) }
      let since = parent.subAmendedBy.last { $0.subAmendment == state.id }?.seq ?? 0
      if let later = parent.subAmendedBy.last(where: { $0.seq > since }) {
        throw SubAmendmentError.laterChangeToParent(
          proposal: state.id, parent: parent.id, by: "sub-amendment \(later.subAmendment ?? "?") accepted")
      }
      if let revision = parent.revisions.last, revision.seq > since {
        throw SubAmendmentError.laterChangeToParent(proposal: state.id, parent: parent.id, by: "revised by \(revision.by ?? "?")")
      }
    default:
      break
    }
  }

  /// For an accepted sub-amendment: the `sub-amended` event that gives its parent the amended text,
  /// written in the same commit as the acceptance (`accepted`), its own record.
  func subAmendmentAdoption(
    of state: ProposalState, accepted: EventRecord, snapshot: Snapshot, ledger: Ledger
  ) throws -> EventRecord? {
    guard let parentID = state.record.to, let parent = ledger.proposals[parentID] else { return nil }
    guard accepted.asRevised == nil else { throw SubAmendmentError.noOralRevision(proposal: state.id, parent: parent.id) }
    let current = try snapshot.currentDraft()
    let (clause, parentText) = try Self.amendable(parent, snapshot: snapshot, in: current)
    let operation = try state.record.operation.decoded()
    let checked: CheckedProposal
    do {
      checked = try Self.checkSubAmendment(operation, of: parent, text: parentText, on: clause, in: current)
    } catch let error as SubAmendmentError {
      throw SubAmendmentError.noLongerInParent(
        proposal: state.id, parent: parent.id, words: operation.anchorWords ?? Self.wordsOf(error) ?? state.record.textBefore)
    }
    guard let amended = checked.textProposed else { return nil }
    var made = try newEvent(.subAmended, content: "sub-amended\n\(parent.id)\n\(state.id)\n\(accepted.id)", after: ledger)
    made.seq = accepted.seq + 1
    made.proposal = parent.id
    made.subAmendment = state.id
    made.by = state.record.delegation
    made.session = accepted.session
    made.chair = accepted.chair
    made.date = accepted.date
    made.draft = parent.record.draft
    made.clause = parent.record.clause
    made.textBefore = parent.record.textBefore
    made.textProposed = amended
    made.operation = OperationRecord(
      Self.parentOperation(try parent.record.operation.decoded(), amendedBy: operation, from: parent.record.textBefore, to: amended))
    return made
  }

  static func wordsOf(_ error: SubAmendmentError) -> String? {
    switch error {
    case .wordsNotInParent(let words, _), .wordsAmbiguousInParent(let words, _, _), .noSuchOccurrenceInParent(let words, _, _, _): words
    default: nil
    }
  }

  /// What the parent asks once `sub` changed its text to `amended`: the same kind of operation with
  /// the sub-amendment applied to its own words where that gives the same text, else the whole
  /// clause's new wording.
  static func parentOperation(
    _ parent: ProposalOperation, amendedBy sub: ProposalOperation, from before: String, to amended: String
  ) -> ProposalOperation {
    func same(_ candidate: ProposalOperation) -> ProposalOperation? {
      (try? candidate.applied(to: before)) == amended ? candidate : nil
    }
    switch parent {
    case let .replaceWords(words, with, occurrence):
      if let new = try? sub.applied(to: with), let same = same(.replaceWords(words: words, with: new, occurrence: occurrence)) { return same }
    case let .insertWords(text, anchor, occurrence):
      if let new = try? sub.applied(to: text), let same = same(.insertWords(text: new, anchor: anchor, occurrence: occurrence)) { return same }
    case .newClause(_, let placeBefore):
      return .newClause(text: amended, before: placeBefore)
    default:
      break
    }
    return .replaceClause(text: amended)
  }
}

// MARK: - Placing and ordering

extension Snapshot {
  /// Where a sub-amendment applies: on its parent's clause, to the text the parent proposes there now.
  func subAmendmentPlacement(of record: ProposalRecord, parent id: String, in version: DraftVersion) throws -> Placement {
    var placement = Placement()
    guard let parent = try ledger.get().proposals[id], parent.record.to == nil else {
      placement.needsRevision = "its parent \(id) cannot be read"
      return placement
    }
    let standing = try self.placement(of: parent.record, in: version)
    placement.clause = standing.clause
    guard let parentText = standing.proposedText, let proposed = record.textProposed else {
      placement.needsRevision = standing.needsRevision ?? "\(id) proposes no text to amend"
      return placement
    }
    placement.amends = parentText
    if parentText == record.textBefore {
      placement.proposedText = proposed
    } else {
      do {
        placement.proposedText = try WordMerge.merge(base: record.textBefore, ours: proposed, theirs: parentText)
      } catch {
        placement.needsRevision = "the words it changes ('\(error.words)') are no longer in the text \(id) proposes"
      }
    }
    return placement
  }

  /// `listed` with every sub-amendment moved to just before its parent, when the parent is listed.
  static func subAmendmentsBeforeParents(_ listed: [MarshalledProposal]) -> [MarshalledProposal] {
    let listedIDs = Set(listed.map(\.id))
    let moving = listed.filter { $0.record.to.map(listedIDs.contains) ?? false }
    guard !moving.isEmpty else { return listed }
    let byParent = Dictionary(grouping: moving) { $0.record.to ?? "" }
    var ordered: [MarshalledProposal] = []
    for item in listed where !(item.record.to.map(listedIDs.contains) ?? false) {
      ordered += byParent[item.id] ?? []
      ordered.append(item)
    }
    return ordered
  }

  /// For two proposals on one clause when either is a sub-amendment: whether they collide (two
  /// sub-amendments of one parent changing the same words of its text); nil when neither is one.
  static func subAmendmentsCollide(_ a: MarshalledProposal, _ b: MarshalledProposal) -> Bool? {
    guard a.record.to != nil || b.record.to != nil else { return nil }
    guard a.record.to == b.record.to, let base = a.placement.amends, let textA = a.placement.proposedText,
      let textB = b.placement.proposedText
    else { return false }
    return (try? WordMerge.merge(base: base, ours: textA, theirs: textB)) == nil
  }
}

extension Compilation {
  /// `items` (one clause's) with each sub-amendment listed right under its parent.
  static func subAmendmentsUnderParents(_ items: [MarshalledProposal]) -> [MarshalledProposal] {
    let ids = Set(items.map(\.id))
    let byParent = Dictionary(grouping: items.filter { $0.record.to.map(ids.contains) ?? false }) { $0.record.to ?? "" }
    var ordered: [MarshalledProposal] = []
    for item in items where !(item.record.to.map(ids.contains) ?? false) {
      ordered.append(item)
      ordered += byParent[item.id] ?? []
    }
    return ordered
  }
}

// MARK: - Next

/// The words an accepted sub-amendment gave its parent, applied by `next` after the parent's own and
/// credited to the sub-amendment's delegation.
struct SubAmendmentStage: Equatable {
  /// The sub-amendment's id.
  var id: String
  /// The delegation that tabled it.
  var delegation: String
  /// The parent's whole text (the clause's wording, or the new clause's) as it made it, on today's draft.
  var text: String
}

extension AcceptedChange {
  /// This change, to be credited to `stage`'s sub-amendment.
  func staged(_ stage: SubAmendmentStage) -> AcceptedChange {
    var copy = self
    copy.stage = stage
    return copy
  }

  /// The texts of `item`'s accepted sub-amendments carried onto `clause`, each after the parent's own
  /// (`unamended`), or nil when there are none or one cannot be carried (then the parent's final text
  /// is applied as its own).
  static func subAmendmentStages(_ item: MarshalledProposal, on clause: Clause) -> (tabled: String, stages: [SubAmendmentStage])? {
    let state = item.state
    let stages = state.wordingStages
    guard !stages.isEmpty, let unamended = state.unamended?.textProposed else { return nil }
    let base = state.record.textBefore
    func carried(_ text: String) -> String? {
      if item.operation.isNewClause || clause.text == base { return text }
      return try? WordMerge.merge(base: base, ours: text, theirs: clause.text)
    }
    guard let tabled = carried(unamended) else { return nil }
    var result: [SubAmendmentStage] = []
    for event in stages {
      guard let id = event.subAmendment, let text = event.textProposed.flatMap(carried) else { return nil }
      result.append(SubAmendmentStage(id: id, delegation: event.by ?? state.record.delegation, text: text))
    }
    return (tabled, result)
  }
}

extension Workspace {
  /// The commit of one accepted sub-amendment's words in `next`'s chain: authored by its delegation
  /// and naming it, so history and blame credit the words it brought to it.
  static func subAmendmentStep(
    _ stage: SubAmendmentStage, of item: MarshalledProposal, clause: String, draft: Draft, number: Int
  )
    -> DraftStep
  {
    DraftStep(
      author: Person.named(stage.delegation),
      message: """
        Apply \(stage.id) (\(CommitText.line(stage.delegation))) to \(clause): sub-amendment to \(item.id)

        The words the accepted sub-amendment gave \(item.id) (\(CommitText.line(item.record.delegation))).

        Amend-Event: applied
        Amend-Proposal: \(stage.id)
        Amend-Sub-Amends: \(item.id)
        Amend-Draft: \(number)
        """,
      text: draft.render())
  }
}
