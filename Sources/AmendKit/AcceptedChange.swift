import DraftText
import Wording

/// What an accepted proposal does to the current draft: the one definition that `accept` checks
/// against what is already accepted and `next` applies, built once from the proposal, its placement
/// in the current draft and the decision that accepted it.
///
/// A proposal changes the list of clauses (a new clause, a move, a deletion), the words of one
/// clause, or both. Accepted "as orally revised", the chair's text is the clause's final wording:
/// for a new clause, the new clause's; for a move, the moved clause's; for a deletion, the wording
/// the clause keeps instead of being deleted (the chair read out what stays). Next applies the
/// proposal as tabled first, then the chair's words, so each is credited to who spoke them.
struct AcceptedChange {
  enum ListChange: Equatable {
    case insert(text: String, anchor: Clause, before: Bool)
    case move(clause: Clause, after: Clause)
    case delete(clause: Clause)
    /// A new clause under `parent` (docs/TREATIES.md).
    case insertUnder(text: String, parent: Clause)
    /// A move to stand right before `target`.
    case moveBefore(clause: Clause, target: Clause)
    /// A new article after (or before) the article whose heading is `heading` (docs/TREATIES.md).
    case insertArticle(title: String?, paragraphs: [String], heading: Clause, before: Bool)
    /// The article whose heading is `heading`, deleted with everything under it.
    case deleteArticle(heading: Clause)
    /// The article whose heading is `heading`, given `title`.
    case retitleArticle(heading: Clause, title: String?)
    /// The option line `option` chosen: the other options of its group deleted (docs/TREATIES.md).
    case keepOption(option: Clause)
    /// The brackets around the heading `heading` lifted (HeadingBrackets).
    case liftBrackets(heading: Clause)
  }

  var item: MarshalledProposal
  var list: ListChange?
  /// The existing clause whose words change; nil when only the list changes, or the words are a new
  /// clause's.
  var reworded: Clause?
  /// The delegation's wording, carried onto today's text; nil for a move or a deletion read out.
  var tabled: String?
  /// The chair's wording, when accepted as orally revised.
  var revised: String?
  /// The words accepted sub-amendments gave the proposal, each applied after `tabled` (then the
  /// proposal's own words) and credited to its delegation.
  var subAmended: [SubAmendmentStage] = []
  /// Set on the copy `apply` passes to `step` for the commit of one sub-amendment's words.
  var stage: SubAmendmentStage?

  var id: String { item.id }
  var delegation: String { item.record.delegation }
  /// The words the clause ends with.
  var wording: String? { revised ?? subAmended.last?.text ?? tabled }
  var isDeletion: Bool {
    if case .delete = list { return true }
    return false
  }
  var isInsertion: Bool {
    switch list {
    case .insert, .insertUnder: return true
    default: return false
    }
  }
  /// The clause a move takes elsewhere (moves are applied before deletions).
  var movedClause: ClauseKey? {
    switch list {
    case .move(let clause, _), .moveBefore(let clause, _): return clause.key
    default: return nil
    }
  }

  /// Why the proposal cannot be applied to the current draft; thrown by `init`.
  struct CannotApply: Error {
    var problem: ApplyProblem
    /// Whether an oral revision could still carry it (the clause is there).
    var revisable: Bool
  }

  /// `revision` overrides the decision's own (for the acceptance being checked).
  init(_ item: MarshalledProposal, revision: String?? = nil, in draft: Draft) throws {
    self.item = item
    let revised = revision ?? item.asRevised
    self.revised = revised
    let placement = item.placement
    // A global amendment has no single clause: it is applied, after the others, wherever its words stand.
    if item.operation.isThroughout {
      if let reason = placement.needsRevision { throw CannotApply(problem: .needsRevision(reason), revisable: false) }
      return
    }
    guard let clause = placement.clause else {
      throw CannotApply(problem: placement.needsRevision.map(ApplyProblem.needsRevision) ?? .clauseGone, revisable: false)
    }
    switch item.operation {
    case .brackets where HeadingBrackets.lifts(item.operation, on: clause):
      guard placement.proposedText != nil else {
        throw CannotApply(problem: placement.needsRevision.map(ApplyProblem.needsRevision) ?? .clauseGone, revisable: false)
      }
      list = .liftBrackets(heading: clause)
    case .replaceWords, .deleteWords, .insertWords, .replaceClause, .brackets:
      reworded = clause
      tabled = placement.proposedText
      if tabled == nil, revised == nil {
        throw CannotApply(
          problem: placement.needsRevision.map(ApplyProblem.needsRevision) ?? .wordsGone(clause: clause.id), revisable: true)
      }
    case .newClause(_, let before):
      guard let text = placement.proposedText else {
        throw CannotApply(problem: placement.needsRevision.map(ApplyProblem.needsRevision) ?? .noText, revisable: true)
      }
      list = .insert(text: text, anchor: clause, before: before)
      tabled = text
      if let revised {
        try ClauseText.checkNewClause(revised, next: clause, before: before, in: draft, what: .revisedNewClause(proposal: item.id))
      }
    case .newClauseUnder:
      guard let text = placement.proposedText else {
        throw CannotApply(problem: placement.needsRevision.map(ApplyProblem.needsRevision) ?? .noText, revisable: true)
      }
      list = .insertUnder(text: text, parent: clause)
      tabled = text
      if let revised {
        try StructuralCheck.newClause(revised, under: clause, in: draft, what: .revisedNewClause(proposal: item.id))
      }
    case .moveClauseBefore:
      guard let target = placement.follow else {
        throw CannotApply(problem: placement.needsRevision.map(ApplyProblem.needsRevision) ?? .followGone, revisable: false)
      }
      list = .moveBefore(clause: clause, target: target)
      if revised != nil { reworded = clause }
    case .moveClause:
      guard let follow = placement.follow else {
        throw CannotApply(problem: placement.needsRevision.map(ApplyProblem.needsRevision) ?? .followGone, revisable: false)
      }
      list = .move(clause: clause, after: follow)
      if revised != nil { reworded = clause }
    case .deleteClause:
      if revised != nil { reworded = clause } else { list = .delete(clause: clause) }
    case let .newArticle(title, paragraphs, before):
      // Read out by the chair: the article's paragraphs, a blank line between them.
      let text = revised.map(ProposalOperation.splitParagraphs) ?? paragraphs
      guard !text.isEmpty else { throw CannotApply(problem: .noText, revisable: true) }
      list = .insertArticle(title: title, paragraphs: text, heading: clause, before: before)
      tabled = placement.proposedText
    case .deleteArticle:
      list = .deleteArticle(heading: clause)
    case .retitleArticle(let title):
      // Read out by the chair: the title.
      list = .retitleArticle(heading: clause, title: revised.map { $0.isEmpty ? nil : $0 } ?? title)
    case .keepOption:
      list = .keepOption(option: clause)
      return
    case .throughout:
      break
    }
    if item.operation.isArticleEdit { return }
    if let staged = Self.subAmendmentStages(item, on: clause) {
      (tabled, subAmended) = (staged.tabled, staged.stages)
      if case .insert(_, let anchor, let before) = list { list = .insert(text: staged.tabled, anchor: anchor, before: before) }
    }
    if let reworded, let revised {
      try ClauseText.checkWording(
        revised, of: reworded, in: draft, what: .revisedText(proposal: item.id, clause: clause.id))
    }
  }

  /// The accepted proposals of `version`'s round, in the order they were accepted.
  static func accepted(in snapshot: Snapshot, _ version: DraftVersion) throws -> [MarshalledProposal] {
    try snapshot.marshalledList(version) { $0 == .accepted }
      .filter { !$0.state.isSubAmendment }  // applied through their parents
      .sorted { ($0.state.decision?.seq ?? 0) < ($1.state.decision?.seq ?? 0) }
  }

  /// How the wordings accepted on one clause combine, in the order accepted: each tabled wording
  /// merged word by word onto what the earlier ones made of it, a wording read out replacing it whole.
  static func combine(_ changes: [AcceptedChange], on clause: Clause) throws(WordConflict) -> String {
    var combined = clause.text
    for change in changes {
      guard let text = change.wording else { continue }
      combined = try AcceptedWording.adding(text, asRevised: change.revised != nil, to: combined, base: clause.text)
    }
    return combined
  }
}

extension AcceptedChange {
  /// The number now of the article whose heading `heading` was in the draft the changes apply to.
  static func article(_ heading: Clause, in draft: Draft) throws(DraftError) -> String {
    guard let parsed = heading.article, let number = draft.articleNumber(asParsed: parsed) else {
      throw .unsupportedEdit("\(heading.id.display.dropLast(" heading".count)) is no longer in the draft")
    }
    return number
  }

  /// The keys of the clauses under the article whose heading is `heading`.
  static func articleKeys(_ heading: Clause, in draft: Draft, for change: AcceptedChange) throws -> [ClauseKey] {
    let number: String
    do {
      number = try article(heading, in: draft)
    } catch {
      throw ApplyFailure(change: change, problem: .edit(error))
    }
    return draft.clauses.filter { $0.article?.lowercased() == number.lowercased() }.map(\.key)
  }
}

/// Why a set of accepted changes could not be applied, and which change failed.
struct ApplyFailure: Error {
  var change: AcceptedChange
  var problem: ApplyProblem
  /// Set when two wordings of one clause touch the same words.
  var conflict: WordConflict?
}

extension AcceptedChange {
  /// The draft after `changes` and what they did to its list.
  struct Applied {
    var draft: Draft
    var inserted: [ClauseKey: String] = [:]
    /// Where each new clause put beside another was put, for its name in the round (``Draft/namesInRound(of:from:)``).
    var newClausePlaces: [ClauseKey: NewClausePlace] = [:]
    var deleted: [ClauseKey: String] = [:]
    /// The clauses each global amendment changed, by proposal.
    var throughout: [String: [ClauseID]] = [:]
  }

  /// The clauses new in the round put right after or before `moved` (new clauses are applied before
  /// moves) go with it, in the order they stood: "after 3" means after 3 wherever 3 goes.
  static func carryNewClauses(beside moved: ClauseKey, places: [ClauseKey: NewClausePlace], in draft: inout Draft) throws(DraftError) {
    let beside = places.filter { $0.value == .after(moved) || $0.value == .before(moved) }
    // Most moves have no new clause beside them: no need to look at the whole draft.
    guard !beside.isEmpty else { return }
    let order = Dictionary(draft.clauses.enumerated().map { ($1.key, $0) }) { first, _ in first }
    func standing(_ place: NewClausePlace) -> [ClauseKey] {
      beside.filter { $0.value == place && order[$0.key] != nil }.map(\.key).sorted { order[$0]! < order[$1]! }
    }
    var previous = moved
    for key in standing(.after(moved)) {
      try draft.moveClause(key, after: previous)
      previous = key
    }
    for key in standing(.before(moved)) { try draft.moveClause(key, before: moved) }
  }

  /// Applies `changes` to `start` the one way both accept (to try them) and next (to write them)
  /// do: the list changes first — new clauses, moves, deletions, in the order ``inApplyingOrder(_:)``
  /// defines, whatever the order accepted — then the wordings, each in the order accepted, so each
  /// amended line's last commit is the one that chose its words, then the global amendments, each on the
  /// text the others left (GlobalAmendments.swift). `step` runs
  /// after every edit, with whether the words are the chair's (an oral revision).
  ///
  /// `memory`, for a trial without `step` (accept's), keeps the draft the list changes made from
  /// `start` (whose text is `memory.text`): a set whose list changes are those of the last set tried
  /// starts from it, and trying one more wording costs that wording alone (TrialMemory).
  static func apply(
    _ changes: [AcceptedChange], to start: Draft, memory: (kept: TrialMemory, text: String)? = nil,
    step: (AcceptedChange, _ byChair: Bool, Draft) throws -> Void = { _, _, _ in }
  ) throws -> Applied {
    var applied = Applied(draft: start)
    var checkReadBack = false
    let listOrder = inApplyingOrder(changes)
    func edit<T>(_ change: AcceptedChange, byChair: Bool, _ body: (inout Draft) throws(DraftError) -> T) throws -> T {
      let result: T
      do {
        result = try body(&applied.draft)
      } catch {
        throw ApplyFailure(change: change, problem: .edit(error))
      }
      applied.draft.renumberLists()
      try step(change, byChair, applied.draft)
      return result
    }
    // The list changes first, none depending on a wording: new clauses and articles, then moves,
    // then deletions, then articles deleted (a clause of a deleted article may have been deleted on
    // its own) and retitled, each group in applying order.
    let listSteps = [0, 1, 2, 3].flatMap { group in listOrder.filter { $0.listGroup == group } }
    func applyListStep(_ change: AcceptedChange) throws {
      let key: ClauseKey
      let text: String
      switch change.list {
      case .insert(let words, let anchor, let before):
        text = words
        key = try edit(change, byChair: false) { draft throws(DraftError) in
          before ? try draft.insertClause(words, before: anchor.key) : try draft.insertClause(words, after: anchor.key)
        }
        applied.newClausePlaces[key] = before ? .before(anchor.key) : .after(anchor.key)
        // An unnumbered line that would read as a heading or an option is refused at tabling; one in
        // a record from elsewhere is caught here.
        if !before, anchor.takesUnnumberedAfter, !applied.draft.readsBack(unnumbered: key) {
          throw ApplyFailure(change: change, problem: .notOneClauseEach)
        }
      case .insertUnder(let words, let parent):
        text = words
        key = try edit(change, byChair: false) { draft throws(DraftError) in try draft.insertClause(words, under: parent.key) }
      case let .insertArticle(title, paragraphs, heading, before):
        let keys = try edit(change, byChair: change.revised != nil) { draft throws(DraftError) in
          let number = try Self.article(heading, in: draft)
          let keys =
            before
            ? try draft.insertArticle(before: number, title: title, paragraphs: paragraphs)
            : try draft.insertArticle(after: number, title: title, paragraphs: paragraphs)
          return keys + (draft.lastAddedHeadingKey.map { [$0] } ?? [])
        }
        for key in keys { applied.inserted[key] = change.id }
        return
      case .move(let clause, let follow):
        let places = applied.newClausePlaces
        try edit(change, byChair: false) { draft throws(DraftError) in
          try draft.moveClause(clause.key, after: follow.key)
          try Self.carryNewClauses(beside: clause.key, places: places, in: &draft)
        }
        return
      case .moveBefore(let clause, let target):
        let places = applied.newClausePlaces
        try edit(change, byChair: false) { draft throws(DraftError) in
          try draft.moveClause(clause.key, before: target.key)
          try Self.carryNewClauses(beside: clause.key, places: places, in: &draft)
        }
        return
      case .delete(let clause):
        applied.deleted[clause.key] = change.id
        try edit(change, byChair: false) { draft throws(DraftError) in try draft.deleteClause(clause.key) }
        return
      case .keepOption(let option):
        // With the deletions: the other options' paragraphs go as deleted clauses do.
        let gone = try edit(change, byChair: false) { draft throws(DraftError) in try draft.chooseOption(option.key) }
        for key in gone { applied.deleted[key] = change.id }
        return
      case .deleteArticle(let heading):
        let gone = try Self.articleKeys(heading, in: applied.draft, for: change)
        for key in gone { applied.deleted[key] = change.id }
        applied.deleted[ClauseKey("heading-\((heading.article ?? "").lowercased())")] = change.id
        try edit(change, byChair: false) { draft throws(DraftError) in try draft.deleteArticle(try Self.article(heading, in: draft)) }
        return
      case let .retitleArticle(heading, title):
        try edit(change, byChair: change.revised != nil) { draft throws(DraftError) in
          try draft.retitleArticle(try Self.article(heading, in: draft), title: title)
        }
        return
      case .liftBrackets(let heading):
        try edit(change, byChair: false) { draft throws(DraftError) in try draft.liftBrackets(ofArticle: try Self.article(heading, in: draft)) }
        return
      case nil:
        return
      }
      applied.inserted[key] = change.id
      var current = text
      for stage in change.subAmended where stage.text != current {
        checkReadBack = checkReadBack || ClauseText.mayBreak(stage.text)
        try edit(change.staged(stage), byChair: false) { draft throws(DraftError) in try draft.replaceText(of: key, with: stage.text) }
        current = stage.text
      }
      if let revised = change.revised, revised != current {
        checkReadBack = checkReadBack || ClauseText.mayBreak(revised)
        try edit(change, byChair: true) { draft throws(DraftError) in try draft.replaceText(of: key, with: revised) }
      }
    }
    var combined: [ClauseKey: String] = [:]
    // The wordings in the order accepted, each merged onto what the earlier ones made of its clause.
    func applyWording(_ change: AcceptedChange) throws {
      guard let clause = change.reworded else { return }
      var text = combined[clause.key] ?? clause.text
      let unchanged = text
      if let tabled = change.tabled {
        var merged: String
        do {
          merged = try AcceptedWording.adding(tabled, asRevised: false, to: text, base: clause.text)
        } catch {
          // The chair's words settle a collision; the delegation's words are applied as tabled first.
          guard change.revised != nil else {
            throw ApplyFailure(change: change, problem: .wordingCollides, conflict: error)
          }
          merged = tabled
        }
        if merged != text {
          checkReadBack = checkReadBack || ClauseText.mayBreak(merged)
          try edit(change, byChair: false) { draft throws(DraftError) in try draft.replaceText(of: clause.key, with: merged) }
          text = merged
        }
      }
      for stage in change.subAmended {
        // Each sub-amendment's words on what the proposal found, credited to its delegation; the last
        // is the proposal's text as accepted, checked as the proposal's own words are.
        let merged: String
        do {
          merged = try AcceptedWording.adding(stage.text, asRevised: false, to: unchanged, base: clause.text)
        } catch {
          guard stage.id == change.subAmended.last?.id, change.revised == nil else { continue }
          throw ApplyFailure(change: change, problem: .wordingCollides, conflict: error)
        }
        if merged != text {
          checkReadBack = checkReadBack || ClauseText.mayBreak(merged)
          try edit(change.staged(stage), byChair: false) { draft throws(DraftError) in try draft.replaceText(of: clause.key, with: merged) }
          text = merged
        }
      }
      if let revised = change.revised, revised != text {
        checkReadBack = checkReadBack || ClauseText.mayBreak(revised)
        try edit(change, byChair: true) { draft throws(DraftError) in try draft.replaceText(of: clause.key, with: revised) }
        text = revised
      }
      combined[clause.key] = text
    }
    var resumeAt = 0
    if let memory {
      // Resumed after the last group of list steps the last trial shared, then after its wordings
      // when every list step and every earlier wording is the same.
      let listKey = listSteps.compactMap(\.listKey)
      let wordingKey = changes.map(\.wordingKey)
      var checkpoints = memory.kept.checkpoints(sharedWith: listKey, on: memory.text)
      if let last = checkpoints.last {
        applied = last.applied
        checkReadBack = last.checkReadBack
      }
      for (done, change) in listSteps.enumerated().dropFirst(checkpoints.last?.steps ?? 0) {
        try applyListStep(change)
        if done + 1 == listSteps.count || listSteps[done + 1].listGroup != change.listGroup {
          checkpoints.append(.init(steps: done + 1, applied: applied, checkReadBack: checkReadBack))
        }
      }
      let sameSteps = memory.kept.keep(text: memory.text, steps: listKey, checkpoints: checkpoints)
      if sameSteps, let wordings = memory.kept.afterWordings(startingWith: wordingKey) {
        applied = wordings.applied
        combined = wordings.combined
        checkReadBack = wordings.checkReadBack
        resumeAt = wordings.key.count
      }
      #if DEBUG
        let kept = (applied, combined, checkReadBack)
        applied = Applied(draft: start)
        combined = [:]
        checkReadBack = false
        for change in listSteps { try applyListStep(change) }
        for change in changes.prefix(resumeAt) { try applyWording(change) }
        assert(applied.draft == kept.0.draft && applied.inserted == kept.0.inserted && applied.deleted == kept.0.deleted)
        assert(combined == kept.1 && checkReadBack == kept.2)
        applied = kept.0
      #endif
      for change in changes.dropFirst(resumeAt) { try applyWording(change) }
      memory.kept.keep(.init(key: wordingKey, applied: applied, combined: combined, checkReadBack: checkReadBack))
    } else {
      for change in listSteps { try applyListStep(change) }
      for change in changes { try applyWording(change) }
    }
    let global = try applyThroughout(
      changes, draft: { applied.draft }, edit: { change, body in try edit(change, byChair: false, body) })
    applied.throughout = global.touched
    checkReadBack = checkReadBack || global.mayBreak
    if checkReadBack, !applied.draft.readsBack, let last = changes.last {
      throw ApplyFailure(
        change: changes.first { ClauseText.mayBreak($0.wording ?? "") } ?? last,
        problem: .notOneClauseEach)
    }
    return applied
  }
}
