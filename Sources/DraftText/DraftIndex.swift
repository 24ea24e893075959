/// The clauses of a list of blocks as they now stand: ids, eIds and line numbers, worked out in
/// one pass so that ids always follow from the labels and the outline.
struct DraftIndex: Equatable, Sendable {
  /// All clauses in document order.
  private(set) var clauses: [Clause] = []
  /// Where each key sits in `clauses`.
  private(set) var positions: [ClauseKey: Int] = [:]
  /// Where each key sits in the blocks.
  private(set) var blockIndices: [ClauseKey: Int] = [:]
  /// The first clause with each id (a repeated number in a messy draft has several).
  private(set) var firstWithID: [ClauseID: Int] = [:]

  init(blocks: [Block]) {
    var line = 1
    var preambular = 0
    var labels: [ClauseKey: [String]] = [:]
    for (blockIndex, block) in blocks.enumerated() {
      defer { line += block.lineBreaks }
      guard case .clause(let node) = block else { continue }
      let own = node.parsedLabel?.idComponent ?? node.marker.label.lowercased()
      let id: ClauseID
      switch node.kind {
      case .preambular:
        preambular += 1
        id = .preambular(preambular)
      case .articleText:
        id = .make(article: node.article ?? "", labels: [])
      case .paragraph, .subparagraph, .item:
        let path = (node.parentKey.flatMap { labels[$0] } ?? []) + [own]
        labels[node.key] = path
        id = .make(article: node.article, labels: path)
      }
      positions[node.key] = clauses.count
      if firstWithID[id] == nil { firstWithID[id] = clauses.count }
      blockIndices[node.key] = blockIndex
      clauses.append(
        Clause(
          key: node.key, id: id, eId: id.eId, kind: node.kind, label: node.marker.label,
          labelKind: node.labelKind, marker: node.marker.rendered, text: node.text, line: line,
          parentKey: node.parentKey, article: node.article))
    }
  }

  func clause(_ key: ClauseKey) -> Clause? {
    positions[key].map { clauses[$0] }
  }
}
