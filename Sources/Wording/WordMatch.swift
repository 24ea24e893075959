import Foundation

/// Why a word operation cannot apply to a clause's text.
public enum WordMatchError: Error, Equatable, Sendable {
  case wordsNotFound(String)
  case ambiguous(String, count: Int)
  case occurrenceOutOfRange(String, occurrence: Int, count: Int)
}

/// Finding words in a clause's text, and editing around them: whole words only, as typed or as text
/// pasted from a word processor (see `PastedText`).
public enum WordMatch {
  /// Every place `words` stands in `text` as whole words: as typed, or else as text pasted from a word
  /// processor differs from what was typed (see `PastedText`), each range being the clause's own bytes.
  public static func occurrences(of words: String, in text: String) -> [Range<String.Index>] {
    let exact = exactOccurrences(of: words, in: text)
    guard exact.isEmpty else { return exact }
    return PastedText.occurrences(of: words, in: text).filter { standsAlone($0, in: text) }
  }

  /// What `words` matched in `text`, when they matched only as pasted text: a sentence to tell the
  /// delegation ("the words occur with a non-breaking space where you typed a space"), else nil.
  public static func pastedTextNote(for words: String, in text: String) -> String? {
    guard exactOccurrences(of: words, in: text).isEmpty, let range = occurrences(of: words, in: text).first
    else { return nil }
    return PastedText.difference(typed: words, found: String(text[range]))
  }

  /// Every place `words` stands in `text` as whole words, exactly as typed.
  public static func exactOccurrences(of words: String, in text: String) -> [Range<String.Index>] {
    guard !words.isEmpty else { return [] }
    var found: [Range<String.Index>] = []
    var searchStart = text.startIndex
    // Searched character by character: Foundation's range(of:) can return bounds inside a character
    // ("\n" inside "\r\n"), which crash when used; the tabling fuzzer found it.
    while let range = text[searchStart...].firstRange(of: words) {
      if standsAlone(range, in: text) { found.append(range) }
      searchStart = text.index(after: range.lowerBound)
    }
    return found
  }

  /// The range of `words` in `text`: the only occurrence, or the `occurrence`-th (from 1).
  public static func locate(
    _ words: String, in text: String, occurrence: Int?
  ) throws(WordMatchError)
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

  /// Whether `range` of `text` starts and ends at word boundaries: "labor" matches in "forced labor"
  /// but not inside "laborious".
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

  /// Letters and digits make words.
  static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  /// Joins two pieces with one space where two words would otherwise run together.
  public static func join(_ left: String, _ right: String) -> String {
    guard let last = left.last, let first = right.first else { return left + right }
    if last.isWhitespace || first.isWhitespace { return left + right }
    if isWordCharacter(first) || "(\"“'*".contains(first) { return left + " " + right }
    return left + right
  }

  /// Removes `range` and the white space it leaves doubled, or stranded before punctuation.
  public static func closingGap(_ text: String, removing range: Range<String.Index>) -> String {
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
