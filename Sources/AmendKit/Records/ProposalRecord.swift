import Foundation

/// One proposal as it stands in `proposals/<id>.md`: written once, when it is tabled, and never edited.
public struct ProposalRecord: Codable, Equatable, Sendable {
  /// The proposal's id, which names its file.
  public var id: String
  /// The number of the draft it was tabled against.
  public var draft: Int
  /// The clause's id in that draft ("7.b"); empty for a global amendment, which has no single clause.
  public var clause: String
  /// What it asks to do, as the record writes it.
  public var operation: OperationRecord
  /// The delegation that tabled it.
  public var delegation: String
  /// The e-mail address its commit was authored with.
  public var email: String
  /// The delegations that co-sponsor it.
  public var cosponsors: [String]
  /// When it was tabled, ISO 8601.
  public var tabled: String
  /// The person at the keyboard, "Name <email>".
  public var tabledBy: String
  /// The clause's text it was made against (for a new clause: the text of the clause it follows).
  public var textBefore: String
  /// The full text as proposed: the clause's new wording, or the new clause. Absent for a deletion.
  public var textProposed: String?
  /// The explanatory statement; kept as the file's body, not in the front matter.
  public var rationale: String
  /// For a withdrawn proposal taken up by another delegation (`amend take-up`): the original's id.
  public var takenUpFrom: String?
  /// Tabled after the deadline (`--late`): a late ("manuscript") amendment the chair decides whether to take.
  public var late: Bool?
  /// For a global amendment (`propose --throughout`): the clauses of that draft where its words occurred
  /// when it was tabled, in the draft's order. The record then has no `clause` and no `text-before`.
  public var throughout: [String]?
  /// For a sub-amendment (`amend propose --to ID`): the id of the proposal whose proposed text it amends.
  public var to: String?

  enum CodingKeys: String, CodingKey {
    case id, draft, clause, operation, delegation, email, cosponsors, tabled
    case takenUpFrom = "taken-up-from"
    case late, throughout, to
    case tabledBy = "tabled-by"
    case textBefore = "text-before"
    case textProposed = "text-proposed"
  }

  /// A proposal record with these fields.
  public init(
    id: String, draft: Int, clause: String, operation: ProposalOperation, delegation: String, email: String,
    cosponsors: [String], tabled: String, tabledBy: String, textBefore: String, textProposed: String?,
    rationale: String
  ) {
    self.id = id
    self.draft = draft
    self.clause = clause
    self.operation = OperationRecord(operation)
    self.delegation = delegation
    self.email = email
    self.cosponsors = cosponsors
    self.tabled = tabled
    self.tabledBy = tabledBy
    self.textBefore = textBefore
    self.textProposed = textProposed
    self.rationale = rationale
  }

  /// Reads a proposal record; fields added later (email, cosponsors, tabled-by) may be missing.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    draft = try container.decode(Int.self, forKey: .draft)
    throughout = try container.decodeIfPresent([String].self, forKey: .throughout)
    // A global amendment names no single clause and no single text before; every other record does.
    clause = try throughout == nil ? container.decode(String.self, forKey: .clause) : container.decodeIfPresent(String.self, forKey: .clause) ?? ""
    operation = try container.decode(OperationRecord.self, forKey: .operation)
    if (throughout != nil) != operation.kind.hasSuffix("-throughout") {
      throw DecodingError.dataCorruptedError(
        forKey: .throughout, in: container,
        debugDescription: throughout == nil ? "missing for a global amendment" : "set, but the operation is not a global amendment")
    }
    delegation = try container.decode(String.self, forKey: .delegation)
    email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
    cosponsors = try container.decodeIfPresent([String].self, forKey: .cosponsors) ?? []
    tabled = try container.decode(String.self, forKey: .tabled)
    tabledBy = try container.decodeIfPresent(String.self, forKey: .tabledBy) ?? ""
    textBefore =
      try throughout == nil
      ? container.decode(String.self, forKey: .textBefore) : container.decodeIfPresent(String.self, forKey: .textBefore) ?? ""
    textProposed = try container.decodeIfPresent(String.self, forKey: .textProposed)
    takenUpFrom = try container.decodeIfPresent(String.self, forKey: .takenUpFrom)
    late = try container.decodeIfPresent(Bool.self, forKey: .late)
    to = try container.decodeIfPresent(String.self, forKey: .to)
    rationale = ""
  }

  /// Writes the record; a global amendment's without the `clause` and `text-before` it does not have.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(draft, forKey: .draft)
    if throughout == nil { try container.encode(clause, forKey: .clause) }
    try container.encodeIfPresent(throughout, forKey: .throughout)
    try container.encode(operation, forKey: .operation)
    try container.encode(delegation, forKey: .delegation)
    try container.encode(email, forKey: .email)
    try container.encode(cosponsors, forKey: .cosponsors)
    try container.encode(tabled, forKey: .tabled)
    try container.encode(tabledBy, forKey: .tabledBy)
    if throughout == nil { try container.encode(textBefore, forKey: .textBefore) }
    try container.encodeIfPresent(textProposed, forKey: .textProposed)
    try container.encodeIfPresent(takenUpFrom, forKey: .takenUpFrom)
    try container.encodeIfPresent(late, forKey: .late)
    try container.encodeIfPresent(to, forKey: .to)
  }

  /// The proposal's id, typed.
  public var proposalID: ProposalID { ProposalID(id) }

  /// Whether it is a global amendment (`propose --throughout`), applying wherever its words occur.
  public var isThroughout: Bool { throughout != nil }

  /// The folder and file name of a proposal's record.
  ///
  /// New records are sharded by the id's first two characters (`proposals/3f/3f2a9c01.md`); a record
  /// tabled before the shards stands at `flatPath(for:)`. See `paths(for:)` to find either.
  public static func path(for id: String) -> String { "proposals/\(RecordLayout.shard(of: id))/\(id).md" }

  /// Where a record tabled before the sharded layout stands: `proposals/<id>.md`.
  public static func flatPath(for id: String) -> String { "proposals/\(id).md" }

  /// Everywhere proposal `id`'s record may stand, the sharded path first.
  public static func paths(for id: String) -> [String] { [path(for: id), flatPath(for: id)] }
}

/// The typed operation as the record spells it.
public struct OperationRecord: Codable, Equatable, Sendable {
  /// The operation's kind as the record spells it ("replace-words", "new-clause"…).
  public var kind: String
  /// The words it finds in the clause.
  public var words: String?
  /// The words that replace them.
  public var with: String?
  /// The text it inserts or puts in the clause's place.
  public var text: String?
  /// For inserted words: after, before, start or end. For a new clause: after or before.
  public var position: String?
  /// Which occurrence of `words` it means, from 1, when they occur more than once.
  public var occurrence: Int?
  /// For a move: the clause it is to follow, as an id of the same draft.
  public var follow: String?
  /// For choose-option: which alternative is kept, from 1.
  public var option: Int?

  /// The fields as they were read back (the record cache).
  init(
    kind: String, words: String?, with: String?, text: String?, position: String?, occurrence: Int?, follow: String?,
    option: Int?
  ) {
    (self.kind, self.words, self.with, self.text) = (kind, words, with, text)
    (self.position, self.occurrence, self.follow, self.option) = (position, occurrence, follow, option)
  }

  init(_ operation: ProposalOperation) {
    kind = operation.kind
    switch operation {
    case let .replaceWords(words, with, occurrence):
      self.words = words
      self.with = with
      self.occurrence = occurrence
    case let .deleteWords(words, occurrence):
      self.words = words
      self.occurrence = occurrence
    case let .insertWords(text, anchor, occurrence):
      self.text = text
      self.occurrence = occurrence
      switch anchor {
      case .after(let words): (position, self.words) = ("after", words)
      case .before(let words): (position, self.words) = ("before", words)
      case .atStart: position = "start"
      case .atEnd: position = "end"
      }
    case .replaceClause(let text):
      self.text = text
    case .deleteClause:
      break
    case let .newClause(text, before):
      self.text = text
      position = before ? "before" : "after"
    case .moveClause(let after):
      follow = after
    case .newClauseUnder(let text):
      self.text = text
      position = "under"
    case .moveClauseBefore(let target):
      follow = target
      position = "before"
    case .brackets(let edit, let occurrence):
      self.occurrence = occurrence
      if case .chooseOption(let chosen) = edit { option = chosen }
    case let .newArticle(title, paragraphs, before):
      self.words = title
      self.text = ProposalOperation.joinedParagraphs(paragraphs)
      position = before ? "before" : "after"
    case .deleteArticle, .keepOption:
      break
    case .retitleArticle(let title):
      self.with = title
    case let .throughout(words, with):
      self.words = words
      self.with = with
    }
  }

  /// The operation this record describes, or the name of the field that does not make sense.
  public func decoded() throws(RecordFieldError) -> ProposalOperation {
    func need(_ value: String?, _ field: String) throws(RecordFieldError) -> String {
      guard let value, !value.isEmpty else { throw RecordFieldError(field: "operation.\(field)", problem: "is missing") }
      return value
    }
    switch kind {
    case "replace-words":
      return .replaceWords(words: try need(words, "words"), with: with ?? "", occurrence: occurrence)
    case "delete-words":
      return .deleteWords(words: try need(words, "words"), occurrence: occurrence)
    case "insert-words":
      let anchor: ProposalOperation.Anchor
      switch position {
      case "after": anchor = .after(try need(words, "words"))
      case "before": anchor = .before(try need(words, "words"))
      case "start": anchor = .atStart
      case "end": anchor = .atEnd
      default: throw RecordFieldError(field: "operation.position", problem: "must be after, before, start or end")
      }
      return .insertWords(text: try need(text, "text"), anchor: anchor, occurrence: occurrence)
    case "replace-clause":
      return .replaceClause(text: try need(text, "text"))
    case "delete-clause":
      return .deleteClause
    case "new-clause":
      if position == "under" { return .newClauseUnder(text: try need(text, "text")) }
      return .newClause(text: try need(text, "text"), before: position == "before")
    case "move-clause":
      // Records before move-before have no position: they follow their clause.
      if position == "before" { return .moveClauseBefore(try need(follow, "follow")) }
      return .moveClause(after: try need(follow, "follow"))
    case "remove-brackets":
      return .brackets(.removeBrackets, occurrence: occurrence)
    case "delete-bracketed":
      return .brackets(.deleteBracketed, occurrence: occurrence)
    case "choose-option":
      guard let option, option >= 1 else { throw RecordFieldError(field: "operation.option", problem: "is missing") }
      return .brackets(.chooseOption(option), occurrence: occurrence)
    case "new-article":
      let paragraphs = ProposalOperation.splitParagraphs(try need(text, "text"))
      guard !paragraphs.isEmpty else { throw RecordFieldError(field: "operation.text", problem: "is missing") }
      return .newArticle(title: words, paragraphs: paragraphs, before: position == "before")
    case "delete-article":
      return .deleteArticle
    case "keep-option":
      return .keepOption
    case "retitle-article":
      return .retitleArticle(title: with)
    case "replace-throughout":
      return .throughout(words: try need(words, "words"), with: with ?? "")
    case "delete-throughout":
      return .throughout(words: try need(words, "words"), with: nil)
    default:
      throw RecordFieldError(field: "operation.kind", problem: "'\(kind)' is not a known operation")
    }
  }
}

/// A field of a record that is missing or of the wrong kind.
public struct RecordFieldError: Error, Equatable, Sendable {
  /// The field's name, as the record spells it.
  public var field: String
  /// What is wrong with it.
  public var problem: String
}
