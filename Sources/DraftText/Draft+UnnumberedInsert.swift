extension Draft {
  /// Inserts an unnumbered paragraph of the article after its own text or after one of its
  /// unnumbered lines ("DONE at Paris…" after the last article's text): one line, set apart as the
  /// line it follows is. Until the draft is read again its key is "A29@new1"…
  mutating func insertUnnumbered(_ text: String, after key: ClauseKey) throws(DraftError) -> ClauseKey {
    guard !text.trimmed.isEmpty else { throw .emptyText(key) }
    guard !text.contains(where: \.isNewline) else {
      throw .unsupportedEdit("an unnumbered paragraph is one line; table each line on its own")
    }
    let position: Int
    let owner: LooseNode.Owner
    let article: String
    if let found = blocks.firstIndex(where: { $0.loose?.key == key }), let anchor = blocks[found].loose, anchor.kind == .text {
      (position, owner, article) = (found, anchor.owner, anchor.article)
    } else {
      let (found, node) = try locate(key)
      guard node.kind == .articleText, let number = node.article else {
        throw .unsupportedEdit("only an article's own text or an unnumbered line is followed by an unnumbered paragraph")
      }
      (position, owner, article) = (found, .article, number)
    }
    insertedCount += 1
    let node = LooseNode(
      key: ClauseKey("A\(article.lowercased())@new\(insertedCount)"), kind: .text, owner: owner, article: article, marker: "",
      text: text, terminator: lineEnding)
    let separated = position > 0 && blocks[position - 1].isBlank
    let ending = endsWithLineEnding
    blocks.insert(contentsOf: separated ? [blankLine, .loose(node)] : [.loose(node)], at: position + 1)
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    return node.key
  }
}
