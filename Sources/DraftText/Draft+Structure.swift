/// Structural edits for treaty-shaped texts (docs/TREATIES.md): a new clause under a clause, starting
/// its sub-list in the style of the text's other sub-lists, and moves before or after any clause, at
/// any level, with everything listed under the moved clause.
extension Draft {
  /// Inserts a new clause as the last one listed under `parent`; when `parent` has none yet it
  /// starts a sub-list, numbered from the first label, in the marker style, indentation and
  /// spacing of the text's other sub-lists at that level (those of the same article first), or
  /// "(a)" and "(i)" in a text that has none; with its own sub-items (``subItems(of:)``).
  /// - Returns: The new clause's key.
  @discardableResult
  public mutating func insertClause(_ text: String, under parent: ClauseKey) throws(DraftError) -> ClauseKey {
    let (own, items) = Draft.points(of: text, ownKind: try labelKind(under: parent))
    let new = try insertOneClause(own, under: parent)
    try insertSubItems(items, under: new)
    return new
  }

  /// The kind of label a new clause under `parent` takes: that of the clauses listed under it, or of
  /// the sub-list it would start.
  public func labelKind(under parent: ClauseKey) throws(DraftError) -> LabelKind {
    let (_, node) = try locate(parent)
    return listed(under: node).last?.labelKind ?? subListStyle(level: Self.levelUnder(node), article: node.article).kind
  }

  /// The clauses listed right under `node`: its sub-list, or, under an article's own text, the
  /// article's paragraphs.
  private func listed(under node: ClauseNode) -> [ClauseNode] {
    blocks.compactMap(\.node).filter { other in
      node.kind == .articleText
        ? other.parentKey == nil && other.level == 1 && other.article == node.article : other.parentKey == node.key
    }
  }

  /// The level of a clause listed under `node`.
  private static func levelUnder(_ node: ClauseNode) -> Int { node.kind == .articleText ? 1 : node.level + 1 }

  private mutating func insertOneClause(_ text: String, under parent: ClauseKey) throws(DraftError) -> ClauseKey {
    let (position, node) = try locate(parent)
    // Under an article's own text: a paragraph of the article.
    let isArticle = node.kind == .articleText
    let listed = listed(under: node)
    if let last = listed.last {
      // A lone clause's list cannot say how its members are separated: the text's other sub-lists do.
      let blank = listed.count == 1 ? subListStyle(level: last.level, article: last.article).blankBetween : nil
      return try insertClause(text, after: last.key, blank: blank)
    }
    guard isArticle || node.kind == .paragraph || node.kind == .subparagraph else {
      throw .unsupportedEdit("nothing can be listed under \(parent.rawValue): only paragraphs, subparagraphs and an article's text have sub-lists")
    }
    guard !text.trimmed.isEmpty else { throw .emptyText(parent) }
    let level = Self.levelUnder(node)
    let style = subListStyle(level: level, article: node.article, under: node.marker.indent)
    insertedCount += 1
    let new = ClauseNode(
      key: ClauseKey("new-\(insertedCount)"), kind: Draft.kind(atLevel: level), labelKind: style.kind,
      marker: style.marker.relabelled(LabelSequence.label(1, as: style.kind)), text: normalisedLineBreaks(text),
      terminator: lineEnding, parentKey: isArticle ? nil : parent, article: node.article)
    let ending = endsWithLineEnding
    editedLists.insert(OutlineLists.id(of: new))
    blocks.insert(contentsOf: style.blankBefore ? [blankLine, .clause(new)] : [.clause(new)], at: position + 1)
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    return new.key
  }

  /// Moves a clause, with everything listed under it, to stand right before another clause, in
  /// that clause's list (see ``moveClause(_:after:)``).
  public mutating func moveClause(_ key: ClauseKey, before target: ClauseKey) throws(DraftError) {
    try relocate(key, next: target, before: true)
  }

  /// The marker style of the first sub-list at `level` in the text, preferring `article`'s. In a text
  /// with none, "(a)" or "(i)", at the margin, or indented further than an indented parent (`under`).
  func subListStyle(
    level: Int, article: String?, under parentIndent: String = ""
  ) -> (marker: Marker, kind: LabelKind, blankBefore: Bool, blankBetween: Bool?) {
    let nodes = blocks.indices.compactMap { index in blocks[index].node.map { (index, $0) } }
    let candidates = nodes.filter { $0.1.level == level && $0.1.labelKind != .none && (level < 3 || $0.1.labelKind == .roman) }
    let first = candidates.first { $0.1.article == article } ?? candidates.first
    if let (index, node) = first {
      let between = siblings(of: node).count > 1 ? try? separatedByBlankLines(node) : nil
      return (node.marker, node.labelKind, index > 0 && blocks[index - 1].isBlank && (level == 1 || previousIsParent(index)), between)
    }
    if level == 1 { return (Marker(indent: "", opening: "", label: "", closing: ".", spacing: " "), .number, true, nil) }
    let marker = Marker(indent: parentIndent.isEmpty ? "" : parentIndent + "    ", opening: "(", label: "", closing: ")", spacing: " ")
    return (marker, level >= 3 ? .roman : .letter, false, nil)
  }

  /// Whether the clause above the blank line before block `index` is the parent of the clause there.
  private func previousIsParent(_ index: Int) -> Bool {
    guard let node = blocks[index].node else { return false }
    let above = blocks[..<index].last { $0.node != nil }?.node
    return above?.key == node.parentKey
  }

  /// Moves `key`'s subtree next to `target`, after its subtree or right before it, taking the
  /// target's level: the moved clause keeps its own marker style at its own kind and takes the
  /// target's otherwise; clauses listed under it that change level take the style of the text's
  /// sub-lists at their new level. Labels are provisional until ``renumber()``.
  mutating func relocate(_ key: ClauseKey, next target: ClauseKey, before: Bool) throws(DraftError) {
    guard !(try family(key)).contains(target) else {
      throw .unsupportedEdit("\(key.rawValue) cannot move next to \(target.rawValue), which is part of it")
    }
    let (_, moving) = try locate(key)
    let (_, anchor) = try locate(target)
    guard (moving.labelKind == .none) == (anchor.labelKind == .none), anchor.kind != .articleText else {
      throw .unsupportedEdit("preambular paragraphs and article text move only among their own kind")
    }
    let whole = try subtree(key)
    let range = startWithTitles(key, at: whole.lowerBound)...whole.upperBound
    let levelShift = anchor.level - moving.level
    let deepest = blocks[range].compactMap(\.node).map(\.level).max() ?? moving.level
    guard deepest + levelShift <= 3 else {
      throw .unsupportedEdit("\(key.rawValue) has clauses listed under it that would go deeper than items (i), (ii)")
    }
    if before, let list = Optional(siblings(of: anchor)), let at = list.firstIndex(where: { $0.key == target }), at > 0,
      list[at - 1].key == key
    {
      throw .unsupportedEdit("\(key.rawValue) already stands right before \(target.rawValue)")
    }
    let ending = endsWithLineEnding
    let unmoved = self
    // How the target's list is separated, judged while it still holds the moved clause: once it is
    // taken out the target may stand alone, and a lone first clause cannot say.
    let blankBeforeRemoval = try separatedByBlankLines(anchor)
    var moved = Array(blocks[range])
    blocks.removeSubrange(removalRange(for: range))
    reindex()
    let label = before ? provisionalLabel(before: anchor) : provisionalLabel(after: anchor)
    var counts: [ClauseKey: Int] = [:]
    for position in moved.indices {
      if case .loose(var line) = moved[position], let article = anchor.article {
        line.article = article
        moved[position] = .loose(line)
      }
      guard case .clause(var node) = moved[position] else { continue }
      editedLists.insert(OutlineLists.id(of: node))
      if node.key == key {
        node.parentKey = anchor.parentKey
        node.run = anchor.run
        node.marker = node.kind == anchor.kind ? node.marker.relabelled(label) : anchor.marker.relabelled(label)
        node.labelKind = anchor.labelKind
        node.kind = anchor.kind
      } else if levelShift != 0 {
        let level = node.level + levelShift
        let style = subListStyle(level: level, article: anchor.article)
        let count = (counts[node.parentKey ?? key] ?? 0) + 1
        counts[node.parentKey ?? key] = count
        node.kind = Draft.kind(atLevel: level)
        node.labelKind = style.kind
        node.marker = style.marker.relabelled(LabelSequence.label(count, as: style.kind))
      }
      node.article = anchor.article
      editedLists.insert(OutlineLists.id(of: node))
      moved[position] = .clause(node)
    }
    let blank = siblings(of: anchor).count > 1 ? try separatedByBlankLines(anchor) : blankBeforeRemoval
    if before {
      let start = startWithTitles(target, at: try locate(target).index)
      blocks.insert(contentsOf: moved + (blank ? [blankLine] : []), at: start)
    } else {
      let end = try subtree(target).upperBound
      blocks.insert(contentsOf: (blank ? [blankLine] : []) + moved, at: end + 1)
    }
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    // Clauses that changed level under the moved one must read back at their new level.
    if levelShift != 0, moved.count(where: { $0.node != nil }) > 1, !readsBack {
      self = unmoved
      throw .unsupportedEdit(
        "\(key.rawValue) cannot take its sub-clauses to the level of \(target.rawValue): they would not read back as its sub-clauses")
    }
  }
}
