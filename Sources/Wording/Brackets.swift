/// Square brackets as negotiators use them: text not yet agreed (`[rapidly]`), and alternatives side by
/// side (`[40–70 per cent][70–95 per cent]`, `[Option 1: …] [Option 2: …]`). Brackets nest.
public enum Brackets {
  /// One matched pair of brackets: its whole range (brackets included) and the text inside.
  public struct Span: Equatable, Sendable {
    public var range: Range<String.Index>
    public var inner: Range<String.Index>
    /// 0 for a bracket not inside another.
    public var depth: Int
  }

  /// Every matched pair, in the order its opening bracket stands; an unmatched bracket is not a pair.
  public static func spans(in text: String) -> [Span] {
    var open: [String.Index] = []
    var found: [Span] = []
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "[" {
        open.append(index)
      } else if character == "]", let start = open.popLast() {
        let end = text.index(after: index)
        found.append(Span(range: start..<end, inner: text.index(after: start)..<index, depth: open.count))
      }
      index = text.index(after: index)
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// How many pairs of brackets remain in `text`.
  public static func count(in text: String) -> Int { spans(in: text).count }

  /// Groups of alternatives, in the order they open: two or more pairs at one depth with nothing
  /// between them (`[by the end][after the middle]`), or only spaces when each is labelled as an
  /// option (`[Option 1: …] [Option 2: …]`). Pairs merely side by side (`[intended] [nationally
  /// determined]`) are separate brackets, not alternatives.
  public static func alternatives(in text: String) -> [[Span]] {
    let all = spans(in: text)
    var groups: [[Span]] = []
    for depth in Set(all.map(\.depth)) {
      var current: [Span] = []
      for span in all where span.depth == depth {
        if let last = current.last, adjoin(last, span, in: text) {
          current.append(span)
        } else {
          if current.count > 1 { groups.append(current) }
          current = [span]
        }
      }
      if current.count > 1 { groups.append(current) }
    }
    return groups.sorted { $0[0].range.lowerBound < $1[0].range.lowerBound }
  }

  private static func adjoin(_ first: Span, _ second: Span, in text: String) -> Bool {
    let gap = text[first.range.upperBound..<second.range.lowerBound]
    if gap.isEmpty { return true }
    guard gap.allSatisfy({ $0 == " " }) else { return false }
    return isOption(text[first.inner]) && isOption(text[second.inner])
  }

  private static func isOption(_ inner: Substring) -> Bool {
    withoutOptionLabel(String(inner)) != String(inner)
  }

  /// What a bracket operation does.
  public enum Edit: Equatable, Sendable {
    /// Keep the text, drop the brackets around it.
    case removeBrackets
    /// Delete the bracketed text, brackets and all.
    case deleteBracketed
    /// Keep alternative `n` (from 1) of a group, without its brackets or an "Option n:" label; drop the others.
    case chooseOption(Int)
  }

  /// Why a bracket operation cannot be made on a text.
  public enum Failure: Error, Equatable, Sendable {
    /// There are no brackets (or no group of alternatives, for a choice).
    case none(alternatives: Bool)
    /// There are `count`, and no occurrence was chosen.
    case ambiguous(count: Int, alternatives: Bool)
    /// The occurrence chosen is past the `count` there are.
    case noSuchOccurrence(occurrence: Int, count: Int, alternatives: Bool)
    /// The group has `count` alternatives; `option` is not one.
    case noSuchOption(option: Int, count: Int)
  }

  /// `text` after `edit` on the pair (or the group of alternatives) `occurrence`, counted from 1 in
  /// the order they open; with no occurrence, the only one there is.
  public static func apply(_ edit: Edit, occurrence: Int?, to text: String) throws(Failure) -> String {
    if case .chooseOption(let option) = edit {
      let groups = alternatives(in: text)
      let group = try pick(groups, occurrence, alternatives: true)
      guard (1...group.count).contains(option) else { throw .noSuchOption(option: option, count: group.count) }
      let kept = withoutOptionLabel(String(text[group[option - 1].inner]))
      return text.replacingCharacters(in: group[0].range.lowerBound..<group[group.count - 1].range.upperBound, with: kept)
    }
    let span = try pick(spans(in: text), occurrence, alternatives: false)
    switch edit {
    case .removeBrackets:
      return text.replacingCharacters(in: span.range, with: text[span.inner])
    case .deleteBracketed:
      return WordMatch.closingGap(text, removing: span.range)
    case .chooseOption:
      return text
    }
  }

  private static func pick<Item>(_ items: [Item], _ occurrence: Int?, alternatives: Bool) throws(Failure) -> Item {
    guard !items.isEmpty else { throw .none(alternatives: alternatives) }
    guard let occurrence else {
      guard items.count == 1 else { throw .ambiguous(count: items.count, alternatives: alternatives) }
      return items[0]
    }
    guard (1...items.count).contains(occurrence) else {
      throw .noSuchOccurrence(occurrence: occurrence, count: items.count, alternatives: alternatives)
    }
    return items[occurrence - 1]
  }

  /// "Option 2: the text" → "the text" (also "Option 2 -", any case); other text as it is.
  static func withoutOptionLabel(_ text: String) -> String {
    let trimmed = text.drop { $0 == " " }
    guard trimmed.lowercased().hasPrefix("option ") else { return text }
    let afterWord = trimmed.dropFirst("option ".count)
    let digits = afterWord.prefix { $0.isNumber }
    guard !digits.isEmpty else { return text }
    var rest = afterWord.dropFirst(digits.count).drop { $0 == " " }
    guard let mark = rest.first, mark == ":" || mark == "-" || mark == "–" else { return text }
    rest = rest.dropFirst().drop { $0 == " " }
    return String(rest)
  }
}
