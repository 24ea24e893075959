/// What a line that starts a clause looks like, written out a second time, independently of the
/// parser's scanner, so the fuzzer can tell when the parser drops a line that a person would read
/// as numbered (a differential check: two readings of one grammar must agree).
///
///     indent    [ \t\f]* (and the byte-order mark some editors put first)
///     dash      "-" separator+            (optional; lettered markers only)
///     opening   "("                       (optional; lettered markers only)
///     label     digits | a…z run, then optionally one space or tab and a Latin suffix ("b bis")
///     closing   "." after a plain number, ")" otherwise
///     then      separator+ or the end of the line
///
/// where a separator is a space, a tab or a no-break space, and the label counts: a number, one
/// letter repeated ("b", "bb"), or a well-formed roman numeral, optionally with a glued suffix ("3bis").
public enum MarkerGrammar {
  static let suffixes = [
    "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
    "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies",
    "septdecies", "octodecies", "novodecies", "vicies", "pre",
  ]

  /// Whether `line` (without its line ending) starts with a clause marker.
  public static func looksLikeMarker(_ line: String) -> Bool {
    let s = Array(line.unicodeScalars)
    var i = 0
    while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\u{0C}" || s[i] == "\u{FEFF}" { i += 1 }
    var dashed = false
    if i + 1 < s.count, s[i] == "-", isSeparator(s[i + 1]) {
      dashed = true
      i += 1
      while i < s.count, isSeparator(s[i]) { i += 1 }
    }
    var parenthesised = false
    if i < s.count, s[i] == "(" {
      parenthesised = true
      i += 1
    }
    let start = i
    let numeric = i < s.count && isDigit(s[i])
    if numeric {
      while i < s.count, isDigit(s[i]) { i += 1 }
    } else {
      while i < s.count, isLower(s[i]) { i += 1 }
    }
    guard i > start else { return false }
    var base = String(String.UnicodeScalarView(s[start..<i]))
    var suffix: String?
    // A spaced suffix: "b bis)", "3\tter.".
    var probe = i
    if probe < s.count, s[probe] == " " || s[probe] == "\t" { probe += 1 }
    let wordStart = probe
    while probe < s.count, isLower(s[probe]) { probe += 1 }
    let word = String(String.UnicodeScalarView(s[wordStart..<probe]))
    if suffixes.contains(word) {
      suffix = word
      i = probe
    }
    if suffix == nil, !numeric, !counts(base) {
      // A glued suffix: "bbis", "iiter".
      guard let glued = suffixes.first(where: { base.count > $0.count && base.hasSuffix($0) && counts(String(base.dropLast($0.count))) })
      else { return false }
      base = String(base.dropLast(glued.count))
    }
    guard numeric || counts(base) else { return false }
    guard i < s.count else { return false }
    if s[i] == "." {
      guard numeric, !dashed, !parenthesised else { return false }
    } else if s[i] == ")" {
      guard !(numeric && (dashed || parenthesised)) else { return false }
    } else {
      return false
    }
    i += 1
    return i == s.count || isSeparator(s[i])
  }

  private static func isSeparator(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "\u{A0}" || c == "\u{202F}"
  }
  private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
  private static func isLower(_ c: Unicode.Scalar) -> Bool { c >= "a" && c <= "z" }

  /// One letter repeated, or a roman numeral in its canonical spelling.
  static func counts(_ label: String) -> Bool {
    guard let first = label.first else { return false }
    if label.allSatisfy({ $0 == first }) { return true }
    return romanValue(label) != nil
  }

  static func romanValue(_ text: String) -> Int? {
    let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
    let digits = text.compactMap { values[$0] }
    guard digits.count == text.count, !digits.isEmpty else { return nil }
    var total = 0
    for (n, value) in digits.enumerated() {
      total += n + 1 < digits.count && digits[n + 1] > value ? -value : value
    }
    return total > 0 && roman(total) == text ? total : nil
  }

  static func roman(_ number: Int) -> String {
    let table: [(Int, String)] = [
      (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]
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
}
