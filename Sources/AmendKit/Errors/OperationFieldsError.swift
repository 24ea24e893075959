/// What is wrong with the fields that say what a proposal does (``OperationFields``): each case names the
/// field by its long option name as the CLI and the server's JSON body spell it ("replace", "at-start").
public enum OperationFieldsError: Error, Equatable, Sendable {
  /// An occurrence below 1.
  case occurrenceBelowOne(Int)
  /// `replace` without `with`: the words that would be replaced.
  case replaceWithoutWith(words: String)
  /// `with` without `replace`.
  case withWithoutReplace
  /// `before` given empty with `insert` (words beginning with '-' are written --before=-WORDS on the CLI).
  case beforeWithoutWords
  /// `insert` with none, or more than one, of after, before, at-start and at-end.
  case insertNeedsOneAnchor
  /// after, before, at-start or at-end without `insert`.
  case anchorWithoutInsert
  /// `under` without `new-clause`, or with `before`.
  case underWithoutNewClause
  /// `new-article` without a `paragraph`, or with an empty one.
  case newArticleWithoutParagraphs
  /// `paragraph` without `new-article`.
  case paragraphWithoutNewArticle
  /// A choose-option below 1.
  case chooseOptionBelowOne(Int)
  /// No operation at all.
  case noOperation
  /// More than one operation.
  case severalOperations
  /// `occurrence` with an operation that has no words or brackets to count.
  case occurrenceWithoutWords
  /// `throughout` with an operation other than replace or delete.
  case throughoutNeedsWords
  /// `throughout` with `occurrence`: a global amendment changes every occurrence.
  case occurrenceWithThroughout
  /// A clause given with `throughout`.
  case clauseWithThroughout(clause: String)
  /// `throughout` with `to`.
  case throughoutWithSubAmendment
  /// A clause given with `to`.
  case clauseWithSubAmendment
  /// Neither a clause, nor `throughout`, nor `to`.
  case noClause
}
