/// Line numbers as parliaments print them beside a text, so that a proposal can be cited by line.
/// The numbers are the draft file's own lines (title block and blank lines count), the same in every output.
public enum LineNumbers {
  /// `text` with each line prefixed by its number, counting from `first`, right-aligned to `width`.
  public static func numbered(_ text: String, from first: Int = 1, width: Int) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let endsWithNewline = lines.last == ""
    if endsWithNewline { lines.removeLast() }
    let numbered = lines.enumerated().map { label(first + $0.offset, width: width) + $0.element }
    return numbered.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
  }

  /// "  23  ": a line's number, right-aligned to `width`, and two spaces.
  public static func label(_ number: Int, width: Int) -> String {
    let digits = String(number)
    return String(repeating: " ", count: max(0, width - digits.count)) + digits + "  "
  }

  /// The width that fits every line number of `text`.
  public static func width(for text: String) -> Int {
    String(text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }).count
  }
}
