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
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    guard lines.count > 1 else { return (text, []) }
    var items: [String] = []
    for line in lines.dropFirst() where !line.allSatisfy(\.isWhitespace) {
      guard let (marker, words) = Marker.scan(String(line)), !words.allSatisfy(\.isWhitespace),
        !marker.indent.isEmpty || !marker.reads(as: ownKind)
      else { return (text, []) }
      items.append(words)
    }
    guard !items.isEmpty else { return (text, []) }
    return (String(lines[0]), items)
  }

  /// Lists `items` under the new clause `key`, in order, starting its sub-list.
  mutating func insertSubItems(_ items: [String], under key: ClauseKey) throws(DraftError) {
    for item in items { try insertClause(item, under: key) }
  }
}
