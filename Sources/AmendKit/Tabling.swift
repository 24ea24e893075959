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
    guard !request.delegation.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw AmendError("no delegation named: say who tables it with --by DELEGATION")
    }
    let delegation = try Names.checked(request.delegation, "the delegation (--by)")
    let cosponsors = try Self.cosponsors(request.cosponsors, of: delegation)
    let person = Person.named(delegation, email: try request.email.map { try Names.checkedEmail($0, "--email") })
    let tabledBy = try committer()
    var record: ProposalRecord?
    var markerNote: String?
    try commit(author: person, message: { _ in Self.tablingMessage(record) }) { snapshot in
      let current = try snapshot.currentDraft()
      let clause = try Self.resolve(request.clause, in: current)
      var asked = request.operation
      switch asked {
      case .replaceClause(let text):
        let stripped = ClauseText.withoutOwnMarker(text, like: clause, what: "the text for \(clause.id.display)")
        (asked, markerNote) = (.replaceClause(text: stripped.text), stripped.note)
      case .newClause(let text, let before):
        let stripped = ClauseText.withoutOwnMarker(text, like: clause, what: "the new clause's text")
        (asked, markerNote) = (.newClause(text: stripped.text, before: before), stripped.note)
      default:
        markerNote = nil
      }
      let (before, proposed, operation) = try Self.texts(of: asked, on: clause, in: current)
      let tabled = Context.timestamp(context.now())
      var attempt = 0
      var id: String
      repeat {
        id = try newID(
          [delegation, String(current.number), clause.id.rawValue, operation.kind, before, proposed ?? "", tabled]
            .joined(separator: "\n"), length: 8, attempt: attempt)
        attempt += 1
      } while try snapshot.exists(ProposalRecord.path(for: id))
      let made = ProposalRecord(
        id: id, draft: current.number, clause: clause.id.rawValue, operation: operation,
        delegation: delegation, email: person.email, cosponsors: cosponsors, tabled: tabled,
        tabledBy: tabledBy.description, textBefore: before, textProposed: proposed,
        rationale: request.rationale.trimmingCharacters(in: .whitespacesAndNewlines))
      record = made
      return [ProposalRecord.path(for: id): Data(try RecordCoding.encode(made).utf8)]
    }
    guard let record else { throw AmendError("the proposal was not recorded") }
    if let markerNote { warnings.append(markerNote) }
    return record
  }

  /// Each co-sponsor named once, by the rule for names, and never the proposer itself.
  static func cosponsors(_ names: [String], of delegation: String) throws -> [String] {
    var result: [String] = []
    for name in names {
      let checked = try Names.checked(name, "the co-sponsor (--cosponsor)")
      guard checked.caseInsensitiveCompare(delegation) != .orderedSame else {
        throw AmendError("\(checked) cannot co-sponsor itself: its own proposal is already its own; leave out --cosponsor \(checked)")
      }
      guard !result.contains(where: { $0.caseInsensitiveCompare(checked) == .orderedSame }) else {
        throw AmendError("\(checked) is named twice as co-sponsor: name each co-sponsor once")
      }
      result.append(checked)
    }
    return result
  }

  static func tablingMessage(_ record: ProposalRecord?) -> String {
    guard let record, let operation = try? record.operation.decoded() else { return "Table a proposal" }
    let clause = ClauseID(rawValue: record.clause).display
    return """
      Table \(record.id): \(CommitText.line(record.delegation)) on \(clause)

      \(CommitText.line(operation.description(clause: clause)))

      Amend-Event: tabled
      Amend-Proposal: \(record.id)
      Amend-Draft: \(record.draft)
      Amend-Clause: \(record.clause)
      """
  }

  static func resolve(_ spelling: String, in version: DraftVersion) throws -> Clause {
    do {
      return try version.draft.resolve(spelling)
    } catch {
      throw AmendError("\(error) (in the \(Ordinal.words(version.number)) draft)")
    }
  }

  /// The clause's text the proposal is made against, the full text as proposed, and the operation with
  /// any clause it names spelled as that clause's id.
  static func texts(of operation: ProposalOperation, on clause: Clause, in version: DraftVersion) throws
    -> (String, String?, ProposalOperation)
  {
    let name = clause.id.display
    let before = clause.text
    switch operation {
    case .replaceWords, .deleteWords, .insertWords:
      let after: String
      do {
        after = try operation.applied(to: before)
      } catch {
        throw AmendError(explain(error, clause: name))
      }
      if case .replaceWords(let words, let with, _) = operation, words == with {
        throw AmendError("in \(name), '\(words)' would be replaced with itself: give different words with --with")
      }
      if case .insertWords(let text, _, _) = operation, text.trimmingCharacters(in: .whitespaces).isEmpty {
        throw AmendError("in \(name), there is nothing to insert: give the words with --insert")
      }
      guard after != before else {
        throw AmendError("in \(name), the proposal would not change the text: check the words")
      }
      guard !after.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw AmendError("in \(name), the proposal would leave no text: use --delete-clause to delete the clause")
      }
      try ClauseText.checkWording(after, of: clause, in: version.draft, what: "the text for \(name)")
      return (before, after, operation)
    case .replaceClause(let text):
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else {
        throw AmendError("the new text for \(name) is empty: give the clause's new wording with --text, or use --delete-clause")
      }
      guard trimmed != before.trimmingCharacters(in: .whitespacesAndNewlines) else {
        throw AmendError("the new text for \(name) is the same as the current text: nothing to propose")
      }
      try ClauseText.checkWording(trimmed, of: clause, in: version.draft, what: "the text for \(name)")
      return (before, trimmed, .replaceClause(text: trimmed))
    case .deleteClause:
      return (before, nil, operation)
    case .newClause(let text, _):
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else {
        throw AmendError("the new clause next to \(name) is empty: give its text with --new-clause")
      }
      guard case .newClause(_, let placeBefore) = operation else { return (before, trimmed, operation) }
      try ClauseText.checkNewClause(
        trimmed, next: clause, before: placeBefore, in: version.draft,
        what: "the new clause \(placeBefore ? "before" : "after") \(name)")
      return (before, trimmed, operation)
    case .moveClause(let target):
      let destination = try resolve(target, in: version)
      guard destination.parentKey == clause.parentKey, destination.key != clause.key else {
        throw AmendError(
          "\(name) can only move within its own list, after another of its siblings; \(destination.id.display) is not one")
      }
      return (before, before, .moveClause(after: destination.id.rawValue))
    }
  }

  static func explain(_ error: WordMatchError, clause: String) -> String {
    switch error {
    case .wordsNotFound(let words):
      return "in \(clause), the words '\(words)' do not occur: copy them exactly from 'amend show \(clause)'"
    case .ambiguous(let words, let count):
      return "in \(clause), the words '\(words)' occur \(count) times: say which with --occurrence 1…\(count)"
    case .occurrenceOutOfRange(let words, let occurrence, let count):
      return "in \(clause), the words '\(words)' occur \(count) time\(count == 1 ? "" : "s"), so there is no occurrence \(occurrence)"
    }
  }

  /// Withdraws a proposal before a decision: by its proposer, or by a co-sponsor on its behalf.
  public func withdraw(_ id: String, by delegation: String) throws -> EventRecord {
    guard !delegation.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw AmendError("no delegation named: say who withdraws it with --by DELEGATION")
    }
    let delegation = try Names.checked(delegation, "the delegation (--by)")
    var event: EventRecord?
    try commit(
      author: Person.named(delegation, email: nil),
      message: { _ in
        "Withdraw \(event?.proposal ?? id) (\(CommitText.line(delegation)))\n\nAmend-Event: withdrawn\nAmend-Proposal: \(event?.proposal ?? id)"
      }
    ) { snapshot in
      let ledger = try snapshot.ledger.get()
      let state = try ledger.proposal(id)
      let record = state.record
      let isProposer = record.delegation.caseInsensitiveCompare(delegation) == .orderedSame
      let isCosponsor = record.cosponsors.contains { $0.caseInsensitiveCompare(delegation) == .orderedSame }
      guard isProposer || isCosponsor else {
        throw AmendError(
          "\(delegation) cannot withdraw \(record.id): only \(record.delegation)\(record.cosponsors.isEmpty ? "" : " or its co-sponsors (\(record.cosponsors.joined(separator: ", ")))") may")
      }
      guard state.status.isUndecided else {
        throw AmendError("\(record.id) is already \(state.status.rawValue): a proposal can only be withdrawn before a decision")
      }
      var made = EventRecord(
        id: try newID(record.id + "withdrawn", length: 12, attempt: ledger.nextSeq), seq: ledger.nextSeq,
        kind: .withdrawn, time: Context.timestamp(context.now()))
      made.proposal = record.id
      made.by = isProposer ? record.delegation : delegation
      made.onBehalfOf = isProposer ? nil : record.delegation
      event = made
      return [EventRecord.path(for: made.id): Data(try RecordCoding.encode(made).utf8)]
    }
    guard let event else { throw AmendError("the withdrawal was not recorded") }
    return event
  }
}
