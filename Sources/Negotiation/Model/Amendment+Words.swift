import Foundation

/// Why a word operation cannot apply to a clause's text.
public enum WordMatchError: Error, Equatable, Sendable {
  case wordsNotFound(String)
  case ambiguous(String, count: Int)
  case occurrenceOutOfRange(String, occurrence: Int, count: Int)
}

extension Amendment {
  /// The clause's text after this operation, for the operations that change wording.
  public func applied(to text: String) throws(WordMatchError) -> String {
    switch self {
    case let .replaceWords(words, with, occurrence):
      let range = try Self.locate(words, in: text, occurrence: occurrence)
      return text.replacingCharacters(in: range, with: with)
    case let .deleteWords(words, occurrence):
      let range = try Self.locate(words, in: text, occurrence: occurrence)
      return Self.closingGap(text, removing: range)
    case let .insertWords(insertion, anchor, occurrence):
      switch anchor {
      case .atStart:
        return Self.join(insertion, text)
      case .atEnd:
        return Self.join(text, insertion)
      case .after(let words):
        let range = try Self.locate(words, in: text, occurrence: occurrence)
        return Self.join(String(text[..<range.upperBound]), insertion) + text[range.upperBound...]
      case .before(let words):
        let range = try Self.locate(words, in: text, occurrence: occurrence)
        return text[..<range.lowerBound] + Self.join(insertion, String(text[range.lowerBound...]))
      }
    case .replaceClause(let replacement):
      return replacement
    case .deleteClause, .newClause, .moveClause:
      return text
    }
  }

  /// The words an operation names and needs to find in the clause.
  public var anchorWords: String? {
    switch self {
    case .replaceWords(let words, _, _), .deleteWords(let words, _): words
    case .insertWords(_, .after(let words), _), .insertWords(_, .before(let words), _): words
    default: nil
    }
  }

  /// Every place `words` stands in `text` as whole words.
  public static func occurrences(of words: String, in text: String) -> [Range<String.Index>] {
    guard !words.isEmpty else { return [] }
    var found: [Range<String.Index>] = []
    var searchStart = text.startIndex
    while let range = text.range(of: words, range: searchStart..<text.endIndex) {
      if standsAlone(range, in: text) { found.append(range) }
      searchStart = text.index(after: range.lowerBound)
    }
    return found
  }

  static func locate(_ words: String, in text: String, occurrence: Int?) throws(WordMatchError)
    -> Range<String.Index>
  {
    let found = occurrences(of: words, in: text)
    guard !found.isEmpty else { throw .wordsNotFound(words) }
    guard let occurrence else {
      guard found.count == 1 else { throw .ambiguous(words, count: found.count) }
      return found[0]
    }
    guard (1...found.count).contains(occurrence) else {
      throw .occurrenceOutOfRange(words, occurrence: occurrence, count: found.count)
    }
    return found[occurrence - 1]
  }

  /// "labor" matches in "forced labor" but not inside "laborious".
  static func standsAlone(_ range: Range<String.Index>, in text: String) -> Bool {
    let startsWord = text[range].first.map(isWordCharacter) ?? false
    let endsWord = text[range].last.map(isWordCharacter) ?? false
    if startsWord, range.lowerBound > text.startIndex,
      isWordCharacter(text[text.index(before: range.lowerBound)])
    {
      return false
    }
    if endsWord, range.upperBound < text.endIndex, isWordCharacter(text[range.upperBound]) {
      return false
    }
    return true
  }

  static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  /// Joins two pieces with one space where two words would otherwise run together.
  static func join(_ left: String, _ right: String) -> String {
    guard let last = left.last, let first = right.first else { return left + right }
    if last.isWhitespace || first.isWhitespace { return left + right }
    if isWordCharacter(first) || "(\"“'*".contains(first) { return left + " " + right }
    return left + right
  }

  /// Removes `range` and the white space it leaves doubled, or stranded before punctuation.
  static func closingGap(_ text: String, removing range: Range<String.Index>) -> String {
    var before = String(text[..<range.lowerBound])
    var after = String(text[range.upperBound...])
    if before.last == " ", after.first == " " || after.isEmpty {
      before.removeLast()
    } else if before.last == " ", let first = after.first, ",;:.)".contains(first) {
      before.removeLast()
    } else if before.isEmpty, after.first == " " {
      after.removeFirst()
    }
    return before + after
  }
}
