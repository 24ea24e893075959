import DraftText
import Wording

/// A proposal on the chair's list, placed in the current draft, with what it collides with.
public struct MarshalledProposal: Sendable {
  /// The proposal and what has happened to it.
  public var state: ProposalState
  /// What it asks to do, decoded from its record.
  public var operation: ProposalOperation
  /// Where it stands in the draft asked about.
  public var placement: Placement
  /// Other listed proposals that change the same words of the same clause.
  public var collidesWith: [String] = []
  /// How far it departs from the text: the chair takes the furthest first among competing proposals.
  public var distance: Int

  /// The proposal's id.
  public var id: String { state.id }
  /// The proposal's id, typed.
  public var proposalID: ProposalID { state.proposalID }
  /// The proposal as tabled.
  public var record: ProposalRecord { state.record }

  /// The clause's whole text as the chair read it out, when accepted so.
  public var asRevised: String? { state.decision?.asRevised }

  /// Whether accepting it changes its clause's wording: a change of words, or an oral revision of
  /// anything but a new clause.
  public var changesWording: Bool { operation.changesWording || (asRevised != nil && !operation.isNewClause && !operation.isArticleEdit) }

  /// The text it asks for: the chair's revision, else the proposed text on today's wording.
  public var wanted: String? { asRevised ?? placement.proposedText }

  /// "7 (b)", or "7 (b bis)" for a new clause proposed after 7 (b).
  public func displayName(bisIndex: Int) -> String {
    if case .newClauseUnder = operation, let clause = placement.clause { return "new clause under \(clause.id.display)" }
    guard case .newClause(_, let before) = operation, let clause = placement.clause else {
      return placement.clauseName(record)
    }
    // An unnumbered line, with no number to borrow.
    if !before, clause.takesUnnumberedAfter { return "new line after \(clause.id.display)" }
    return before ? "new clause before \(clause.id.display)" : clause.id.bis(bisIndex).display
  }

  /// The clause as it would read, deleted words struck and new words bold.
  public var redline: String {
    if operation.isThroughout { return GlobalAmendment.redline(placement) }
    guard let clause = placement.clause else { return "" }
    switch operation {
    case .deleteClause, .deleteArticle:
      return Redline.marked(clause.text, "~~", "~~")
    case .newArticle:
      return Redline.marked(placement.proposedText ?? "", "**", "**")
    case .newClause, .newClauseUnder:
      return Redline.marked(placement.proposedText ?? "", "**", "**")
    case .moveClause, .moveClauseBefore, .keepOption:
      return clause.text
    case .brackets where HeadingBrackets.lifts(operation, on: clause):
      return Redline.render(from: HeadingBrackets.line(clause), to: placement.proposedText ?? HeadingBrackets.line(clause))
    default:
      guard let proposed = placement.proposedText else { return placement.amends ?? clause.text }
      return Redline.render(from: placement.amends ?? clause.text, to: proposed)
    }
  }
}

extension Snapshot {
  /// One newly tabled proposal placed in `version`, without reading the rest of the record.
  public func marshalled(_ record: ProposalRecord, in version: DraftVersion) throws -> MarshalledProposal {
    let operation = try record.operation.decoded()
    let placement = try placement(of: record, in: version)
    return MarshalledProposal(
      state: ProposalState(record: record, status: .pending), operation: operation, placement: placement,
      distance: Self.distance(operation, placement))
  }

  /// The proposals whose status passes `include`, in the order the chair takes them: clause by
  /// clause in the order of the draft, and among proposals competing for the same words, the one
  /// furthest from the text first. A writer's list refuses while a record it would hold is damaged;
  /// a reading command passes `toleratingDamage` and warns instead.
  public func marshalledList(
    _ version: DraftVersion, toleratingDamage: Bool = false, include: (ProposalStatus) -> Bool
  ) throws -> [MarshalledProposal] {
    let ledger = try ledger.get()
    if !toleratingDamage { try ledger.requireReadable(include) }
    var listed: [MarshalledProposal] = []
    // Only the states asked for are sorted (and copied): accept asks for the accepted ones of a
    // record that may hold tens of thousands.
    for state in Ledger.inTablingOrder(ledger.proposals.values.filter { include($0.status) }) {
      let operation = try state.record.operation.decoded()
      let placement = try placement(of: state.record, in: version)
      listed.append(
        MarshalledProposal(
          state: state, operation: operation, placement: placement,
          distance: Self.distance(operation, placement)))
    }
    Self.flagCollisions(&listed)
    GlobalAmendment.flagCollisions(&listed)
    let order = Dictionary(version.draft.clauses.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
    func position(_ item: MarshalledProposal) -> (Int, Int) {
      // Global amendments come first, before the clause-by-clause ones, as "horizontal" amendments do.
      if item.operation.isThroughout { return (-1, 0) }
      // New clauses come after the proposals on the clause they follow.
      let clause = item.placement.clause.flatMap { order[$0.key] } ?? Int.max
      if case .newClause = item.operation { return (clause, 1) }
      return (clause, 0)
    }
    // Proposals that compete for the same words form a group, taken together where the first of
    // them was tabled, the furthest from the text first.
    var group = Array(listed.indices)
    func root(_ index: Int) -> Int {
      var index = index
      while group[index] != index { index = group[index] }
      return index
    }
    let positions = Dictionary(listed.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    for (index, item) in listed.enumerated() where !item.operation.isThroughout {
      for other in item.collidesWith {
        if let otherIndex = positions[other], !listed[otherIndex].operation.isThroughout {
          group[max(root(index), root(otherIndex))] = min(root(index), root(otherIndex))
        }
      }
    }
    // The sort keys, worked out once each rather than at every comparison.
    let places = listed.map(position)
    let roots = listed.indices.map(root)
    let sorted = listed.indices.sorted { a, b in
      if places[a] != places[b] { return places[a] < places[b] }
      if roots[a] != roots[b] { return roots[a] < roots[b] }
      if listed[a].distance != listed[b].distance { return listed[a].distance > listed[b].distance }
      return a < b
    }.map { listed[$0] }
    return Self.subAmendmentsBeforeParents(sorted)
  }

  static func distance(_ operation: ProposalOperation, _ placement: Placement) -> Int {
    if operation.isThroughout { return GlobalAmendment.distance(placement) }
    guard let clause = placement.clause else { return 0 }
    switch operation {
    case .deleteClause, .deleteArticle, .keepOption:
      return Int.max
    case .newArticle, .retitleArticle:
      return 0
    case .replaceClause, .replaceWords, .deleteWords, .insertWords, .brackets:
      let before = Words(clause.text)
      let after = Words(placement.proposedText ?? clause.text)
      return WordDiff.edits(from: before, to: after).reduce(0) { $0 + $1.base.count + $1.replacement.count }
    case .newClause, .moveClause, .newClauseUnder, .moveClauseBefore, .throughout:
      return 0
    }
  }

  /// Marks pairs on one clause that cannot both be accepted as they stand. Only proposals on the
  /// same clause can collide, so pairs are taken within each clause: thousands of proposals spread
  /// over hundreds of clauses are not compared all with all.
  static func flagCollisions(_ listed: inout [MarshalledProposal]) {
    var byClause: [ClauseKey: [Int]] = [:]
    for index in listed.indices {
      guard let key = listed[index].placement.clause?.key else { continue }
      byClause[key, default: []].append(index)
    }
    for indices in byClause.values where indices.count > 1 {
      for (position, i) in indices.enumerated() {
        for j in indices[(position + 1)...] where collide(listed[i], listed[j]) {
          listed[i].collidesWith.append(listed[j].id)
          listed[j].collidesWith.append(listed[i].id)
        }
      }
    }
  }

  static func collide(_ a: MarshalledProposal, _ b: MarshalledProposal) -> Bool {
    guard let clauseA = a.placement.clause, let clauseB = b.placement.clause, clauseA.key == clauseB.key else {
      return false
    }
    if let subAmendments = subAmendmentsCollide(a, b) { return subAmendments }
    switch (a.operation, b.operation) {
    case (.newClause, _), (_, .newClause), (.newArticle, _), (_, .newArticle):
      // A new article next to an article changes nothing of it.
      return false
    case (.deleteArticle, _), (_, .deleteArticle):
      return true
    case (.deleteClause, _), (_, .deleteClause):
      return true
    case (.moveClause, .moveClause):
      return true
    case (.moveClause, _), (_, .moveClause):
      return false
    default:
      guard let textA = a.placement.proposedText, let textB = b.placement.proposedText else { return false }
      do {
        _ = try WordMerge.merge(base: clauseA.text, ours: textA, theirs: textB)
        return false
      } catch {
        return true
      }
    }
  }
}
