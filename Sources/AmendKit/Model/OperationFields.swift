/// The fields that say what a proposal does, named as the CLI's long options and the server's JSON body
/// keys name them (`replace`, `with`, `insert`, `after`, `at-start`, …): the one rule turning them into a
/// ``ProposalOperation``, shared by `amend propose`/`amend revise` and `POST /api/proposals`.
public struct OperationFields: Equatable, Sendable {
  /// Words to replace (with ``with``).
  public var replace: String?
  /// The words that replace them.
  public var with: String?
  /// Words to delete.
  public var delete: String?
  /// Words to insert, with exactly one of ``after``, ``before``, ``atStart``, ``atEnd``.
  public var insert: String?
  /// Insert after these words.
  public var after: String?
  /// Insert before these words; the empty string, with ``newClause``, places the new clause before the clause.
  public var before: String?
  /// Insert at the start of the clause.
  public var atStart = false
  /// Insert at the end of the clause.
  public var atEnd = false
  /// Which occurrence of the words (or which bracket), counting from 1.
  public var occurrence: Int?
  /// The clause's whole new text.
  public var text: String?
  /// Delete the clause.
  public var deleteClause = false
  /// Text of a new clause after the clause (before it with ``before`` empty).
  public var newClause: String?
  /// Move the clause to follow this one.
  public var moveAfter: String?
  /// Move the clause to stand right before this one, at its level.
  public var moveBefore: String?
  /// With ``newClause``: list the new clause under the clause (the last of its sub-list, or the first of a new one).
  public var under = false
  /// Remove a pair of brackets, keeping the text inside.
  public var removeBrackets = false
  /// Delete bracketed text, brackets and all.
  public var deleteBracketed = false
  /// Keep alternative N of a group side by side and delete the others.
  public var chooseOption: Int?
  /// Choose the option the clause is (`Option 2 of Article 2bis`): keep it, delete the others of its group.
  public var chooseThisOption = false
  /// A global amendment: `replace`/`with` or `delete` in every clause where the words occur.
  public var throughout = false
  /// A new article after the clause's article (before it with ``before`` empty), with this title after its
  /// number (empty: none) and ``paragraphs``.
  public var newArticle: String?
  /// The paragraphs of a new article, in order.
  public var paragraphs: [String] = []
  /// Delete the clause's article: heading, own text and everything under it.
  public var deleteArticle = false
  /// Give the clause's article heading this title (empty: none).
  public var retitle: String?

  /// No operation yet.
  public init() {}

  /// The one operation the fields ask for; every mistake in combining them is an ``OperationFieldsError``.
  public func operation() throws(OperationFieldsError) -> ProposalOperation {
    if let occurrence, occurrence < 1 { throw .occurrenceBelowOne(occurrence) }
    let placeBefore = before == "" && (newClause != nil || newArticle != nil)
    let before = placeBefore ? nil : before
    var chosen: [ProposalOperation] = []
    if let replace {
      guard let with else { throw .replaceWithoutWith(words: replace) }
      chosen.append(.replaceWords(words: replace, with: with, occurrence: occurrence))
    } else if with != nil {
      throw .withWithoutReplace
    }
    if let delete { chosen.append(.deleteWords(words: delete, occurrence: occurrence)) }
    if let insert {
      let anchors: [ProposalOperation.Anchor] =
        [after.map { .after($0) }, before.map { .before($0) }, atStart ? .atStart : nil, atEnd ? .atEnd : nil]
        .compactMap { $0 }
      if case .before("") = anchors.first { throw .beforeWithoutWords }
      guard anchors.count == 1, let anchor = anchors.first else { throw .insertNeedsOneAnchor }
      chosen.append(.insertWords(text: insert, anchor: anchor, occurrence: occurrence))
    } else if after != nil || before != nil || atStart || atEnd {
      throw .anchorWithoutInsert
    }
    if let text { chosen.append(.replaceClause(text: text)) }
    if deleteClause { chosen.append(.deleteClause) }
    if under {
      guard let newClause, !placeBefore else { throw .underWithoutNewClause }
      chosen.append(.newClauseUnder(text: newClause))
    } else if let newClause {
      chosen.append(.newClause(text: newClause, before: placeBefore))
    }
    if let moveAfter { chosen.append(.moveClause(after: moveAfter)) }
    if let moveBefore { chosen.append(.moveClauseBefore(moveBefore)) }
    if removeBrackets { chosen.append(.brackets(.removeBrackets, occurrence: occurrence)) }
    if deleteBracketed { chosen.append(.brackets(.deleteBracketed, occurrence: occurrence)) }
    if let newArticle {
      guard !paragraphs.isEmpty, paragraphs.allSatisfy({ !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
        throw .newArticleWithoutParagraphs
      }
      let title = newArticle.trimmingCharacters(in: .whitespacesAndNewlines)
      chosen.append(.newArticle(title: title.isEmpty ? nil : title, paragraphs: paragraphs, before: placeBefore))
    } else if !paragraphs.isEmpty {
      throw .paragraphWithoutNewArticle
    }
    if deleteArticle { chosen.append(.deleteArticle) }
    if let retitle {
      let title = retitle.trimmingCharacters(in: .whitespacesAndNewlines)
      chosen.append(.retitleArticle(title: title.isEmpty ? nil : title))
    }
    if chooseThisOption { chosen.append(.keepOption) }
    if let chooseOption {
      guard chooseOption >= 1 else { throw .chooseOptionBelowOne(chooseOption) }
      chosen.append(.brackets(.chooseOption(chooseOption), occurrence: occurrence))
    }
    guard chosen.count == 1, let operation = chosen.first else {
      throw chosen.isEmpty ? .noOperation : .severalOperations
    }
    if occurrence != nil, operation.anchorWords == nil, !operation.isBracketEdit { throw .occurrenceWithoutWords }
    guard throughout else { return operation }
    switch operation {
    case let .replaceWords(words, with, nil): return .throughout(words: words, with: with)
    case let .deleteWords(words, nil): return .throughout(words: words, with: nil)
    case .replaceWords, .deleteWords: throw .occurrenceWithThroughout
    default: throw .throughoutNeedsWords
    }
  }

  /// What the proposal is tabled against, checked against the operation: a clause; or, for a global
  /// amendment (``throughout``), none; or, for a sub-amendment, the proposal `to` and no clause.
  public func target(clause: String?, to: String?) throws(OperationFieldsError) -> (clause: String, to: ProposalID?) {
    if throughout {
      if to != nil { throw .throughoutWithSubAmendment }
      if let clause { throw .clauseWithThroughout(clause: clause) }
      return ("", nil)
    }
    if let to {
      if clause != nil { throw .clauseWithSubAmendment }
      return ("", ProposalID(to))
    }
    guard let clause else { throw .noClause }
    return (clause, nil)
  }
}
