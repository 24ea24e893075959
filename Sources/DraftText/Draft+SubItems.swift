/// A new clause tabled with its sub-items ("4. Areas of cooperation … may include:" and its points
/// "(a) Early warning systems;", "(b) …"): one amendment, as negotiators table a new paragraph with
/// its list, since the points cannot be tabled under a clause that is not yet in the draft.
extension Draft {
  /// The text of a new clause whose own label is of kind `ownKind`, split into its own words (the
  /// first line) and the sub-items written on the lines after it, each opening with a marker that is
  /// indented or of another kind than the clause's own ("    1. " or "(a) " under "4."; not "9. ",
  /// which is a second paragraph). The marker only says that the line is a sub-item: amend labels
  /// them in the style of the text's sub-lists. Blank lines between them are ignored. No sub-items
  /// when the text is one line or any further line is not a sub-item: the text is then taken whole
  /// (and tabling refuses it as more than one clause).
  public static func subItems(of text: String, ownKind: LabelKind) -> (own: String, items: [String]) {
    let (own, points) = points(of: text, ownKind: ownKind)
    return (own, points.map(\.words))
  }

  /// A point tabled with a new clause: its words, and whether it stands under the point before it
  /// (its marker indented further than the first point's: "(a) …" then "    (i) …").
  public struct Point: Equatable, Sendable {
    public var words: String
    public var underPrevious: Bool
  }

  /// ``subItems(of:ownKind:)`` with each point's level: under the new clause, or under the point
  /// before it. Points go two levels deep.
  public static func points(of text: String, ownKind: LabelKind) -> (own: String, points: [Point]) {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    guard lines.count > 1 else { return (text, []) }
    var points: [Point] = []
    var firstIndent: Int?
    for line in lines.dropFirst() where !line.allSatisfy(\.isWhitespace) {
      guard let (marker, words) = Marker.scan(String(line)), !words.allSatisfy(\.isWhitespace),
        !marker.indent.isEmpty || !marker.reads(as: ownKind)
      else { return (text, []) }
      let indent = marker.indent.count
      let first = firstIndent ?? indent
      firstIndent = first
      points.append(Point(words: words, underPrevious: !points.isEmpty && indent > first))
    }
    guard !points.isEmpty else { return (text, []) }
    return (String(lines[0]), points)
  }

  /// Lists `points` under the new clause `key`, in order, starting its sub-list (and a point's own,
  /// under it).
  mutating func insertSubItems(_ points: [Point], under key: ClauseKey) throws(DraftError) {
    var last = key
    for point in points {
      if point.underPrevious {
        try insertClause(point.words, under: last)
      } else {
        last = try insertClause(point.words, under: key)
      }
    }
  }
}
