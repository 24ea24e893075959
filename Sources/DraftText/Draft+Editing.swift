/// Clause-level edits. Each changes only the clause it names, its descendants and the blank line
/// that separates it: every other byte of the text stays as it was.
extension Draft {
  /// Replaces a clause's own text (the chapeau of a paragraph with subparagraphs), keeping its
  /// marker and line ending. For a clause wrapped over several lines, the new text replaces them all.
  public mutating func replaceText(of key: ClauseKey, with text: String) throws(DraftError) {
    guard !text.trimmed.isEmpty else { throw .emptyText(key) }
    if index.clause(key) == nil, looseIndex(key) != nil { return try replaceLooseText(key, with: text) }
    var (position, node) = try locate(key)
    let before = Block.clause(node).lineBreaks
    node.text = normalisedLineBreaks(text)
    blocks[position] = .clause(node)
    // New words change no id and no marker: the index takes the text, and the lines after it move
    // by the lines it gained or lost (the same index a rebuild would make, checked in debug builds).
    reindexText(of: node.key, with: node.text, lineShift: Block.clause(node).lineBreaks - before)
    assert(index == DraftIndex(blocks: blocks), "an incremental index must equal a rebuilt one")
  }

  /// Deletes a clause with everything listed under it, and the blank line that separated it, so
  /// the text reads as if it had never been there.
  public mutating func deleteClause(_ key: ClauseKey) throws(DraftError) {
    if index.clause(key) == nil, looseIndex(key) != nil {
      try deleteLoose(key)
      return
    }
    let ending = endsWithLineEnding
    let (start, node) = try locate(key)
    editedLists.insert(OutlineLists.id(of: node))
    let whole = try subtree(key)
    let range = startWithTitles(key, at: start)...whole.upperBound
    let removed = removalRange(for: range)
    blocks.removeSubrange(removed)
    joinRuns(across: removed.lowerBound)
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
  }

  /// Inserts a new clause after a clause (and after everything listed under it), at the same
  /// level, with a marker in the style of that clause and separated as its list is.
  ///
  /// Until ``renumber()`` the new clause carries a provisional label ("b bis"). Lines of `text`
  /// after the first that open with a marker are listed under it (``subItems(of:)``). After an
  /// article's own text or an unnumbered line, which have no numbered siblings, it is an unnumbered
  /// paragraph (``insertUnnumbered(_:after:)``).
  /// - Returns: The new clause's key ("new-1", "new-2"…).
  @discardableResult
  public mutating func insertClause(_ text: String, after key: ClauseKey) throws(DraftError) -> ClauseKey {
    if clause(key: key)?.takesUnnumberedAfter == true { return try insertUnnumbered(text, after: key) }
    let (own, items) = Draft.points(of: text, ownKind: try locate(key).node.labelKind)
    let new = try insertClause(own, after: key, blank: nil)
    try insertSubItems(items, under: new)
    return new
  }

  /// `insertClause(_:after:)`, with `blank` saying whether a blank line separates it (nil: as its list does).
  mutating func insertClause(_ text: String, after key: ClauseKey, blank: Bool?) throws(DraftError) -> ClauseKey {
    let (_, anchor) = try locate(key)
    let node = try newNode(text, like: anchor, label: provisionalLabel(after: anchor))
    let separated: Bool
    if let blank { separated = blank } else { separated = try separatedByBlankLines(anchor) }
    let ending = endsWithLineEnding
    let end = try subtree(key).upperBound
    editedLists.insert(OutlineLists.id(of: node))
    blocks.insert(contentsOf: separated ? [blankLine, .clause(node)] : [.clause(node)], at: end + 1)
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    return node.key
  }

  /// Inserts a new clause right before a clause, at the same level, in the style of that clause,
  /// with its sub-items (``subItems(of:)``).
  /// - Returns: The new clause's key.
  @discardableResult
  public mutating func insertClause(_ text: String, before key: ClauseKey) throws(DraftError) -> ClauseKey {
    let (first, anchor) = try locate(key)
    let (own, items) = Draft.points(of: text, ownKind: anchor.labelKind)
    let start = startWithTitles(key, at: first)
    let node = try newNode(own, like: anchor, label: provisionalLabel(before: anchor))
    let blank = try separatedByBlankLines(anchor)
    editedLists.insert(OutlineLists.id(of: node))
    blocks.insert(contentsOf: blank ? [.clause(node), blankLine] : [.clause(node)], at: start)
    reindex()
    try insertSubItems(items, under: node.key)
    return node.key
  }

  /// Moves a clause, with everything listed under it, to follow another clause (and everything
  /// listed under that one), in that clause's list, at its level: the moved clause keeps its marker
  /// style if it stays at the same level and takes the target's otherwise; clauses under it that
  /// change level take the style of the text's sub-lists there. Labels are provisional until
  /// ``renumber()``.
  public mutating func moveClause(_ key: ClauseKey, after target: ClauseKey) throws(DraftError) {
    try relocate(key, next: target, before: false)
  }

  // MARK: Helpers

  /// The blocks to remove for a clause's subtree: the subtree, plus the blank line before it
  /// when blank lines surround it (so two blanks do not end up together), or the one after it at
  /// the top of the text.
  func removalRange(for range: ClosedRange<Int>) -> ClosedRange<Int> {
    let blankBefore = range.lowerBound > 0 && blocks[range.lowerBound - 1].isBlank
    let blankAfter = range.upperBound + 1 < blocks.count && blocks[range.upperBound + 1].isBlank
    if blankBefore && (blankAfter || range.upperBound + 1 == blocks.count) { return (range.lowerBound - 1)...range.upperBound }
    // At the top of the text the blank line after it goes too: the text does not start with a blank line.
    if range.lowerBound == 0 && blankAfter { return range.lowerBound...(range.upperBound + 1) }
    return range
  }

  private mutating func newNode(_ text: String, like anchor: ClauseNode, label: String) throws(DraftError) -> ClauseNode {
    guard !text.trimmed.isEmpty else { throw .emptyText(anchor.key) }
    guard anchor.kind != .articleText else {
      throw .unsupportedEdit("an article's own text has no siblings; insert a numbered paragraph instead")
    }
    insertedCount += 1
    return ClauseNode(
      key: ClauseKey("new-\(insertedCount)"), kind: anchor.kind, labelKind: anchor.labelKind,
      marker: anchor.marker.relabelled(label), text: normalisedLineBreaks(text), terminator: lineEnding,
      parentKey: anchor.parentKey, article: anchor.article, run: anchor.run)
  }

  static func kind(atLevel level: Int) -> Clause.Kind {
    switch level {
    case ...1: return .paragraph
    case 2: return .subparagraph
    default: return .item
    }
  }
}
