import Wording

extension ProposalOperation {
  /// The clause's text after this operation, for the operations that change wording.
  public func applied(to text: String) throws(WordMatchError) -> String {
    switch self {
    case let .replaceWords(words, with, occurrence):
      let range = try WordMatch.locate(words, in: text, occurrence: occurrence)
      return text.replacingCharacters(in: range, with: with)
    case let .deleteWords(words, occurrence):
      let range = try WordMatch.locate(words, in: text, occurrence: occurrence)
      return WordMatch.closingGap(text, removing: range)
    case let .insertWords(insertion, anchor, occurrence):
      switch anchor {
      case .atStart:
        return WordMatch.join(insertion, text)
      case .atEnd:
        return WordMatch.join(text, insertion)
      case .after(let words):
        let range = try WordMatch.locate(words, in: text, occurrence: occurrence)
        return WordMatch.join(String(text[..<range.upperBound]), insertion) + text[range.upperBound...]
      case .before(let words):
        let range = try WordMatch.locate(words, in: text, occurrence: occurrence)
        return text[..<range.lowerBound] + WordMatch.join(insertion, String(text[range.lowerBound...]))
      }
    case .replaceClause(let replacement):
      return replacement
    case let .throughout(words, with):
      return GlobalAmendment.applied(words: words, with: with, to: text).text
    case .newArticle, .deleteArticle:
      return text
    case .retitleArticle(let title):
      return title ?? ""
    case .brackets, .deleteClause, .newClause, .moveClause, .newClauseUnder, .moveClauseBefore, .keepOption:
      // Brackets are found by Brackets.apply (tabling), not by words.
      return text
    }
  }

  /// The words an operation names and needs to find in the clause.
  public var anchorWords: String? {
    switch self {
    case .replaceWords(let words, _, _), .deleteWords(let words, _), .throughout(let words, _): words
    case .insertWords(_, .after(let words), _), .insertWords(_, .before(let words), _): words
    default: nil
    }
  }

  /// What a word operation's words matched, when they matched only as pasted text: a sentence to tell
  /// the delegation ("the words occur with a non-breaking space where you typed a space"), else nil.
  public func pastedTextNote(in text: String) -> String? {
    anchorWords.flatMap { WordMatch.pastedTextNote(for: $0, in: text) }
  }
}
