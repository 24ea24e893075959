/// How a number the source repeats in one list is told apart: the second `1` of a list is
/// `1#2`, shown "1 (second)", with eId `para_1-2`; the first keeps the plain `1`.
///
/// "#" never occurs in a label (labels are digits and lower-case letters), so a repeat can never
/// be taken for another clause's id, and it needs no quoting in a shell when typed after the number.
enum ClauseRepeat {
  /// Splits "b#2" into ("b", 2); a component without a repeat gives (component, nil).
  static func split(_ component: String) -> (label: String, occurrence: Int?) {
    guard let hash = component.lastIndex(of: "#") else { return (component, nil) }
    let digits = component[component.index(after: hash)...]
    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else {
      return (component, nil)
    }
    return (String(component[..<hash]), value)
  }

  /// The id component of the `occurrence`th clause with `component` in one list (1 = plain).
  static func mark(_ component: String, occurrence: Int) -> String {
    occurrence <= 1 ? component : "\(component)#\(occurrence)"
  }

  /// "second", "third"… "twenty-first"; in figures ("1000th") past the words.
  static func word(_ occurrence: Int) -> String { Ordinal.words(occurrence) }

  /// "b#2" → "b-2" for an Akoma Ntoso eId.
  static func eIdComponent(_ component: String) -> String {
    let (label, occurrence) = split(component)
    return occurrence.map { "\(label)-\($0)" } ?? label
  }
}
