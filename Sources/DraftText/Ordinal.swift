/// Ordinal numbers in English words, as draft titles use them ("Seventh draft", "Twenty-first draft").
public enum Ordinal {
  /// The numbers that can be written in words.
  public static let range = 1...999

  private static let units = [
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
  ]
  private static let unitOrdinals = [
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
  ]
  private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
  private static let tenOrdinals = [
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
  ]

  /// The ordinal in lower-case words: 8 → "eighth", 21 → "twenty-first", 101 → "one hundred and first".
  ///
  /// Numbers outside ``range`` come back in figures ("1000th"), since no draft series gets there.
  public static func words(_ number: Int) -> String {
    guard range.contains(number) else { return "\(number)\(figureSuffix(number))" }
    let hundreds = number / 100
    let rest = number % 100
    guard hundreds > 0 else { return belowHundred(rest) }
    let head = "\(units[hundreds]) hundred"
    return rest == 0 ? "\(head)th" : "\(head) and \(belowHundred(rest))"
  }

  /// The number an ordinal word stands for, in any capitalisation and with a hyphen or a space
  /// between tens and units: "Seventh" → 7, "Twenty-First" → 21, "twenty first" → 21.
  public static func number(_ words: String) -> Int? {
    table[normalised(words)]
  }

  /// The file name of a numbered draft: 7 → "07-seventh-draft.md", 21 → "21-twenty-first-draft.md".
  public static func draftFileName(_ number: Int) -> String {
    let figures = number < 10 && number >= 0 ? "0\(number)" : "\(number)"
    let slug = words(number).replacingSpaces(with: "-")
    return "\(figures)-\(slug)-draft.md"
  }

  private static func belowHundred(_ number: Int) -> String {
    if number < 20 { return unitOrdinals[number] }
    let unit = number % 10
    return unit == 0 ? tenOrdinals[number / 10] : "\(tens[number / 10])-\(unitOrdinals[unit])"
  }

  private static func figureSuffix(_ number: Int) -> String {
    if (11...13).contains(number % 100) { return "th" }
    switch number % 10 {
    case 1: return "st"
    case 2: return "nd"
    case 3: return "rd"
    default: return "th"
    }
  }

  private static func normalised(_ words: String) -> String {
    words.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: " ")
  }

  private static let table: [String: Int] = {
    var table: [String: Int] = [:]
    // `words` writes lower case with single spaces and hyphens: normalising it is turning hyphens into spaces.
    for number in range { table[String(words(number).map { $0 == "-" ? " " : $0 })] = number }
    return table
  }()
}

extension String {
  func replacingSpaces(with replacement: String) -> String {
    split(separator: " ", omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
