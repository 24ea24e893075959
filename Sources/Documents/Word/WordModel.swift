import Foundation

/// A tracked change: who made it and when.
struct WordRevision: Equatable {
  /// Inserted or deleted text (or paragraph mark).
  enum Kind: Equatable {
    case inserted
    case deleted
  }

  var kind: Kind
  /// The delegation (or the chair, or the secretariat) Word names and colours the change by.
  var author: String
  /// ISO 8601 UTC, or nil when the record has no time for it (the attribute is then left out).
  var date: String?

  static func inserted(by author: String, at date: String?) -> WordRevision {
    WordRevision(kind: .inserted, author: author, date: WordDate.normalised(date))
  }

  static func deleted(by author: String, at date: String?) -> WordRevision {
    WordRevision(kind: .deleted, author: author, date: WordDate.normalised(date))
  }
}

/// One piece of a paragraph: text (tracked or not) or a comment's anchor.
enum WordInline: Equatable {
  /// Text; a tab is Word's tab, a line feed a line break.
  case text(String, WordRevision?)
  /// Where comment `id`'s range begins.
  case commentStart(Int)
  /// Where comment `id`'s range ends.
  case commentEnd(Int)
  /// The comment's mark in the text, right after its range.
  case commentReference(Int)
}

/// One paragraph: its style (WordStyles), whether its mark is tracked, and its content.
struct WordParagraph: Equatable {
  var style: String
  /// An inserted or deleted paragraph mark: the whole paragraph is new, or goes.
  var mark: WordRevision?
  var inlines: [WordInline]

  init(style: String, mark: WordRevision? = nil, _ inlines: [WordInline]) {
    self.style = style
    self.mark = mark
    self.inlines = inlines
  }

  /// Puts comment `id` around the paragraph's whole content.
  mutating func anchor(_ id: Int) {
    inlines = [.commentStart(id)] + inlines + [.commentEnd(id), .commentReference(id)]
  }
}

/// A Word comment: shown in the margin, authored by the delegation.
struct WordComment: Equatable {
  var id: Int
  var author: String
  var date: String?
  /// Its paragraphs of plain text.
  var paragraphs: [String]

  /// The initials Word shows in the comment's mark: the first letters of the author's words.
  var initials: String {
    let words = author.split { !$0.isLetter && !$0.isNumber }
    let letters = words.compactMap(\.first).filter { $0.isUppercase || $0.isNumber }
    return String((letters.isEmpty ? words.compactMap(\.first) : letters).prefix(8))
  }
}

/// The whole document before it becomes XML: metadata, body and comments.
struct WordBody {
  /// The document's title (docProps/core.xml).
  var title: String
  var paragraphs: [WordParagraph] = []
  var comments: [WordComment] = []
  /// Word's own line numbering, restarting on each page (w:lnNumType), as parliaments print texts.
  var lineNumbers = false

  /// A new comment's id (comments and tracked changes share one counter, so every id is unique).
  mutating func comment(author: String, date: String?, _ paragraphs: [String]) -> Int {
    let id = comments.count
    comments.append(WordComment(id: id, author: author, date: WordDate.normalised(date), paragraphs: paragraphs))
    return id
  }
}

/// The dates Word takes: xsd:dateTime, written in UTC with a Z.
enum WordDate {
  /// `iso` as Word writes a date, or nil when it is not an ISO 8601 time.
  static func normalised(_ iso: String?) -> String? {
    guard let iso else { return nil }
    let reader = ISO8601DateFormatter()
    reader.formatOptions = [.withInternetDateTime]
    guard let date = reader.date(from: iso) else { return nil }
    let writer = ISO8601DateFormatter()
    writer.formatOptions = [.withInternetDateTime]
    writer.timeZone = TimeZone(identifier: "UTC")
    return writer.string(from: date)
  }
}
