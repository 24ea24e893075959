/// Groups clauses into the lists they are numbered in: the paragraphs of a text (or of one
/// article), the subparagraphs of one paragraph, the items of one subparagraph.
enum OutlineLists {
  /// Which list a clause is numbered in.
  struct ListID: Hashable, Sendable {
    var article: String?
    var parent: ClauseKey?
    var level: Int
  }

  static func id(of node: ClauseNode) -> ListID {
    ListID(article: node.parentKey == nil ? node.article : nil, parent: node.parentKey, level: node.level)
  }

  /// The labelled lists, each in document order, in the order they first appear.
  static func lists(in blocks: [Block]) -> [[ClauseNode]] {
    keyedLists(in: blocks).map(\.members)
  }

  /// The labelled lists with their identities.
  static func keyedLists(in blocks: [Block]) -> [(id: ListID, members: [ClauseNode])] {
    var order: [ListID] = []
    var members: [ListID: [ClauseNode]] = [:]
    for case .clause(let node) in blocks where node.labelKind != .none {
      let id = id(of: node)
      if members[id] == nil { order.append(id) }
      members[id, default: []].append(node)
    }
    return order.compactMap { id in members[id].map { (id, $0) } }
  }
}

/// Checks the numbering of a parsed draft and reports gaps and repeats, without changing anything.
enum NumberingCheck {
  static func warnings(blocks: [Block], index: DraftIndex) -> [DraftWarning] {
    var warnings: [DraftWarning] = []
    for list in OutlineLists.lists(in: blocks) {
      var seen: Set<Int> = []
      var previous: (value: Int, clause: Clause)?
      for node in list {
        guard let clause = index.clause(node.key), let label = node.parsedLabel, label.suffix == nil,
          let value = LabelSequence.value(of: label.base, as: node.labelKind)
        else { continue }
        let name = noun(clause)
        if seen.contains(value) {
          warnings.append(DraftWarning(line: clause.line, message: "\(name) appears twice"))
        } else if let previous, value > previous.value + 1 {
          let missing = (previous.value + 1..<value).map { LabelSequence.label($0, as: node.labelKind) }
          let word = missing.count == 1 ? "is" : "are"
          warnings.append(
            DraftWarning(
              line: clause.line,
              message: "\(name) follows \(noun(previous.clause)); \(missing.joined(separator: ", ")) \(word) missing"))
        } else if let previous, value < previous.value {
          warnings.append(
            DraftWarning(line: clause.line, message: "\(name) comes after \(noun(previous.clause)): out of order"))
        }
        seen.insert(value)
        previous = (value, clause)
      }
    }
    return warnings.sorted { $0.line < $1.line }
  }

  /// "paragraph 4", "subparagraph 4 (c)", "item 9 (b) (ii)", "paragraph 4 of Article 2".
  static func noun(_ clause: Clause) -> String {
    let word: String
    switch clause.kind {
    case .paragraph: word = "paragraph"
    case .subparagraph: word = "subparagraph"
    case .item: word = "item"
    case .preambular, .articleText: return clause.id.display
    }
    if clause.id.scheme == .article, let article = clause.article {
      let inner = clause.id.display.dropFirst("Article \(article).".count)
      return "\(word) \(inner) of Article \(article)"
    }
    return "\(word) \(clause.id.display)"
  }
}
