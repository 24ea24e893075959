/// The clauses of a list of blocks as they now stand: ids, eIds and line numbers, worked out in
/// one pass so that ids always follow from the labels and the outline.
struct DraftIndex: Equatable, Sendable {
  /// All clauses in document order.
  private(set) var clauses: [Clause] = []
  /// Where each key sits in `clauses` and in the blocks (one table: a long draft is indexed again
  /// after every list edit, and each lookup by key costs a hash of it).
  private var slots: [ClauseKey: Slot] = [:]
  /// Where the clause with each id sits (ids are unique: a repeated number gets `#2`…).
  private(set) var firstWithID: [ClauseID: Int] = [:]

  struct Slot: Equatable, Sendable {
    var position: Int
    var block: Int
  }

  /// Where `key` sits in `clauses`.
  func position(of key: ClauseKey) -> Int? { slots[key]?.position }

  /// Where `key` sits in the blocks.
  func blockIndex(of key: ClauseKey) -> Int? { slots[key]?.block }

  init(blocks: [Block]) {
    var unchanged = blocks
    self.init(blocks: &unchanged, keyingByID: false)
  }

  /// Indexes freshly parsed blocks, giving every clause its id as key ("7.b", "1#2": ids are
  /// unique) in the index and in `blocks` alike, in the same single pass.
  static func keyingByID(_ blocks: inout [Block]) -> DraftIndex {
    DraftIndex(blocks: &blocks, keyingByID: true)
  }

  private init(blocks: inout [Block], keyingByID: Bool) {
    var renamed: [ClauseKey: ClauseKey] = [:]
    if keyingByID { renamed.reserveCapacity(blocks.count) }
    slots.reserveCapacity(blocks.count)
    firstWithID.reserveCapacity(blocks.count)
    var line = 1
    var preambular = 0
    // Each labelled clause's path of labels ("7.b", with a repeat's "#2"), for its children's ids.
    var paths: [ClauseKey: String] = [:]
    var occurrences: [ClauseID: Int] = [:]
    occurrences.reserveCapacity(blocks.count)
    paths.reserveCapacity(blocks.count)
    clauses.reserveCapacity(blocks.count)
    for blockIndex in blocks.indices {
      defer { line += blocks[blockIndex].lineBreaks }
      guard case .clause(var node) = blocks[blockIndex] else { continue }
      if keyingByID, let parent = node.parentKey { node.parentKey = renamed[parent] ?? parent }
      let own = node.parsedLabel?.idComponent ?? node.marker.label.lowercased()
      let parentPath = node.parentKey.flatMap { paths[$0] }
      let path = parentPath.map { $0 + "." + own } ?? own
      let written: ClauseID
      switch node.kind {
      case .preambular:
        preambular += 1
        written = .preambular(preambular)
      case .articleText:
        written = .make(article: node.article ?? "", labels: [])
      case .paragraph, .subparagraph, .item, .option, .title, .unnumbered:
        written = .make(article: node.article, path: path)
      }
      // A number written twice in one list is kept as written; its id says which occurrence it is.
      let occurrence = Self.count(&occurrences[written, default: 0])
      let id = occurrence == 1 ? written : ClauseID(rawValue: ClauseRepeat.mark(written.rawValue, occurrence: occurrence))
      if keyingByID {
        let key = ClauseKey(id.rawValue)
        renamed[node.key] = key
        node.key = key
        blocks[blockIndex] = .clause(node)
      }
      if node.kind != .preambular && node.kind != .articleText {
        paths[node.key] = occurrence == 1 ? path : ClauseRepeat.mark(path, occurrence: occurrence)
      }
      slots[node.key] = Slot(position: clauses.count, block: blockIndex)
      if firstWithID[id] == nil { firstWithID[id] = clauses.count }
      clauses.append(
        Clause(
          key: node.key, id: id, kind: node.kind, label: node.marker.label,
          labelKind: node.labelKind, marker: node.marker.rendered, text: node.text, line: line,
          parentKey: node.parentKey, article: node.article))
    }
  }

  /// Adds one to `count` and returns it: one look-up of the table it is in.
  private static func count(_ count: inout Int) -> Int {
    count += 1
    return count
  }

  /// The index after clause `key`'s own text became `text`, which moved the lines after it by
  /// `lineShift`: ids, eIds, markers and positions stay as they are.
  mutating func replaceText(of key: ClauseKey, with text: String, lineShift: Int) {
    guard let position = slots[key]?.position else { return }
    clauses[position].text = text
    guard lineShift != 0 else { return }
    for later in clauses.indices.dropFirst(position + 1) { clauses[later].line += lineShift }
  }

  func clause(_ key: ClauseKey) -> Clause? {
    slots[key].map { clauses[$0.position] }
  }
}
