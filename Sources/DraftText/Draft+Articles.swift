/// Articles of a treaty-shaped text (docs/TREATIES.md): a `## Article N` heading and everything under
/// it up to the next heading. Articles are added, deleted and retitled here, and renumbered like
/// paragraphs once one has been added or deleted: headings follow, and so do the ids of their clauses
/// (`A5.1` → `A4.1`), which the numbering table then records.
extension Draft {
  /// One article heading as the draft now stands.
  public struct Article: Sendable, Equatable {
    /// The number as written ("4", "2bis").
    public var number: String
    /// The heading line as written ("## Article 4 *(adaptation)*").
    public var heading: String
    /// The 1-based line of the heading.
    public var line: Int
  }

  /// The article headings, in order.
  public var articles: [Article] {
    var found: [Article] = []
    var line = 1
    for block in blocks {
      defer { line += block.lineBreaks }
      guard case .line(let source) = block, let number = Self.articleNumber(source) else { continue }
      found.append(Article(number: number, heading: source.content, line: line))
    }
    return found
  }

  /// Deletes an article: its heading, its own text and everything under it, up to the next heading.
  public mutating func deleteArticle(_ number: String) throws(DraftError) {
    let range = try articleRange(number)
    let ending = endsWithLineEnding
    blocks.removeSubrange(range)
    articlesEdited = true
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
  }

  /// Adds an article after article `number` (after everything under it): a heading in the style of
  /// that article's, with `title` after the number when given, and `paragraphs` numbered from 1 in the
  /// style of the text's paragraphs. Until ``renumber()`` it carries a provisional number ("4bis").
  /// - Returns: The keys of the new paragraphs.
  @discardableResult
  public mutating func insertArticle(after number: String, title: String?, paragraphs: [String]) throws(DraftError) -> [ClauseKey] {
    let range = try articleRange(number)
    guard case .line(let anchor) = blocks[range.lowerBound], !paragraphs.isEmpty,
      paragraphs.allSatisfy({ !$0.trimmed.isEmpty })
    else { throw .unsupportedEdit("a new article needs at least one paragraph, each with its text") }
    let taken = Set(articles.map(\.number))
    var n = 1
    while taken.contains(number + Label.latinSuffix(n)) { n += 1 }
    let provisional = number + Label.latinSuffix(n)
    let heading = Self.heading(anchor.content, number: provisional, title: title)
    let style = subListStyle(level: 1, article: nil)
    var added: [Block] = [.line(SourceLine(content: heading, terminator: lineEnding)), blankLine]
    var keys: [ClauseKey] = []
    for (position, text) in paragraphs.enumerated() {
      insertedCount += 1
      let key = ClauseKey("new-\(insertedCount)")
      keys.append(key)
      let node = ClauseNode(
        key: key, kind: .paragraph, labelKind: .number, marker: style.marker.relabelled(String(position + 1)),
        text: normalisedLineBreaks(text), terminator: lineEnding, parentKey: nil, article: provisional)
      added += [.clause(node), blankLine]
    }
    let ending = endsWithLineEnding
    // Before the next heading, or at the end after a blank line.
    if range.upperBound == blocks.count, !(blocks.last?.isBlank ?? true) { added.insert(blankLine, at: 0) }
    if range.upperBound == blocks.count { added.removeLast() }
    blocks.insert(contentsOf: added, at: range.upperBound)
    articlesEdited = true
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    return keys
  }

  /// Gives article `number` a new title: what follows "Article N" on its heading line.
  public mutating func retitleArticle(_ number: String, title: String?) throws(DraftError) {
    let range = try articleRange(number)
    guard case .line(var line) = blocks[range.lowerBound] else { throw .unsupportedEdit("Article \(number) has no heading") }
    line.content = Self.heading(line.content, number: number, title: title)
    blocks[range.lowerBound] = .line(line)
  }

  /// Numbers the articles 1, 2, 3… in order, rewriting each heading's number and the article of each
  /// clause under it; called by ``renumber()`` once an article was added or deleted.
  mutating func renumberArticles() {
    guard articlesEdited else { return }
    var position = 0
    var current: String?
    var renamed: [String: String] = [:]
    for index in blocks.indices {
      switch blocks[index] {
      case .line(var line):
        guard let number = Self.articleNumber(line) else {
          if line.content.trimmed.hasPrefix("#") { current = nil }
          continue
        }
        position += 1
        let new = String(position)
        current = new
        renamed[number] = renamed[number] ?? new
        if number != new {
          line.content = Self.heading(line.content, number: new, title: nil, keepTitle: true)
          blocks[index] = .line(line)
        }
      case .clause(var node):
        guard let current, node.article != current else { continue }
        node.article = current
        blocks[index] = .clause(node)
      case .titleLine:
        continue
      }
    }
    // The lists an edit touched are named by article: they keep their names under the new numbers.
    editedLists = Set(
      editedLists.map { list in
        var list = list
        if let article = list.article, let new = renamed[article] { list.article = new }
        return list
      })
    reindex()
  }

  /// The blocks of article `number`: its heading up to the next heading (or the end).
  func articleRange(_ number: String) throws(DraftError) -> Range<Int> {
    guard
      let start = blocks.firstIndex(where: { block in
        if case .line(let line) = block { return Self.articleNumber(line)?.lowercased() == number.lowercased() }
        return false
      })
    else { throw .unsupportedEdit("the draft has no Article \(number)") }
    let end =
      blocks.indices.dropFirst(start + 1).first { index in
        if case .line(let line) = blocks[index] { return line.content.trimmed.hasPrefix("#") }
        return false
      } ?? blocks.count
    return start..<end
  }

  static func articleNumber(_ line: SourceLine) -> String? {
    let body = line.content.trimmed
    guard body.hasPrefix("#") else { return nil }
    return DraftParser.articleNumber(inHeading: body)
  }

  /// `heading` with its article number replaced by `number`, its brackets and hashes kept, and the
  /// rest of the line replaced by `title` (kept as written with `keepTitle`).
  static func heading(_ heading: String, number: String, title: String?, keepTitle: Bool = false) -> String {
    guard let range = heading.range(of: "article ", options: .caseInsensitive) else { return heading }
    let prefix = heading[..<range.upperBound]
    var rest = heading[range.upperBound...]
    let digits = rest.prefix(while: \.isASCIIDigit)
    rest = rest.dropFirst(digits.count)
    // A suffix glued ("2bis") or spaced ("8 bis").
    let spaced = rest.drop(while: { $0 == " " })
    let word = spaced.prefix(while: { $0.isLetter && $0.isLowercase })
    if !word.isEmpty, Label.isSuffix(String(word)) { rest = spaced.dropFirst(word.count) }
    // A closing bracket right after the number stays ("[Article 3bis]").
    let bracket = rest.hasPrefix("]") ? "]" : ""
    if !bracket.isEmpty { rest = rest.dropFirst() }
    let tail = keepTitle ? String(rest) : (title.map { " " + $0 } ?? "")
    return String(prefix) + number + bracket + tail
  }
}
