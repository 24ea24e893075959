import DraftText
import Wording

/// What a proposal asks to do to its clause, in the terms delegations use.
public enum ProposalOperation: Equatable, Sendable {
  /// Replace words: in 7 (b), replace "forced labor" with "forced labour".
  case replaceWords(words: String, with: String, occurrence: Int?)
  /// Delete words: in 1 (c), delete "and economic downturn".
  case deleteWords(words: String, occurrence: Int?)
  /// Insert words at an anchor: in 7 (b), after "trafficking" insert ", smuggling".
  case insertWords(text: String, anchor: Anchor, occurrence: Int?)
  /// Replace 7 (b) with the following: "…".
  case replaceClause(text: String)
  /// Delete 4 (h).
  case deleteClause
  /// After (or before) 7 (b), insert a new subparagraph: "…".
  case newClause(text: String, before: Bool)
  /// Move 4 (k) to follow 4 (b).
  case moveClause(after: String)
  /// Under 8.4, insert a new clause: the last of its sub-list, or the first of a new one
  /// (docs/TREATIES.md); under an article's own text, a paragraph of the article.
  case newClauseUnder(text: String)
  /// Move 4 (k) to stand right before 4 (b), at 4 (b)'s level.
  case moveClauseBefore(String)
  /// In 7 (b), remove the brackets (keeping the text), delete the bracketed text, or choose one of the
  /// alternatives side by side; `occurrence` counts the brackets (or groups of alternatives) in the
  /// order they open, and may be left out when the clause has only one.
  case brackets(Brackets.Edit, occurrence: Int?)
  /// After (or before) Article 4, insert a new article: a heading with `title` after its number, and
  /// `paragraphs` numbered from 1 (docs/TREATIES.md). Tabled against the article's heading.
  case newArticle(title: String?, paragraphs: [String], before: Bool)
  /// Delete Article 4: its heading, its own text and everything under it.
  case deleteArticle
  /// Give Article 4's heading a new title (what follows "Article 4"); nil leaves the number alone.
  case retitleArticle(title: String?)
  /// Choose an option: on `Option 2 of Article 2bis`, keep that option's content and delete the other
  /// options of its group with everything under them, and its own "Option 2:" (docs/TREATIES.md).
  case keepOption
  /// A global amendment: throughout the text, replace `words` with `with` (delete them when `with` is
  /// nil) in every clause where they occur, every occurrence (see GlobalAmendments.swift).
  case throughout(words: String, with: String?)

  /// Where inserted words go.
  public enum Anchor: Equatable, Sendable {
    /// Right after these words.
    case after(String)
    /// Right before these words.
    case before(String)
    /// At the start of the clause.
    case atStart
    /// At the end of the clause.
    case atEnd
  }

  /// Whether the operation changes the clause's words (rather than the list of clauses); a global
  /// amendment changes the words of every clause where they occur.
  public var changesWording: Bool {
    switch self {
    case .replaceWords, .deleteWords, .insertWords, .replaceClause, .brackets, .throughout: true
    case .deleteClause, .newClause, .moveClause, .newClauseUnder, .moveClauseBefore, .keepOption: false
    case .newArticle, .deleteArticle, .retitleArticle: false
    }
  }

  /// Whether it adds, deletes or retitles an article: tabled against an article's heading.
  public var isArticleEdit: Bool {
    switch self {
    case .newArticle, .deleteArticle, .retitleArticle: return true
    default: return false
    }
  }

  /// A new article's paragraphs as a record keeps them: one text, a blank line between paragraphs.
  public static func joinedParagraphs(_ paragraphs: [String]) -> String {
    paragraphs.joined(separator: "\n\n")
  }

  /// A record's text read back into a new article's paragraphs.
  public static func splitParagraphs(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }

  /// Whether it removes brackets, deletes bracketed text or chooses among alternatives.
  public var isBracketEdit: Bool {
    if case .brackets = self { return true }
    return false
  }

  /// Whether it is a global amendment, applying throughout the text rather than to one clause.
  public var isThroughout: Bool {
    if case .throughout = self { return true }
    return false
  }

  /// Whether it proposes a new clause (whose text is not a change to its anchor's wording).
  public var isNewClause: Bool {
    switch self {
    case .newClause, .newClauseUnder: return true
    default: return false
    }
  }

  /// Whether it moves a clause (to follow another, or to stand before it).
  public var isMove: Bool {
    switch self {
    case .moveClause, .moveClauseBefore: return true
    default: return false
    }
  }

  /// The record's name for the operation.
  public var kind: String {
    switch self {
    case .replaceWords: "replace-words"
    case .deleteWords: "delete-words"
    case .insertWords: "insert-words"
    case .replaceClause: "replace-clause"
    case .deleteClause: "delete-clause"
    case .newClause: "new-clause"
    case .moveClause, .moveClauseBefore: "move-clause"
    case .newClauseUnder: "new-clause"
    case .brackets(.removeBrackets, _): "remove-brackets"
    case .brackets(.deleteBracketed, _): "delete-bracketed"
    case .brackets(.chooseOption, _): "choose-option"
    case .newArticle: "new-article"
    case .deleteArticle: "delete-article"
    case .retitleArticle: "retitle-article"
    case .keepOption: "keep-option"
    case .throughout(_, .some): "replace-throughout"
    case .throughout(_, nil): "delete-throughout"
    }
  }

  /// The operation in words, as a chair reads it out: "replace 'forced labor' with 'forced labour'".
  public func description(clause: String) -> String {
    switch self {
    case let .replaceWords(words, with, occurrence):
      return "replace '\(words)'\(Self.nth(occurrence)) with '\(with)'"
    case let .deleteWords(words, occurrence):
      return "delete '\(words)'\(Self.nth(occurrence))"
    case let .insertWords(text, anchor, occurrence):
      switch anchor {
      case .after(let words): return "after '\(words)'\(Self.nth(occurrence)) insert '\(text)'"
      case .before(let words): return "before '\(words)'\(Self.nth(occurrence)) insert '\(text)'"
      case .atStart: return "insert '\(text)' at the beginning"
      case .atEnd: return "insert '\(text)' at the end"
      }
    case .replaceClause:
      return "replace \(clause) with the following"
    case .deleteClause:
      return "delete \(clause)"
    case let .newClause(_, before):
      return "\(before ? "before" : "after") \(clause), insert a new clause"
    case let .moveClause(after):
      return "move \(clause) to follow \(ClauseID(rawValue: after).display)"
    case .newClauseUnder:
      return "under \(clause), insert a new clause"
    case let .moveClauseBefore(target):
      return "move \(clause) to stand before \(ClauseID(rawValue: target).display)"
    case let .brackets(.removeBrackets, occurrence):
      return "remove the brackets\(Self.which(occurrence, "bracket")), keeping the text"
    case let .brackets(.deleteBracketed, occurrence):
      return "delete the bracketed text\(Self.which(occurrence, "bracket"))"
    case let .brackets(.chooseOption(option), occurrence):
      return "choose option \(option) of the alternatives\(Self.which(occurrence, "group"))"
    case let .newArticle(_, paragraphs, before):
      let count = paragraphs.count == 1 ? "one paragraph" : "\(paragraphs.count) paragraphs"
      return "\(before ? "before" : "after") \(Self.article(clause)), insert a new article of \(count)"
    case .deleteArticle:
      return "delete \(Self.article(clause)), its heading and everything under it"
    case .keepOption:
      return "choose \(clause), deleting the other options"
    case .retitleArticle(let title):
      return title.map { "retitle \(Self.article(clause)) '\($0)'" } ?? "leave \(Self.article(clause)) without a title"
    case let .throughout(words, with):
      return with.map { "throughout the text, replace '\(words)' with '\($0)'" } ?? "throughout the text, delete '\(words)'"
    }
  }

  /// "Article 4" for "Article 4 heading": an article operation names the article.
  public static func article(_ clause: String) -> String {
    clause.hasSuffix(" heading") ? String(clause.dropLast(" heading".count)) : clause
  }

  static func which(_ occurrence: Int?, _ noun: String) -> String {
    guard let occurrence else { return "" }
    return " (\(noun) \(occurrence))"
  }

  static func nth(_ occurrence: Int?) -> String {
    guard let occurrence else { return "" }
    return " (occurrence \(occurrence))"
  }
}
