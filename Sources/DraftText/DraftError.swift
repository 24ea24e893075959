/// A problem with a draft or with a request against it, worded for the person who can fix it.
///
/// Every `description` is one line: what is wrong, then what to do about it.
public enum DraftError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The text is empty or holds only whitespace.
  case empty
  /// The text holds no paragraph the parser recognises.
  case noClauses
  /// The bytes contain a NUL byte at `offset`: the file is binary, not a draft.
  case binaryInput(offset: Int)
  /// The bytes are not valid UTF-8 (first bad byte at `offset`).
  case invalidUTF8(offset: Int)
  /// No clause answers to `spelling`; `nearest` lists up to five existing ids that come closest.
  case unknownClause(String, nearest: [ClauseID])
  /// No clause has this key: it was deleted, or belongs to another draft.
  case unknownKey(ClauseKey)
  /// New or replacement text for a clause is empty.
  case emptyText(ClauseKey)
  /// The edit cannot be made; the message says why.
  case unsupportedEdit(String)
  /// The title has no ordinal word ("Seventh draft …") to advance.
  case noOrdinalInTitle(title: String?)
  /// An ordinal outside the range that can be written in words.
  case ordinalOutOfRange(Int)
  /// Date components without a year, month and day.
  case incompleteDate

  public var description: String {
    switch self {
    case .empty:
      return "the file is empty: give a draft with numbered paragraphs"
    case .noClauses:
      return "no recognisable clauses: give a draft with numbered paragraphs (\"1. …\") "
        + "or preambular paragraphs after a line such as \"The General Assembly,\""
    case .binaryInput(let offset):
      return "the file is binary (NUL byte at offset \(offset)): give a plain-text draft"
    case .invalidUTF8(let offset):
      return "the file is not valid UTF-8 (bad byte at offset \(offset)): save it as UTF-8 and try again"
    case .unknownClause(let spelling, let nearest):
      if nearest.isEmpty {
        return "unknown clause \"\(spelling)\"; cite a clause as 7 (b), PP2 or Article 4.1 (a)"
      }
      return "unknown clause \"\(spelling)\"; nearest: "
        + nearest.map(\.display).joined(separator: ", ")
    case .unknownKey(let key):
      return "no clause \(key.rawValue) in this draft: it was deleted or belongs to another draft"
    case .emptyText(let key):
      return "the text for \(key.rawValue) is empty: give the words of the clause, or delete it"
    case .unsupportedEdit(let reason):
      return "cannot make this edit: \(reason)"
    case .noOrdinalInTitle(let title):
      let shown = title.map { "\"\($0)\"" } ?? "(no title)"
      return "the title \(shown) has no ordinal such as \"Seventh draft\": give the new title with replacingTitle(with:)"
    case .ordinalOutOfRange(let number):
      return "cannot write \(number) as an ordinal word: give a number from 1 to \(Ordinal.range.upperBound)"
    case .incompleteDate:
      return "the date needs a year, a month and a day"
    }
  }
}
