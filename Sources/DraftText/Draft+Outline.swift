/// Where clauses sit among the blocks: the helpers that edits are built on.
extension Draft {
  /// The block index and stored form of a clause.
  func locate(_ key: ClauseKey) throws(DraftError) -> (index: Int, node: ClauseNode) {
    guard let index = index.blockIndex(of: key), case .clause(let node) = blocks[index] else {
      throw .unknownKey(key)
    }
    return (index, node)
  }

  /// The blocks from a clause to its last descendant, with anything in between.
  func subtree(_ key: ClauseKey) throws(DraftError) -> ClosedRange<Int> {
    let (start, _) = try locate(key)
    var members: Set<ClauseKey> = [key]
    var end = start
    for position in blocks.indices.dropFirst(start + 1) {
      guard case .clause(let node) = blocks[position] else { continue }
      guard let parent = node.parentKey, members.contains(parent) else { break }
      members.insert(node.key)
      end = position
    }
    return extendedOverOwnedLines(start...end)
  }

  /// The keys of a clause and everything listed under it.
  func family(_ key: ClauseKey) throws(DraftError) -> Set<ClauseKey> {
    Set(try subtree(key).compactMap { blocks[$0].node?.key })
  }

  /// The clauses in the same list as `node`, in order, `node` included.
  func siblings(of node: ClauseNode) -> [ClauseNode] {
    blocks.compactMap(\.node).filter { other in
      other.parentKey == node.parentKey && other.level == node.level && other.run == node.run
        && (node.parentKey != nil || other.article == node.article)
    }
  }

  /// Whether the list `node` belongs to separates its members with blank lines, judged from the
  /// gap before `node`, else the gap after it, else the line right above it.
  func separatedByBlankLines(_ node: ClauseNode) throws(DraftError) -> Bool {
    let list = siblings(of: node)
    guard let position = list.firstIndex(where: { $0.key == node.key }) else { return false }
    let start = try locate(node.key).index
    if position > 0 {
      let previousEnd = try subtree(list[position - 1].key).upperBound
      return blocks[(previousEnd + 1)..<start].contains(where: \.isBlank)
    }
    let end = try subtree(node.key).upperBound
    if position + 1 < list.count {
      let nextStart = try locate(list[position + 1].key).index
      return blocks[(end + 1)..<nextStart].contains(where: \.isBlank)
    }
    return start > 0 && blocks[start - 1].isBlank
  }

  /// A label for a clause proposed after `node`, before renumbering: "b bis", then "b ter"….
  func provisionalLabel(after node: ClauseNode) -> String {
    guard node.labelKind != .none, let label = node.parsedLabel else { return "" }
    let taken = Set(siblings(of: node).map(\.marker.label))
    var n = 1
    while taken.contains(Label(base: label.base, suffix: Label.latinSuffix(n)).written) { n += 1 }
    return Label(base: label.base, suffix: Label.latinSuffix(n)).written
  }

  /// A label for a clause proposed before `node`: after its previous sibling, or "a pre" before a first.
  func provisionalLabel(before node: ClauseNode) -> String {
    guard node.labelKind != .none, let label = node.parsedLabel else { return "" }
    let list = siblings(of: node)
    if let position = list.firstIndex(where: { $0.key == node.key }), position > 0 {
      return provisionalLabel(after: list[position - 1])
    }
    return Label(base: label.base, suffix: Label.beforeFirstSuffix).written
  }

  /// A blank line in the draft's own line ending.
  var blankLine: Block { .line(SourceLine(content: "", terminator: lineEnding)) }

  /// `text` with its line breaks written as the draft writes them.
  func normalisedLineBreaks(_ text: String) -> String {
    // Most texts are one line: no need to look at the draft's line ending.
    guard text.utf8.contains(0x0A) else { return text }
    let unix = text.split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
    guard lineEnding == "\r\n" else { return unix }
    return unix.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
  }

  /// Whether the text ends with a line ending, to keep it so (or not) across an edit.
  var endsWithLineEnding: Bool { blocks.last?.rendered.hasSuffix("\n") ?? true }

  /// Makes every block but the last end with a line ending, and the last end as before the edit.
  mutating func restoreLineEnds(endingWithLineEnding: Bool) {
    let ending = lineEnding
    for position in blocks.indices.dropLast() where !blocks[position].ending.hasSuffix("\n") {
      blocks[position] = blocks[position].withTerminator(ending)
    }
    guard let last = blocks.indices.last else { return }
    let hasEnding = blocks[last].rendered.hasSuffix("\n")
    if endingWithLineEnding && !hasEnding {
      blocks[last] = blocks[last].withTerminator(ending)
    } else if !endingWithLineEnding && hasEnding {
      blocks[last] = blocks[last].withTerminator("")
    }
  }
}

extension Block {
  /// The block with another line ending after its last line.
  func withTerminator(_ terminator: String) -> Block {
    switch self {
    case .line(var line):
      line.terminator = terminator
      return .line(line)
    case .titleLine(let part, var line):
      line.terminator = terminator
      return .titleLine(part, line)
    case .clause(var node):
      node.terminator = terminator
      return .clause(node)
    case .loose(var node):
      node.terminator = terminator
      return .loose(node)
    }
  }
}
