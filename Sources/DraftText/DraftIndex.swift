/// The clauses of a list of blocks as they now stand: ids, eIds and line numbers, worked out in
/// one pass so that ids always follow from the labels and the outline.
struct DraftIndex: Equatable, Sendable {
  /// All clauses in document order.
  private(set) var clauses: [Clause] = []
  /// Where each key sits in `clauses`.
  private(set) var positions: [ClauseKey: Int] = [:]
  /// Where each key sits in the blocks.
  private(set) var blockIndices: [ClauseKey: Int] = [:]
  /// Where the clause with each id sits (ids are unique: a repeated number gets `#2`…).
  private(set) var firstWithID: [ClauseID: Int] = [:]

  init(blocks: [Block]) {
    var line = 1
    var preambular = 0
    var labels: [ClauseKey: [String]] = [:]
    var occurrences: [ClauseID: Int] = [:]
    for (blockIndex, block) in blocks.enumerated() {
      defer { line += block.lineBreaks }
      guard case .clause(let node) = block else { continue }
      let own = node.parsedLabel?.idComponent ?? node.marker.label.lowercased()
      let parentPath = node.parentKey.flatMap { labels[$0] } ?? []
      let written: ClauseID
      switch node.kind {
      case .preambular:
        preambular += 1
        written = .preambular(preambular)
      case .articleText:
        written = .make(article: node.article ?? "", labels: [])
      case .paragraph, .subparagraph, .item:
        written = .make(article: node.article, labels: parentPath + [own])
      }
      // A number written twice in one list is kept as written; its id says which occurrence it is.
      let occurrence = (occurrences[written] ?? 0) + 1
      occurrences[written] = occurrence
      let id = ClauseID(rawValue: ClauseRepeat.mark(written.rawValue, occurrence: occurrence))
      if node.kind != .preambular && node.kind != .articleText {
        labels[node.key] = parentPath + [ClauseRepeat.mark(own, occurrence: occurrence)]
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
