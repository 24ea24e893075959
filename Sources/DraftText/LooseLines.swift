/// The lines inside an article that are no clause (docs/TREATIES.md, "Unnumbered lines"): option
/// lines ("**Option 2:** …"), bold paragraph titles ("**Mobilization**"), unnumbered paragraphs and
/// continuation lines. Each belongs to something — a clause, the article, or a bare option line —
/// and has an id made from its owner's (`A2bis@option2`, `A6.2@title`, `A3.2@text1`), so it can be
/// named, replaced and deleted, and travels with the clause it belongs to.
///
/// They are not among ``Draft/clauses``: a text without such lines (every text without `## Article`
/// headings) is parsed, listed and counted as before.
struct LooseNode: Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    /// An option line; the label as written, lower-case ("2", "ii").
    case option(String)
    /// A bold title on a line of its own.
    case title
    /// An unnumbered paragraph or continuation line (several lines when no blank line parts them).
    case text
  }

  /// What a line belongs to.
  enum Owner: Equatable, Sendable {
    /// A clause: the one above it (a continuation line, an option of the clause), or below it (a title).
    case clause(ClauseKey)
    /// The article itself: lines under its heading before any clause, and the options they open.
    case article
    /// A bare option line ("**Option 1:**" alone), for the text right under it.
    case loose(ClauseKey)
  }

  var key: ClauseKey
  var kind: Kind
  var owner: Owner
  /// The article it stands in, as numbered now.
  var article: String
  /// The indentation, and for an option its "**Option 2:**" and the spaces after it.
  var marker: String
  /// The rest of the first line and any further lines, with their line endings.
  var text: String
  var terminator: String

  var rendered: String { marker + text + terminator }

  /// An option line with no words of its own: what follows it, up to the next option, is the option.
  var isBareOption: Bool {
    if case .option = kind { return text.trimmed.isEmpty }
    return false
  }

  var optionLabel: String? {
    if case .option(let label) = kind { return label }
    return nil
  }

  /// Whether `other` is an option of the same group as this line: the same owner (for the article,
  /// the same article).
  func sharesOptions(with other: LooseNode) -> Bool {
    other.optionLabel != nil && other.owner == owner && (owner != .article || other.article == article)
  }
}

enum LooseLines {
  /// The option line's marker, label and text, when `content` is one ("**Option 2:** …",
  /// "**Option II:**: …", "**Option 1**:").
  static func option(_ content: String) -> (marker: String, label: String, text: String)? {
    let indent = content.leadingSpace
    let body = content.dropFirst(indent.count)
    guard body.hasPrefix("**") else { return nil }
    let inner = body.dropFirst(2)
    guard inner.lowercased().hasPrefix("option ") else { return nil }
    let afterWord = inner.dropFirst("option ".count)
    let label = afterWord.prefix(while: { $0.isLetter || $0.isNumber })
    guard !label.isEmpty, LooseLines.value(of: String(label)) != nil else { return nil }
    var rest = afterWord.dropFirst(label.count)
    // ":**", "**:", ":**:" and the spaces after.
    var took = false
    while let first = rest.first, first == ":" || first == "*" {
      rest = rest.dropFirst()
      took = true
    }
    guard took else { return nil }
    let spaces = rest.prefix(while: { $0 == " " || $0 == "\t" })
    rest = rest.dropFirst(spaces.count)
    let marker = String(content.prefix(content.count - rest.count))
    return (marker, label.lowercased(), String(rest))
  }

  /// An option label's place: "2" → 2, "ii" → 2.
  static func value(of label: String) -> Int? {
    LabelSequence.value(of: label.lowercased(), as: .number) ?? LabelSequence.value(of: label.lowercased(), as: .roman)
  }

  /// Whether `content` is a bold title standing alone ("**Mobilization**").
  static func isTitle(_ content: String) -> Bool {
    let body = content.trimmed
    return body.count > 4 && body.hasPrefix("**") && body.hasSuffix("**")
  }

  /// Turns the unstructured lines inside articles of freshly parsed (and keyed) blocks into
  /// unnumbered lines, each with its owner, keyed by its id as parsed.
  /// - Returns: Whether there were any (and the blocks changed).
  @discardableResult
  /// A line without an option's marker as a node: its indentation kept as its marker.
  private static func unmarked(
    _ line: SourceLine, key: ClauseKey, kind: LooseNode.Kind, owner: LooseNode.Owner, article: String
  ) -> LooseNode {
    let indent = line.content.leadingSpace
    return LooseNode(
      key: key, kind: kind, owner: owner, article: article, marker: indent,
      text: String(line.content.dropFirst(indent.count)), terminator: line.terminator)
  }

  static func attach(_ blocks: inout [Block], index: DraftIndex) -> Bool {
    var article: String?
    var lastClause: ClauseKey?
    /// The most recent thing a text line would belong to: a clause, a bare option, or the owner of a
    /// worded option.
    var textOwner: LooseNode.Owner = .article
    /// The most recent option line in the article: its owner and label's value.
    var lastOption: (owner: LooseNode.Owner, value: Int, indent: Int)?
    var result: [Block] = []
    result.reserveCapacity(blocks.count)
    var count = 0
    var any = false
    for (position, block) in blocks.enumerated() {
      switch block {
      case .clause(let node):
        lastClause = node.key
        textOwner = .clause(node.key)
        if node.article != article { article = node.article }
        result.append(block)
      case .titleLine:
        result.append(block)
      case .loose:
        result.append(block)
      case .line(let line):
        let body = line.content.trimmed
        if body.hasPrefix("#") {
          article = Draft.articleNumber(line)
          lastClause = nil
          textOwner = .article
          lastOption = nil
          result.append(block)
          continue
        }
        guard let article, !line.isBlank else {
          result.append(block)
          continue
        }
        any = true
        count += 1
        let key = ClauseKey("loose-\(count)")
        if let (marker, label, text) = option(line.content), let value = value(of: label) {
          let indent = line.content.leadingSpace.count
          let owner: LooseNode.Owner
          if let lastOption, lastOption.value == value - 1 {
            owner = lastOption.owner
          } else {
            owner = lastClause.map(LooseNode.Owner.clause) ?? .article
          }
          lastOption = (owner, value, indent)
          let node = LooseNode(
            key: key, kind: .option(label), owner: owner, article: article, marker: marker, text: text, terminator: line.terminator)
          textOwner = node.isBareOption ? .loose(key) : owner
          result.append(.loose(node))
        } else if isTitle(line.content) {
          // A title heads the clause under it (up to the next heading).
          let next = blocks[(position + 1)...].lazy.prefix { block in
            if case .line(let line) = block { return !line.content.trimmed.hasPrefix("#") }
            return true
          }.compactMap(\.node).first?.key
          let owner = next.map(LooseNode.Owner.clause) ?? textOwner
          // The text under a title heads the same clause ("[Preamble: …]").
          textOwner = owner
          result.append(.loose(unmarked(line, key: key, kind: .title, owner: owner, article: article)))
        } else if case .loose(var previous) = result.last, previous.kind == .text, !previous.terminator.isEmpty {
          // A paragraph runs on over lines no blank line parts.
          count -= 1
          previous.text += previous.terminator + line.content
          previous.terminator = line.terminator
          result[result.count - 1] = .loose(previous)
        } else {
          result.append(.loose(unmarked(line, key: key, kind: .text, owner: textOwner, article: article)))
        }
      }
    }
    guard any else { return false }
    // Keys as the ids they have when parsed, as clauses are keyed.
    var renamed: [ClauseKey: ClauseKey] = [:]
    for (key, id) in ids(in: result, index: index) { renamed[key] = ClauseKey(id.rawValue) }
    blocks = result.map { block in
      guard case .loose(var node) = block else { return block }
      node.key = renamed[node.key] ?? node.key
      if case .loose(let owner) = node.owner { node.owner = .loose(renamed[owner] ?? owner) }
      return .loose(node)
    }
    return true
  }

  /// The id of every unnumbered line, in document order.
  static func ids(in blocks: [Block], index: DraftIndex) -> [(ClauseKey, ClauseID)] {
    var found: [(ClauseKey, ClauseID)] = []
    var byKey: [ClauseKey: ClauseID] = [:]
    var used: [ClauseID: Int] = [:]
    var texts: [ClauseID: Int] = [:]
    for case .loose(let node) in blocks {
      let owner: ClauseID
      switch node.owner {
      case .clause(let key): owner = index.clause(key)?.id ?? ClauseID.make(article: node.article, labels: [])
      case .article: owner = ClauseID.make(article: node.article, labels: [])
      case .loose(let key): owner = byKey[key] ?? ClauseID.make(article: node.article, labels: [])
      }
      let tag: String
      switch node.kind {
      case .option(let label): tag = "option" + label
      case .title: tag = "title"
      case .text:
        let n = (texts[owner] ?? 0) + 1
        texts[owner] = n
        tag = "text\(n)"
      }
      let plain = ClauseID.unnumbered(tag, of: owner)
      let occurrence = (used[plain] ?? 0) + 1
      used[plain] = occurrence
      let id = ClauseID.unnumbered(ClauseRepeat.mark(tag, occurrence: occurrence), of: owner)
      byKey[node.key] = id
      found.append((node.key, id))
    }
    return found
  }
}

extension Draft {
  /// The unnumbered lines inside articles — options, bold titles, unnumbered paragraphs and
  /// continuation lines — as clauses a proposal can be tabled against (kind ``Clause/Kind/option``,
  /// ``Clause/Kind/title`` or ``Clause/Kind/unnumbered``), in order. They are not among ``clauses``;
  /// ``clause(_:)`` and ``resolve(_:)`` find them.
  public var unnumberedLines: [Clause] {
    var ids: [ClauseKey: ClauseID] = [:]
    var any = false
    var line = 1
    var found: [Clause] = []
    for block in blocks {
      defer { line += block.lineBreaks }
      guard case .loose(let node) = block else { continue }
      if !any {
        ids = Dictionary(uniqueKeysWithValues: LooseLines.ids(in: blocks, index: index))
        any = true
      }
      let id = ids[node.key] ?? ClauseID(rawValue: node.key.rawValue)
      let kind: Clause.Kind
      switch node.kind {
      case .option: kind = .option
      case .title: kind = .title
      case .text: kind = .unnumbered
      }
      let parent: ClauseKey?
      switch node.owner {
      case .clause(let key), .loose(let key): parent = key
      case .article: parent = nil
      }
      found.append(
        Clause(
          key: node.key, id: id, kind: kind, label: node.optionLabel ?? "", labelKind: .none, marker: node.marker,
          text: node.text, line: line, parentKey: parent, article: node.article))
    }
    return found
  }

  /// The block index of unnumbered line `key`.
  func looseIndex(_ key: ClauseKey) -> Int? {
    blocks.firstIndex { $0.loose?.key == key }
  }

  /// Whether `key` names something the block owns, through owners of owners: `keys` are the
  /// clauses and lines taken so far.
  static func owned(_ node: LooseNode, by keys: Set<ClauseKey>) -> Bool {
    switch node.owner {
    case .clause(let key), .loose(let key): return keys.contains(key)
    case .article: return false
    }
  }

  /// The end of a range of blocks extended over the unnumbered lines right after it that belong to
  /// what it holds (blank lines between them included, a blank line after them not).
  func extendedOverOwnedLines(_ range: ClosedRange<Int>) -> ClosedRange<Int> {
    var keys = Set(blocks[range].compactMap { $0.node?.key ?? $0.loose?.key })
    var end = range.upperBound
    for position in blocks.indices.dropFirst(range.upperBound + 1) {
      if blocks[position].isBlank { continue }
      guard case .loose(let node) = blocks[position], Self.owned(node, by: keys) else { break }
      keys.insert(node.key)
      end = position
    }
    return range.lowerBound...end
  }

  /// The first block of a clause together with the lines right above it that belong to it (its
  /// title, and the text under the title).
  func startWithTitles(_ key: ClauseKey, at start: Int) -> Int {
    var first = start
    var position = start - 1
    while position >= 0 {
      if blocks[position].isBlank {
        position -= 1
        continue
      }
      guard case .loose(let node) = blocks[position], node.owner == .clause(key) else { break }
      first = position
      position -= 1
    }
    return first
  }

  /// The blocks an unnumbered line stands for: a bare option line and everything up to the next
  /// option of its group (for the group's last, to the end of what its owner holds); any other line
  /// with what belongs to it.
  func looseRange(_ key: ClauseKey) throws(DraftError) -> ClosedRange<Int> {
    guard let start = looseIndex(key), case .loose(let node) = blocks[start] else { throw .unknownKey(key) }
    guard node.isBareOption else { return extendedOverOwnedLines(start...start) }
    // The end of the owner's reach: the next heading, or past the owning clause's subtree.
    var limit = blocks.count
    if case .clause(let owner) = node.owner, let range = try? subtree(owner) { limit = range.upperBound + 1 }
    var end = start
    for position in blocks.indices.dropFirst(start + 1) where position < limit {
      let block = blocks[position]
      if case .line(let line) = block, line.content.trimmed.hasPrefix("#") { break }
      if case .loose(let other) = block, node.sharesOptions(with: other) { break }
      if !block.isBlank { end = position }
    }
    return start...end
  }

  /// Where lines were taken out at `seam`, one blank line where several now meet (a source that
  /// left two blank lines between options would otherwise leave them both).
  mutating func collapseBlankLines(at seam: Int) {
    var start = min(seam, blocks.count)
    while start > 0, blocks[start - 1].isBlank { start -= 1 }
    var end = min(seam, blocks.count)
    while end < blocks.count, blocks[end].isBlank { end += 1 }
    if end - start > 1 { blocks.removeSubrange((start + 1)..<end) }
  }

  /// Replaces an unnumbered line's words, keeping its indentation (and an option's "**Option 2:**").
  mutating func replaceLooseText(_ key: ClauseKey, with text: String) throws(DraftError) {
    guard !text.trimmed.isEmpty else { throw .emptyText(key) }
    guard let position = looseIndex(key), case .loose(var node) = blocks[position] else { throw .unknownKey(key) }
    if node.text.isEmpty, let last = node.marker.last, !last.isWhitespace { node.marker += " " }
    node.text = normalisedLineBreaks(text)
    blocks[position] = .loose(node)
    reindex()
  }

  /// Deletes an unnumbered line with what it stands for (see ``looseRange(_:)``) and the blank line
  /// that separated it. - Returns: the keys of the clauses deleted with it.
  @discardableResult
  mutating func deleteLoose(_ key: ClauseKey) throws(DraftError) -> [ClauseKey] {
    let range = try looseRange(key)
    let gone = blocks[range].compactMap(\.node)
    for node in gone { editedLists.insert(OutlineLists.id(of: node)) }
    let ending = endsWithLineEnding
    let removed = removalRange(for: range)
    blocks.removeSubrange(removed)
    collapseBlankLines(at: removed.lowerBound)
    joinRuns(across: removed.lowerBound)
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    return gone.map(\.key)
  }

  /// The "**Option 1:**" a clause's text opens with ("2. **Option 1:** All Parties…"), if any: the
  /// first option of the option lines under it.
  public static func openingOption(_ text: String) -> String? {
    LooseLines.option(text).map(\.label)
  }

  /// Chooses an option: keeps option `key`'s content, deletes the other options of its group with
  /// everything under them, and the chosen option's own "**Option N:**" (a worded option keeps its
  /// words as an unnumbered line); its numbered paragraphs renumber as one list. Where the clause the
  /// options belong to opens with "**Option 1:**" itself, that is the group's first option: `key`
  /// may be that clause (its words stay, the option lines go), and choosing another option puts that
  /// option's words in the clause's place.
  /// - Returns: The keys of the clauses deleted.
  @discardableResult
  public mutating func chooseOption(_ key: ClauseKey) throws(DraftError) -> [ClauseKey] {
    if index.clause(key) != nil {
      let (at, node) = try locate(key)
      guard let marker = LooseLines.option(node.text)?.marker else { throw .unsupportedEdit("\(key.rawValue) is not an option") }
      let others = blocks.compactMap(\.loose).filter { $0.optionLabel != nil && $0.owner == .clause(key) }
      guard !others.isEmpty else { throw .unsupportedEdit("\(key.rawValue) has no other options") }
      var clause = node
      clause.text = String(node.text.dropFirst(marker.count))
      blocks[at] = .clause(clause)
      var gone: [ClauseKey] = []
      for other in others.reversed() { gone += try deleteLoose(other.key) }
      reindex()
      return gone
    }
    guard let position = looseIndex(key) else { throw .unknownKey(key) }
    guard case .loose(let chosen) = blocks[position], chosen.optionLabel != nil else {
      throw .unsupportedEdit("\(key.rawValue) is not an option")
    }
    if case .clause(let ownerKey) = chosen.owner, !chosen.isBareOption, let (at, owner) = try? locate(ownerKey),
      LooseLines.option(owner.text) != nil
    {
      // The first option is the clause's own words: the chosen option's words take their place.
      var clause = owner
      clause.text = chosen.text
      blocks[at] = .clause(clause)
      let options = blocks.compactMap(\.loose).filter { chosen.sharesOptions(with: $0) }
      var gone: [ClauseKey] = []
      for other in options.reversed() { gone += try deleteLoose(other.key) }
      reindex()
      return gone
    }
    let others = blocks.compactMap(\.loose).filter { chosen.sharesOptions(with: $0) && $0.key != key }
    let keptRange = try looseRange(key)
    let kept = blocks[keptRange].compactMap(\.node)
    var gone: [ClauseKey] = []
    for other in others.reversed() { gone += try deleteLoose(other.key) }
    guard let at = looseIndex(key), case .loose(var node) = blocks[at] else { throw .unknownKey(key) }
    let ending = endsWithLineEnding
    if node.isBareOption {
      let removed = removalRange(for: at...at)
      blocks.removeSubrange(removed)
      collapseBlankLines(at: removed.lowerBound)
    } else if node.owner == .article, node.marker.leadingSpace.isEmpty,
      blocks[..<at].last(where: { !$0.isBlank }).map({ if case .line(let line) = $0 { Self.articleNumber(line) != nil } else { false } })
        ?? false
    {
      // Right under the heading, the option's words are the article's own text, as they read back.
      insertedCount += 1
      blocks[at] = .clause(
        ClauseNode(
          key: ClauseKey("new-\(insertedCount)"), kind: .articleText, labelKind: .none, marker: .unlabelled(indent: ""), text: node.text,
          terminator: node.terminator, parentKey: nil, article: node.article))
    } else {
      node.marker = node.marker.leadingSpace
      node.kind = .text
      blocks[at] = .loose(node)
    }
    // The chosen paragraphs and the lists they stand in number as one list from here.
    let lists = Set(kept.map { OutlineLists.id(of: $0, byRun: false) })
    for index in blocks.indices {
      guard case .clause(var clause) = blocks[index], lists.contains(OutlineLists.id(of: clause, byRun: false)) else { continue }
      clause.run = 0
      editedLists.insert(OutlineLists.id(of: clause))
      blocks[index] = .clause(clause)
    }
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    return gone
  }
}
