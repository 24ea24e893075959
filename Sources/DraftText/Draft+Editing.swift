/// Clause-level edits. Each changes only the clause it names, its descendants and the blank line
/// that separates it: every other byte of the text stays as it was.
extension Draft {
  /// Replaces a clause's own text (the chapeau of a paragraph with subparagraphs), keeping its
  /// marker and line ending. For a clause wrapped over several lines, the new text replaces them all.
  public mutating func replaceText(of key: ClauseKey, with text: String) throws(DraftError) {
    guard !text.trimmed.isEmpty else { throw .emptyText(key) }
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
    let ending = endsWithLineEnding
    editedLists.insert(OutlineLists.id(of: try locate(key).1))
    let range = try subtree(key)
    blocks.removeSubrange(removalRange(for: range))
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
  }

  /// Inserts a new clause after a clause (and after everything listed under it), at the same
  /// level, with a marker in the style of that clause and separated as its list is.
  ///
  /// Until ``renumber()`` the new clause carries a provisional label ("b bis").
  /// - Returns: The new clause's key ("new-1", "new-2"…).
  @discardableResult
  public mutating func insertClause(_ text: String, after key: ClauseKey) throws(DraftError) -> ClauseKey {
    let (_, anchor) = try locate(key)
    let node = try newNode(text, like: anchor, label: provisionalLabel(after: anchor))
    let blank = try separatedByBlankLines(anchor)
    let ending = endsWithLineEnding
    let end = try subtree(key).upperBound
    editedLists.insert(OutlineLists.id(of: node))
    blocks.insert(contentsOf: blank ? [blankLine, .clause(node)] : [.clause(node)], at: end + 1)
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    return node.key
  }

  /// Inserts a new clause right before a clause, at the same level, in the style of that clause.
  /// - Returns: The new clause's key.
  @discardableResult
  public mutating func insertClause(_ text: String, before key: ClauseKey) throws(DraftError) -> ClauseKey {
    let (start, anchor) = try locate(key)
    let node = try newNode(text, like: anchor, label: provisionalLabel(before: anchor))
    let blank = try separatedByBlankLines(anchor)
    editedLists.insert(OutlineLists.id(of: node))
    blocks.insert(contentsOf: blank ? [.clause(node), blankLine] : [.clause(node)], at: start)
    reindex()
    return node.key
  }

  /// Moves a clause, with everything listed under it, to follow another clause in that clause's
  /// list. It keeps its marker style if it stays at the same level and takes the target's
  /// otherwise (only a clause without subparagraphs may change level); it carries a provisional
  /// label until ``renumber()``.
  public mutating func moveClause(_ key: ClauseKey, after target: ClauseKey) throws(DraftError) {
    guard !(try family(key)).contains(target) else {
      throw .unsupportedEdit("\(key.rawValue) cannot move after \(target.rawValue), which is part of it")
    }
    let (_, moving) = try locate(key)
    let (_, anchor) = try locate(target)
    guard (moving.labelKind == .none) == (anchor.labelKind == .none), anchor.kind != .articleText else {
      throw .unsupportedEdit("preambular paragraphs and article text move only among their own kind")
    }
    let range = try subtree(key)
    // Deeper levels than three cannot be written, and children would not read back as children.
    guard anchor.level == moving.level || blocks[range].filter({ $0.node != nil }).count == 1 else {
      throw .unsupportedEdit("\(key.rawValue) has subparagraphs, so it can move only among clauses of its own level")
    }
    let ending = endsWithLineEnding
    var moved = Array(blocks[range])
    blocks.removeSubrange(removalRange(for: range))
    reindex()
    let levelShift = anchor.level - moving.level
    let label = provisionalLabel(after: anchor)
    for position in moved.indices {
      guard case .clause(var node) = moved[position] else { continue }
      if node.key == key {
        editedLists.insert(OutlineLists.id(of: node))
        node.parentKey = anchor.parentKey
        node.marker =
          node.kind == anchor.kind ? node.marker.relabelled(label) : anchor.marker.relabelled(label)
        node.labelKind = anchor.labelKind
        node.kind = anchor.kind
        editedLists.insert(OutlineLists.id(of: node))
      } else {
        node.kind = Draft.kind(atLevel: node.level + levelShift)
      }
      node.article = anchor.article
      moved[position] = .clause(node)
    }
    let blank = try separatedByBlankLines(anchor)
    let end = try subtree(target).upperBound
    blocks.insert(contentsOf: (blank ? [blankLine] : []) + moved, at: end + 1)
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
  }

  // MARK: Helpers

  /// The blocks to remove for a clause's subtree: the subtree, plus the blank line before it
  /// when blank lines surround it (so two blanks do not end up together).
  private func removalRange(for range: ClosedRange<Int>) -> ClosedRange<Int> {
    let blankBefore = range.lowerBound > 0 && blocks[range.lowerBound - 1].isBlank
    let blankOrEndAfter = range.upperBound + 1 == blocks.count || blocks[range.upperBound + 1].isBlank
    return blankBefore && blankOrEndAfter ? (range.lowerBound - 1)...range.upperBound : range
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
      parentKey: anchor.parentKey, article: anchor.article)
  }

  static func kind(atLevel level: Int) -> Clause.Kind {
    switch level {
    case ...1: return .paragraph
    case 2: return .subparagraph
    default: return .item
    }
  }
}
