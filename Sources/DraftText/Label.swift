/// How a list counts its items: 1, 2, 3 / a, b, c / i, ii, iii.
public enum LabelKind: String, Sendable, Codable, Equatable {
  case number
  case letter
  case roman
  /// Preambular paragraphs and an article's own text carry no label.
  case none
}

/// A clause label split into its count and an optional Latin suffix ("b", "3bis", "b ter").
struct Label: Equatable, Sendable {
  /// The counted part: "b", "3", "ii".
  var base: String
  /// "bis", "ter"… for a clause added between two others, "pre" for one added before the first.
  var suffix: String?

  /// Suffixes for clauses proposed between existing ones, in UN order (bis = the 2nd, ter = the 3rd…).
  static let latinSuffixes = [
    "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
    "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies",
    "septdecies", "octodecies", "novodecies", "vicies",
  ]

  /// The suffix marking a clause proposed before the first of its list.
  static let beforeFirstSuffix = "pre"

  /// The Latin suffix for the `n`th clause added after one (1 → "bis", 2 → "ter"…).
  static func latinSuffix(_ n: Int) -> String {
    if n >= 1 && n <= latinSuffixes.count { return latinSuffixes[n - 1] }
    return "\(n + 1)"
  }

  /// Reads "b", "b bis", "bbis", "3bis", "3 ter"; nil when a suffix is not one of the known words.
  init?(_ text: String) {
    let lower = text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? text.lowercased() : text
    // Most labels are one word ("7", "b"): no need to split them.
    let words =
      !lower.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 })
      ? [lower]
      : lower.split(omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\t" })
        .map(String.init)
    if words.count == 2 {
      guard Label.isSuffix(words[1]) else { return nil }
      base = words[0]
      suffix = words[1]
      return
    }
    guard words.count == 1 else { return nil }
    let word = words[0]
    if let (head, tail) = Label.splitSuffix(word) {
      base = head
      suffix = tail
    } else {
      base = word
      suffix = nil
    }
  }

  init(base: String, suffix: String?) {
    self.base = base
    self.suffix = suffix
  }

  static func isSuffix(_ word: String) -> Bool {
    latinSuffixes.contains(word) || word == beforeFirstSuffix
  }

  /// Every suffix, longest first, so that "quater" is tried before "ter". Sorted once: the parser
  /// asks for every marker of every line.
  private static let suffixesLongestFirst = (latinSuffixes + [beforeFirstSuffix])
    .sorted { $0.utf8.count > $1.utf8.count }

  /// Splits a glued suffix off ("3bis" → "3", "bis"); the longest known suffix wins.
  static func splitSuffix(_ word: String) -> (String, String)? {
    let length = word.utf8.count
    for suffix in suffixesLongestFirst where length > suffix.utf8.count && word.hasSuffix(suffix) {
      let head = String(word.dropLast(suffix.count))
      // "iiiter" must not split a roman numeral's letters: only a number or a count label may precede.
      if LabelSequence.value(of: head, as: .number) != nil
        || LabelSequence.value(of: head, as: .letter) != nil
        || LabelSequence.value(of: head, as: .roman) != nil
      {
        return (head, suffix)
      }
    }
    return nil
  }

  /// The label as an id component: lowercased, no spaces ("b bis" → "bbis").
  var idComponent: String { base + (suffix ?? "") }

  /// The label as written in a marker ("b bis"; "3bis" keeps its glued form only when parsed so).
  var written: String { suffix.map { "\(base) \($0)" } ?? base }
}

/// Counting in the three label styles, in UN usage: letters run a…z, then aa, bb… zz, then aaa….
enum LabelSequence {
  /// The 1-based position of `label` in the sequence of `kind`, or nil if it is not in it.
  static func value(of label: String, as kind: LabelKind) -> Int? {
    switch kind {
    case .number:
      guard !label.isEmpty, label.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
      // Past Int's range a number still counts, as the largest: it is a clause all the same.
      return Int(label) ?? Int.max
    case .letter:
      let scalars = Array(label.unicodeScalars)
      guard let first = scalars.first, first >= "a", first <= "z",
        scalars.allSatisfy({ $0 == first })
      else { return nil }
      return (scalars.count - 1) * 26 + Int(first.value - 0x61) + 1
    case .roman:
      return Roman.value(label)
    case .none:
      return nil
    }
  }

  /// The label at 1-based `position` in the sequence of `kind`.
  static func label(_ position: Int, as kind: LabelKind) -> String {
    switch kind {
    case .number, .none:
      return String(position)
    case .letter:
      let index = (position - 1) % 26
      let repeats = (position - 1) / 26 + 1
      let letter = Character(Unicode.Scalar(UInt8(0x61 + index)))
      return String(repeating: letter, count: repeats)
    case .roman:
      return Roman.numeral(position)
    }
  }
}

/// Lower-case roman numerals, as used for sub-subparagraphs (i), (ii)….
enum Roman {
  private static let table: [(Int, String)] = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
  ]

  static func numeral(_ number: Int) -> String {
    var rest = number
    var result = ""
    for (value, letters) in table {
      while rest >= value {
        result += letters
        rest -= value
      }
    }
    return result
  }

  /// The value of a well-formed lower-case numeral ("iv" → 4), nil for anything else ("iiii", "vx").
  static func value(_ text: String) -> Int? {
    // No length cap: "mmmdccclxxxviii" (3888) is fifteen letters; only the canonical spelling counts.
    guard !text.isEmpty,
      text.unicodeScalars.allSatisfy({ "ivxlcdm".unicodeScalars.contains($0) })
    else { return nil }
    let digits: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
    var total = 0
    let chars = Array(text)
    for (index, char) in chars.enumerated() {
      guard let value = digits[char] else { return nil }
      if index + 1 < chars.count, let next = digits[chars[index + 1]], next > value {
        total -= value
      } else {
        total += value
      }
    }
    // Only the canonical spelling counts, so "iiii" or "ic" are not taken for numerals.
    return total > 0 && numeral(total) == text ? total : nil
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
