/// Whether an edited draft still says what its clauses say: the text a clause edit writes must read
/// back, when the draft is parsed again, as that same clause. A line break and a marker inside one
/// clause's text ("…\n\n8. New paragraph") would otherwise become clauses of their own, renumbering
/// the rest without any numbering table saying so.
extension Draft {
  /// Whether the draft, renumbered and rendered, parses back to the same clauses: the same ids in
  /// the same order, each of the same kind and with the same text.
  public var readsBack: Bool {
    var settled = self
    _ = settled.renumber()
    guard let again = try? Draft(parsing: settled.render()) else { return false }
    let mine = settled.clauses
    let read = again.clauses
    guard mine.count == read.count else { return false }
    return zip(mine, read).allSatisfy { $0.id == $1.id && $0.kind == $1.kind && $0.text == $1.text }
  }

  /// The marker `text` opens with when it is of the kind `clause`'s own marker is ("2." before the
  /// text of a paragraph, "c)" or "- c)" before a lettered subparagraph's): someone who typed the
  /// number along with the words. Nil when the text opens with anything else, such as "(i)" in a
  /// lettered list, which is the clause's own words.
  public static func leadingMarker(of text: String, like clause: Clause) -> (marker: String, rest: String)? {
    guard clause.labelKind != .none, let (marker, rest) = Marker.scan(text) else { return nil }
    // A lone "c", "i" or "v" reads as a roman numeral; in a lettered list written in the same
    // style ("c)" after "b)", not "(i)" after "b)") it is the list's next letter.
    let lone =
      clause.labelKind == .letter && marker.apparentKind == .roman && marker.label.count == 1
      && marker.opening.contains("(") == clause.marker.contains("(")
    guard marker.apparentKind == clause.labelKind || lone, marker.indent.isEmpty else { return nil }
    return (marker.opening + marker.label + marker.closing, rest)
  }
}
