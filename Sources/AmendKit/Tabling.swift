import DraftText
import Foundation
import Wording

/// What a delegation asks to table.
public struct ProposalRequest: Sendable {
  /// The clause, as negotiators write it ("7 (b)").
  public var clause: String
  /// The delegation tabling it: the commit's author.
  public var delegation: String
  /// What it asks to do to the clause.
  public var operation: ProposalOperation
  /// The delegations that co-sponsor it.
  public var cosponsors: [String] = []
  /// The explanatory statement.
  public var rationale: String = ""
  /// The e-mail address the commit is authored with; by default one made from the delegation's name.
  public var email: String?
  /// Tabled as a late ("manuscript") amendment, which the deadline then allows.
  public var late = false
  /// For a sub-amendment: the pending proposal whose proposed text it amends (`clause` is then unused).
  public var to: ProposalID?

  /// A request to table `operation` on `clause` for `delegation`.
  public init(
    clause: String, delegation: String, operation: ProposalOperation, cosponsors: [String] = [], rationale: String = "",
    email: String? = nil
  ) {
    self.clause = clause
    self.delegation = delegation
    self.operation = operation
    self.cosponsors = cosponsors
    self.rationale = rationale
    self.email = email
  }
}

extension Workspace {
  /// Tables a proposal: checks it against the current draft at once and commits its record with the
  /// delegation as author.
  public func table(_ request: ProposalRequest) throws -> ProposalRecord {
    try table(request, takingUp: nil) { _, _ in }
  }

  /// Tables `request`; `original` is the withdrawn proposal it takes up, checked by `precondition`
  /// against the ledger the commit is written on.
  func table(
    _ request: ProposalRequest, takingUp original: String?, precondition: (Ledger, String) throws -> Void
  ) throws -> ProposalRecord {
    guard !request.delegation.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw TablingError.noDelegation
    }
    let delegation = try Names.checked(request.delegation, .delegation)
    let cosponsors = try Self.cosponsors(request.cosponsors, of: delegation)
    let person = Person.named(delegation, email: try request.email.map { try Names.checkedEmail($0, .delegationEmail) })
    let tabledBy = try committer()
    if request.to != nil, !request.operation.changesWording { throw SubAmendmentError.notOnText(kind: request.operation.kind) }
    var record: ProposalRecord?
    var markerNote: String?
    try commit(author: person, message: { _ in Self.tablingMessage(record) }) { snapshot in
      // A take-up re-tables a proposal tabled in time: the deadline does not apply to it.
      let late = original == nil ? try lateness(on: snapshot, tabledAsLate: request.late) : false
      if original != nil { try precondition(try snapshot.ledger.get(), delegation) }
      try requireDelegation(delegation, at: snapshot)
      let current = try snapshot.currentDraft()
      // A global amendment has no single clause: it lists where its words occur (GlobalAmendments.swift).
      // A sub-amendment changes the text its parent proposes (SubAmending.swift); its id is seeded by the parent.
      var checked: CheckedProposal
      var clauseID = ""
      var throughout: [String]?
      var parent: ProposalState?
      if let parentID = request.to {
        let state = try snapshot.ledger.get().proposal(parentID)
        let (clause, parentText) = try Self.amendable(state, snapshot: snapshot, in: current)
        checked = try Self.checkSubAmendment(request.operation, of: state, text: parentText, on: clause, in: current)
        checked.textBefore = parentText
        (clauseID, parent) = (clause.id.rawValue, state)
      } else if request.operation.isThroughout {
        (checked, throughout) = try Self.checkThroughout(request.operation, in: current)
      } else {
        let clause = try Self.target(request.operation, try Self.resolve(request.clause, in: current), in: current)
        (checked, clauseID) = (try Self.check(request.operation, on: clause, in: current), clause.id.rawValue)
      }
      let (before, proposed, operation) = (checked.textBefore, checked.textProposed, checked.operation)
      markerNote = checked.note
      let tabled = Context.timestamp(context.now())
      let globalSeed: [String] = throughout.map { [$0.joined(separator: " "), operation.anchorWords ?? ""] } ?? []
      var attempt = 0
      var id: String
      repeat {
        id = try newID(
          ([delegation, String(current.number), parent?.id ?? clauseID, operation.kind, before, proposed ?? "", tabled] + globalSeed)
            .joined(separator: "\n"), length: 8, attempt: attempt)
        attempt += 1
      } while try snapshot.proposalExists(id)
      var made = ProposalRecord(
        id: id, draft: current.number, clause: clauseID, operation: operation,
        delegation: delegation, email: person.email, cosponsors: cosponsors, tabled: tabled,
        tabledBy: tabledBy.description, textBefore: before, textProposed: proposed,
        rationale: request.rationale.trimmingCharacters(in: .whitespacesAndNewlines))
      made.throughout = throughout
      made.to = parent?.id
      made.takenUpFrom = original
      made.late = late ? true : nil
      record = made
      return [ProposalRecord.path(for: id): Data(try RecordCoding.encode(made).utf8)]
    }
    guard let record else { throw RepositoryError.notRecorded(.proposal) }
    if let markerNote { warnings.append(markerNote) }
    return record
  }

  /// Each co-sponsor named once, by the rule for names, and never the proposer itself.
  static func cosponsors(_ names: [String], of delegation: String) throws -> [String] {
    var result: [String] = []
    for name in names {
      let checked = try Names.checked(name, .cosponsor)
      guard checked.caseInsensitiveCompare(delegation) != .orderedSame else {
        throw TablingError.cosponsorIsProposer(checked)
      }
      guard !result.contains(where: { $0.caseInsensitiveCompare(checked) == .orderedSame }) else {
        throw TablingError.cosponsorTwice(checked)
      }
      result.append(checked)
    }
    return result
  }

  static func tablingMessage(_ record: ProposalRecord?) -> String {
    guard let record, let operation = try? record.operation.decoded() else { return "Table a proposal" }
    if record.isThroughout { return throughoutTablingMessage(record, operation) }
    if record.to != nil { return subAmendmentMessage(record) }
    let clause = ClauseID(rawValue: record.clause).display
    return """
      Table \(record.id): \(CommitText.line(record.delegation)) on \(clause)

      \(CommitText.line(operation.description(clause: clause)))

      Amend-Event: tabled
      Amend-Proposal: \(record.id)\(record.takenUpFrom.map { "\nAmend-Takes-Up: \($0)" } ?? "")\(record.late == true ? "\nAmend-Late: yes" : "")
      Amend-Draft: \(record.draft)
      Amend-Clause: \(record.clause)
      """
  }

  /// The clause an operation is tabled against: for an article operation the article's heading
  /// (named by the heading or by the article's own text), for any other a clause, never a heading.
  static func target(_ operation: ProposalOperation, _ clause: Clause, in version: DraftVersion) throws -> Clause {
    if case .keepOption = operation, clause.kind != .option, Draft.openingOption(clause.text) == nil {
      throw TablingError.notAnOption(clause: clause.id)
    }
    if clause.id.isUnnumbered, operation.isNewClause || operation.isMove || operation.isArticleEdit, !addsLine(operation, after: clause) {
      throw TablingError.unnumberedLine(clause: clause.id)
    }
    guard operation.isArticleEdit else {
      if clause.id.isHeading, !HeadingBrackets.lifts(operation, on: clause) { throw TablingError.headingNotAClause(clause: clause.id) }
      return clause
    }
    if clause.id.isHeading { return clause }
    guard clause.kind == .articleText, let number = clause.article, let heading = version.draft.headingClause(number) else {
      throw TablingError.notAnArticle(clause: clause.id)
    }
    return heading
  }

  /// Whether `operation` adds an unnumbered line after `clause` (``Clause/takesUnnumberedAfter``).
  static func addsLine(_ operation: ProposalOperation, after clause: Clause) -> Bool {
    guard clause.takesUnnumberedAfter, case .newClause(_, before: false) = operation else { return false }
    return true
  }

  /// What an article operation leaves of `draft`, or why it could never be applied.
  static func articleEdited(_ operation: ProposalOperation, on heading: Clause, in draft: Draft) throws -> Draft {
    var copy = draft
    let number = heading.article ?? ""
    do {
      switch operation {
      case .deleteArticle: try copy.deleteArticle(number)
      case let .newArticle(title, paragraphs, before):
        if before {
          try copy.insertArticle(before: number, title: title, paragraphs: paragraphs)
        } else {
          try copy.insertArticle(after: number, title: title, paragraphs: paragraphs)
        }
      case .retitleArticle(let title): try copy.retitleArticle(number, title: title)
      default: return copy
      }
    } catch {
      throw TablingError.articleEditRefused(clause: heading.id, reason: "\(error)")
    }
    copy.renumber()
    if copy.clauses.isEmpty {
      throw TablingError.articleEditRefused(clause: heading.id, reason: "the draft would have no clause left")
    }
    if !copy.readsBack {
      throw TablingError.articleEditRefused(
        clause: heading.id, reason: "its text would not read back as the paragraphs and heading it adds (a marker or a heading in the text?)")
    }
    return copy
  }

  static func resolve(_ spelling: String, in version: DraftVersion) throws -> Clause {
    do {
      return try version.draft.resolve(spelling)
    } catch {
      throw LookupError.clause(error, inDraft: version.number)
    }
  }

  /// The clause's text the proposal is made against, the full text as proposed, and the operation with
  /// any clause it names spelled as that clause's id.
  static func texts(
    of operation: ProposalOperation, on clause: Clause, in version: DraftVersion
  ) throws
    -> (String, String?, ProposalOperation)
  {
    let name = clause.id
    let before = clause.text
    if HeadingBrackets.lifts(operation, on: clause) {
      guard let lifted = HeadingBrackets.lifted(clause) else { throw TablingError.noBrackets(clause: name, alternatives: false) }
      return (HeadingBrackets.line(clause), lifted, operation)
    }
    switch operation {
    case .replaceWords, .deleteWords, .insertWords, .brackets, .throughout:
      let after: String
      do {
        if case .brackets(let edit, let occurrence) = operation {
          after = try Brackets.apply(edit, occurrence: occurrence, to: before)
        } else {
          after = try operation.applied(to: before)
        }
      } catch let error as WordMatchError {
        throw explain(error, clause: name)
      } catch let error as Brackets.Failure {
        throw explain(error, clause: name)
      }
      if case .replaceWords(let words, let with, _) = operation, words == with {
        throw TablingError.replacedWithItself(words: words, clause: name)
      }
      if case .insertWords(let text, _, _) = operation, text.trimmingCharacters(in: .whitespaces).isEmpty {
        throw TablingError.nothingToInsert(clause: name)
      }
      guard after != before else {
        throw TablingError.noChange(clause: name)
      }
      guard !after.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw TablingError.leavesNoText(clause: name)
      }
      try ClauseText.checkWording(after, of: clause, in: version.draft, what: .proposedText(name))
      return (before, after, operation)
    case .replaceClause(let text):
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else {
        throw TablingError.emptyText(clause: name)
      }
      guard trimmed != before.trimmingCharacters(in: .whitespacesAndNewlines) else {
        throw TablingError.sameText(clause: name)
      }
      try ClauseText.checkWording(trimmed, of: clause, in: version.draft, what: .proposedText(name))
      return (before, trimmed, .replaceClause(text: trimmed))
    case .deleteClause:
      return (before, nil, operation)
    case .newClause(let text, _):
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else {
        throw TablingError.emptyNewClause(next: name)
      }
      guard case .newClause(_, let placeBefore) = operation else { return (before, trimmed, operation) }
      try ClauseText.checkNewClause(
        trimmed, next: clause, before: placeBefore, in: version.draft,
        what: .newClause(next: name, before: placeBefore))
      return (before, trimmed, operation)
    case .keepOption:
      var copy = version.draft
      do {
        try copy.chooseOption(clause.key)
      } catch {
        throw TablingError.notAnOption(clause: name)
      }
      guard copy.readsBack else { throw TablingError.notAnOption(clause: name) }
      return (before, nil, operation)
    case .moveClause(let target):
      let destination = try resolve(target, in: version)
      if destination.id.isUnnumbered { throw TablingError.unnumberedLine(clause: destination.id) }
      try StructuralCheck.move(clause, next: destination, before: false, in: version.draft)
      return (before, before, .moveClause(after: destination.id.rawValue))
    case .moveClauseBefore(let target):
      let destination = try resolve(target, in: version)
      if destination.id.isUnnumbered { throw TablingError.unnumberedLine(clause: destination.id) }
      try StructuralCheck.move(clause, next: destination, before: true, in: version.draft)
      return (before, before, .moveClauseBefore(destination.id.rawValue))
    case .newClauseUnder(let text):
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else {
        throw TablingError.emptyNewClause(next: name)
      }
      try StructuralCheck.newClause(trimmed, under: clause, in: version.draft, what: .newClauseUnder(parent: name))
      return (before, trimmed, .newClauseUnder(text: trimmed))
    case let .newArticle(title, paragraphs, placeBefore):
      let trimmed = paragraphs.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      let checked = ProposalOperation.newArticle(title: title, paragraphs: trimmed, before: placeBefore)
      _ = try articleEdited(checked, on: clause, in: version.draft)
      return (before, ProposalOperation.joinedParagraphs(trimmed), checked)
    case .deleteArticle:
      _ = try articleEdited(operation, on: clause, in: version.draft)
      return (before, nil, operation)
    case .retitleArticle(let title):
      guard (title ?? "") != before else { throw TablingError.sameTitle(clause: name) }
      _ = try articleEdited(operation, on: clause, in: version.draft)
      return (before, title ?? "", operation)
    }
  }

  static func explain(_ error: Brackets.Failure, clause: ClauseID) -> TablingError {
    switch error {
    case .none(let alternatives): .noBrackets(clause: clause, alternatives: alternatives)
    case .ambiguous(let count, let alternatives): .bracketsAmbiguous(count: count, clause: clause, alternatives: alternatives)
    case .noSuchOccurrence(let occurrence, let count, let alternatives):
      .noSuchBracket(occurrence: occurrence, count: count, clause: clause, alternatives: alternatives)
    case .noSuchOption(let option, let count): .noSuchOption(option: option, count: count, clause: clause)
    }
  }

  static func explain(_ error: WordMatchError, clause: ClauseID) -> TablingError {
    switch error {
    case .wordsNotFound(let words):
      .wordsNotFound(words: words, clause: clause)
    case .ambiguous(let words, let count):
      .wordsAmbiguous(words: words, count: count, clause: clause)
    case .occurrenceOutOfRange(let words, let occurrence, let count):
      .noSuchOccurrence(words: words, occurrence: occurrence, count: count, clause: clause)
    }
  }

  /// Withdraws a proposal before a decision: by its proposer, or by a co-sponsor on its behalf.
  public func withdraw(_ id: ProposalID, by delegation: String) throws -> EventRecord {
    guard !delegation.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw TablingError.noWithdrawer
    }
    let delegation = try Names.checked(delegation, .delegation)
    var event: EventRecord?
    try commit(
      author: Person.named(delegation, email: nil),
      message: { _ in
        "Withdraw \(event?.proposal ?? id.rawValue) (\(CommitText.line(delegation)))"
          + "\n\nAmend-Event: withdrawn\nAmend-Proposal: \(event?.proposal ?? id.rawValue)"
      }
    ) { snapshot in
      try requireDelegation(delegation, at: snapshot)
      let ledger = try snapshot.ledger.get()
      let state = try ledger.proposal(id)
      let record = state.record
      let isProposer = state.isProposer(delegation)
      guard isProposer || state.isCosponsor(delegation) else {
        throw TablingError.cannotWithdraw(
          delegation: delegation, proposal: record.id, proposer: record.delegation, cosponsors: state.cosponsors)
      }
      guard state.status.isUndecided else {
        throw TablingError.alreadyDecided(proposal: record.id, status: state.status)
      }
      var made = try newEvent(.withdrawn, content: record.id + "withdrawn", after: ledger)
      made.proposal = record.id
      made.by = isProposer ? record.delegation : delegation
      made.onBehalfOf = isProposer ? nil : record.delegation
      event = made
      return try made.file()
    }
    guard let event else { throw RepositoryError.notRecorded(.withdrawal) }
    return event
  }
}
