/// The lines that head a numbered draft: subject, title and date line.
///
/// ```
/// Migration
/// Seventh draft of conclusions and recommendations
/// as of 12 October 2010
/// ```
public struct TitleBlock: Sendable, Equatable {
  /// Which line of the title block a line is.
  public enum Part: String, Sendable, Equatable {
    case subject
    case title
    case dateLine
  }

  /// The line above the title ("Migration"), if there is one.
  public var subject: String?
  /// Its 1-based line number.
  public var subjectLine: Int?
  /// The title, which names the draft by an ordinal ("Seventh draft of …").
  public var title: String
  /// Its 1-based line number.
  public var titleLine: Int
  /// The line below the title that gives the date ("as of 12 October 2010"), if there is one.
  public var dateLine: String?
  /// Its 1-based line number.
  public var dateLineNumber: Int?
}

/// Finds the ordinal word that names a draft in a title line.
enum TitleOrdinal {
  /// The range of the ordinal words right before "draft" ("Seventh draft", "twenty first draft").
  static func range(in line: String) -> Range<String.Index>? {
    let words = wordRanges(in: line)
    for (position, range) in words.enumerated() where line[range].lowercased() == "draft" && position > 0 {
      let previous = words[position - 1]
      if position > 1 {
        let pair = words[position - 2].lowerBound..<previous.upperBound
        let between = line[words[position - 2].upperBound..<previous.lowerBound]
        if between == " ", Ordinal.number(String(line[pair])) != nil, Ordinal.number(String(line[previous])) != nil {
          return pair
        }
      }
      if Ordinal.number(String(line[previous])) != nil { return previous }
    }
    return nil
  }

  /// Whether the line names a draft by its ordinal.
  static func isTitle(_ line: String) -> Bool { range(in: line) != nil }

  /// Ranges of the words made of letters and inner hyphens.
  private static func wordRanges(in line: String) -> [Range<String.Index>] {
    var ranges: [Range<String.Index>] = []
    var start: String.Index?
    var index = line.startIndex
    while index < line.endIndex {
      let char = line[index]
      let inWord = char.isLetter || (char == "-" && start != nil)
      if inWord, start == nil { start = index }
      if !inWord, let begun = start {
        ranges.append(begun..<index)
        start = nil
      }
      index = line.index(after: index)
    }
    if let begun = start { ranges.append(begun..<line.endIndex) }
    return ranges.map { range in
      // A trailing hyphen ("seventh-") is punctuation, not part of the word.
      var upper = range.upperBound
      while upper > range.lowerBound, line[line.index(before: upper)] == "-" { upper = line.index(before: upper) }
      return range.lowerBound..<upper
    }
  }

  /// `words` written in the capitalisation of `model`: "SEVENTH" → upper case, "Seventh" → first
  /// letter, "Twenty-First" → each part, "seventh" → lower case.
  static func styled(_ words: String, like model: String) -> String {
    let letters = model.filter(\.isLetter)
    if !letters.isEmpty, letters.allSatisfy(\.isUppercase), letters.count > 1 { return words.uppercased() }
    guard let first = letters.first, first.isUppercase else { return words.lowercased() }
    let parts = model.split(whereSeparator: { $0 == "-" || $0 == " " })
    let eachPart = parts.count > 1 && parts.allSatisfy { $0.first?.isUppercase ?? false }
    if eachPart {
      return words.split(separator: " ", omittingEmptySubsequences: false).map { word in
        word.split(separator: "-", omittingEmptySubsequences: false).map { $0.capitalizedFirst }.joined(separator: "-")
      }.joined(separator: " ")
    }
    return words.capitalizedFirst
  }
}

extension StringProtocol {
  var capitalizedFirst: String {
    guard let first else { return "" }
    return first.uppercased() + dropFirst().lowercased()
  }
}
