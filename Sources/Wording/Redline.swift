import Foundation

/// How deleted and inserted words are marked when a change is shown.
public struct RedlineStyle: Sendable {
  /// What opens a run of deleted words.
  public var deletedOpen: String
  /// What closes a run of deleted words.
  public var deletedClose: String
  /// What opens a run of inserted words.
  public var insertedOpen: String
  /// What closes a run of inserted words.
  public var insertedClose: String

  /// A style that wraps deleted words in `deletedOpen`…`deletedClose` and inserted words in
  /// `insertedOpen`…`insertedClose`.
  public init(deletedOpen: String, deletedClose: String, insertedOpen: String, insertedClose: String) {
    self.deletedOpen = deletedOpen
    self.deletedClose = deletedClose
    self.insertedOpen = insertedOpen
    self.insertedClose = insertedClose
  }

  /// `~~deleted~~ **inserted**`, as negotiators write a compilation text.
  public static let markdown = RedlineStyle(
    deletedOpen: "~~", deletedClose: "~~", insertedOpen: "**", insertedClose: "**")
}

/// A clause as it would read after a change, with deleted words struck and new words marked.
public enum Redline {
  /// `old` changed into `new`, the words deleted and inserted marked in `style`.
  public static func render(from old: String, to new: String, style: RedlineStyle = .markdown) -> String {
    let oldWords = Words(old)
    let newWords = Words(new)
    var result = ""
    var position = 0
    for edit in WordDiff.edits(from: oldWords, to: newWords) {
      result += oldWords.text(position..<edit.base.lowerBound)
      let deleted = oldWords.text(edit.base)
      let inserted = newWords.text(edit.replacement)
      result += marked(deleted, style.deletedOpen, style.deletedClose)
      if !deleted.isEmpty && !inserted.isEmpty && !deleted.hasSuffix(" ") && !inserted.hasPrefix(" ") {
        result += " "
      }
      result += marked(inserted, style.insertedOpen, style.insertedClose)
      position = edit.base.upperBound
    }
    result += oldWords.text(position..<oldWords.count)
    return result
  }

  /// Wraps the words of `text` in markers, leaving its outer white space outside them.
  public static func marked(_ text: String, _ open: String, _ close: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return text }
    let leading = text.prefix { $0.isWhitespace }
    let trailing = String(text.reversed().prefix { $0.isWhitespace }.reversed())
    return leading + open + trimmed + close + trailing
  }
}
