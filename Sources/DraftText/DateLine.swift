import Foundation

/// A date written in a date line, located precisely so it can be rewritten in the same style.
///
/// Understands "12 October 2010" (also inside "as of 12 October 2010"), "October 12, 2010",
/// "12 Oct. 2010" and "2010-10-12"; everything around the date is kept.
struct WrittenDate {
  var day: Range<String.Index>
  var month: Range<String.Index>
  var year: Range<String.Index>
  var numericMonth: Bool

  static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// The month number for a full or abbreviated English month name ("Oct", "Sept", "october").
  static func monthNumber(_ name: Substring) -> Int? {
    let lower = name.lowercased()
    guard lower.count >= 3 else { return nil }
    if let full = monthNames.firstIndex(of: lower) { return full + 1 }
    if lower == "sept" { return 9 }
    return monthNames.firstIndex { $0.hasPrefix(lower) && lower.count == 3 }.map { $0 + 1 }
  }

  /// The first date in `line`, or nil if it holds none.
  static func find(in line: String) -> WrittenDate? {
    if let match = line.firstMatch(of: /(\d{4})-(\d{2})-(\d{2})/) {
      return WrittenDate(
        day: match.output.3.startIndex..<match.output.3.endIndex,
        month: match.output.2.startIndex..<match.output.2.endIndex,
        year: match.output.1.startIndex..<match.output.1.endIndex, numericMonth: true)
    }
    for match in line.matches(of: /(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/)
    where monthNumber(match.output.2) != nil {
      return WrittenDate(
        day: match.output.1.startIndex..<match.output.1.endIndex,
        month: match.output.2.startIndex..<match.output.2.endIndex,
        year: match.output.3.startIndex..<match.output.3.endIndex, numericMonth: false)
    }
    for match in line.matches(of: /([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/)
    where monthNumber(match.output.1) != nil {
      return WrittenDate(
        day: match.output.2.startIndex..<match.output.2.endIndex,
        month: match.output.1.startIndex..<match.output.1.endIndex,
        year: match.output.3.startIndex..<match.output.3.endIndex, numericMonth: false)
    }
    return nil
  }

  /// Whether `line` reads as a date line: short, and holding a date.
  static func isDateLine(_ line: String) -> Bool {
    line.count <= 80 && find(in: line) != nil
  }

  /// `line` with this date replaced by `year`-`month`-`day`, written as the old date was.
  func replacing(in line: String, year newYear: Int, month newMonth: Int, day newDay: Int) -> String {
    let oldDay = line[day]
    let oldMonth = line[month]
    let dayText = numericMonth || oldDay.hasPrefix("0") ? twoDigits(newDay) : String(newDay)
    let monthText: String
    if numericMonth {
      monthText = twoDigits(newMonth)
    } else {
      let full = WrittenDate.monthNames[newMonth - 1]
      let abbreviated = oldMonth.count <= 4 && oldMonth.lowercased() != "june" && oldMonth.lowercased() != "july"
      let word = abbreviated ? String(full.prefix(3)) : full
      monthText = TitleOrdinal.styled(word, like: String(oldMonth))
    }
    // Replace from the right so earlier ranges stay valid.
    var parts: [(Range<String.Index>, String)] = [(day, dayText), (month, monthText), (year, String(newYear))]
    parts.sort { $0.0.lowerBound > $1.0.lowerBound }
    var result = line
    for (range, text) in parts { result.replaceSubrange(range, with: text) }
    return result
  }

  private func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}

extension DateComponents {
  /// Year, month and day, when all three are set and form a calendar date.
  var calendarDay: (year: Int, month: Int, day: Int)? {
    guard let year, let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
    return (year, month, day)
  }
}
