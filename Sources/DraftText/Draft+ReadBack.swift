/// Whether an edited draft still says what its clauses say: the text a clause edit writes must read
/// back, when the draft is parsed again, as that same clause. A line break and a marker inside one
/// clause's text ("…\n\n8. New paragraph") would otherwise become clauses of their own, renumbering
/// the rest without any numbering table saying so.
extension Draft {
  /// Whether the draft, renumbered and rendered, parses back to the same clauses: the same ids in
  /// the same order, each of the same kind and with the same text.
  public var readsBack: Bool { readBack() != nil }

  /// Whether unnumbered line `key` reads back as itself, as a line of the same id and text (not as a
  /// heading, an option or a clause), the draft's clauses reading back too (``readsBack``).
  public func readsBack(unnumbered key: ClauseKey) -> Bool {
    guard let (settled, again) = readBack(), let line = settled.clause(key: key) else { return false }
    return again.clause(line.id)?.text == line.text && again.articles.count == articles.count
  }

  /// The draft renumbered and the draft its text parses to, when they have the same clauses.
  private func readBack() -> (settled: Draft, again: Draft)? {
    var settled = self
    settled.renumberLists()
    guard let again = try? Draft(parsing: settled.render()) else { return nil }
    let mine = settled.clauses
    let read = again.clauses
    guard mine.count == read.count, zip(mine, read).allSatisfy({ $0.id == $1.id && $0.kind == $1.kind && $0.text == $1.text }) else {
      return nil
    }
    return (settled, again)
  }

  /// Whether the draft, with clause `key`'s own text replaced by `text`, would read back
  /// (``readsBack``): the same answer, without parsing the whole text again where the parser
  /// provably reads every other line as before.
  ///
  /// The parser reads a clause's text in three places only: the clause's own line (its marker and
  /// text, checked here by scanning the new line), whether the clause ends a sentence (";", ":" or
  /// "."), for the marker on the line after it, and whether a subparagraph ends with ":", for an
  /// "(i)" below it. So on a draft as parsed, a one-line labelled clause given a one-line text whose
  /// line scans to the same marker and ends with the same kind of character reads back, and
  /// anything else is parsed in full.
  public func readsBack(replacingTextOf key: ClauseKey, with text: String) throws(DraftError) -> Bool {
    func inFull() throws(DraftError) -> Bool {
      var edited = self
      try edited.replaceText(of: key, with: text)
      return edited.readsBack
    }
    // A text that keeps the line is not empty, so the edit cannot fail.
    guard let node = try? locate(key).node, keepsItsLine(node, text: text) else {
      return try inFull()
    }
    assert((try? inFull()) == true, "a one-line text that keeps its clause's line must read back")
    return true
  }

  func keepsItsLine(_ node: ClauseNode, text: String) -> Bool {
    func isOneLine(_ text: String) -> Bool {
      !text.unicodeScalars.contains { scalar in
        scalar != "\t"
          && (scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .lineSeparator
            || scalar.properties.generalCategory == .paragraphSeparator)
      }
    }
    guard isAsParsed, node.labelKind != .none, !node.text.utf8.contains(0x0A), isOneLine(text),
      text.first?.isWhitespace == false, text.last?.isWhitespace == false,
      DraftParser.sentenceEnd(of: node.text) == DraftParser.sentenceEnd(of: text),
      let (marker, scanned) = Marker.scan(node.marker.rendered + text)
    else { return false }
    return marker == node.marker && scanned == text
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
