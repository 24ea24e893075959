/// Groups clauses into the lists they are numbered in: the paragraphs of a text (or of one
/// article), the subparagraphs of one paragraph, the items of one subparagraph.
enum OutlineLists {
  /// Which list a clause is numbered in.
  struct ListID: Hashable, Sendable {
    var article: String?
    var parent: ClauseKey?
    var level: Int
    /// Which run of parallel numbering: 0, then 1, 2… each time the source started the list again
    /// at its first label (Option 1 numbered 1, 2 and Option 2 numbered 1, 2, 3 under one article).
    var run = 0
  }

  static func id(of node: ClauseNode, byRun: Bool = true) -> ListID {
    ListID(article: node.parentKey == nil ? node.article : nil, parent: node.parentKey, level: node.level, run: byRun ? node.run : 0)
  }

  /// The labelled lists, each in document order, in the order they first appear; a list numbered
  /// afresh under each option counts as one here (for the warnings about repeats).
  static func lists(in blocks: [Block]) -> [[ClauseNode]] {
    keyedLists(in: blocks, byRun: false).map(\.members)
  }

  /// The labelled lists with their identities; `byRun` keeps each run of parallel numbering apart,
  /// as renumbering does.
  /// `only`, when given, limits them to those lists.
  static func keyedLists(
    in blocks: [Block], byRun: Bool = true, only: Set<ListID>? = nil
  ) -> [(id: ListID, members: [ClauseNode])] {
    var order: [ListID] = []
    var members: [ListID: [ClauseNode]] = [:]
    for case .clause(let node) in blocks where node.labelKind != .none {
      let id = id(of: node, byRun: byRun)
      if let only, !only.contains(id) { continue }
      if members[id] == nil { order.append(id) }
      members[id, default: []].append(node)
    }
    return order.compactMap { id in members[id].map { (id, $0) } }
  }
}

extension OutlineLists {
  /// Marks each labelled clause of freshly parsed blocks with the run of parallel numbering it is
  /// in: a list that starts again at its first label ("1", "a", "i") after it has members begins a new
  /// run, so renumbering one option's paragraphs never runs on into the next option's.
  static func markRuns(_ blocks: inout [Block]) {
    var started: Set<ListID> = []
    var runs: [ListID: Int] = [:]
    for index in blocks.indices {
      guard case .clause(var node) = blocks[index], node.labelKind != .none else { continue }
      let list = id(of: node, byRun: false)
      let value = node.parsedLabel.flatMap { $0.suffix == nil ? LabelSequence.value(of: $0.base, as: node.labelKind) : nil }
      if started.contains(list), value == 1 { runs[list, default: 0] += 1 }
      started.insert(list)
      let run = runs[list] ?? 0
      guard run != node.run else { continue }
      node.run = run
      blocks[index] = .clause(node)
    }
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
          warnings.append(
            DraftWarning(
              line: clause.line,
              message: "\(noun(clause, plain: true)) appears again: this one is \(clause.id.display), id \(clause.id.rawValue)"))
        } else if let previous, previous.value < Int.max, value > previous.value + 1 {
          warnings.append(
            DraftWarning(
              line: clause.line,
              message: "\(name) follows \(noun(previous.clause)); \(missing(previous.value, value, node.labelKind))"))
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

  /// "3 is missing", "3, 4 are missing"; a long run as "4 to 998 are missing".
  private static func missing(_ previous: Int, _ value: Int, _ kind: LabelKind) -> String {
    let count = value - previous - 1
    if count == 1 { return "\(LabelSequence.label(previous + 1, as: kind)) is missing" }
    if count <= 5 {
      return (previous + 1..<value).map { LabelSequence.label($0, as: kind) }.joined(separator: ", ") + " are missing"
    }
    return "\(LabelSequence.label(previous + 1, as: kind)) to \(LabelSequence.label(value - 1, as: kind)) are missing"
  }

  /// "paragraph 4", "subparagraph 4 (c)", "item 9 (b) (ii)", "paragraph 4 of Article 2"; `plain`
  /// leaves out which occurrence of a repeated number the clause is.
  static func noun(_ clause: Clause, plain: Bool = false) -> String {
    let id = plain ? ClauseID(rawValue: ClauseRepeat.split(clause.id.rawValue).label) : clause.id
    let word: String
    switch clause.kind {
    case .paragraph: word = "paragraph"
    case .subparagraph: word = "subparagraph"
    case .item: word = "item"
    case .preambular, .articleText, .option, .title, .unnumbered: return clause.id.display
    }
    if id.scheme == .article, let article = clause.article, id.display.hasPrefix("Article \(article).") {
      let inner = id.display.dropFirst("Article \(article).".count)
      return "\(word) \(inner) of Article \(article)"
    }
    return "\(word) \(id.display)"
  }
}
