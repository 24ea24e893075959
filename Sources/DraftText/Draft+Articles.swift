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

  /// The heading line of article `number` as a clause a proposal can be tabled against: id
  /// `A4.heading` ("Article 4 heading"), its marker the heading up to the number and a space before
  /// a title ("## Article 4 "), its text the title after it. Headings are not among ``clauses``; ``clause(_:)`` finds them.
  public func headingClause(_ number: String) -> Clause? {
    guard let article = articles.first(where: { $0.number.lowercased() == number.lowercased() }) else { return nil }
    return Self.headingClause(article)
  }

  /// Every article heading as a clause (see ``headingClause(_:)``), in order.
  public var headingClauses: [Clause] {
    articles.map(Self.headingClause)
  }

  /// The clauses and the article headings (as ``headingClauses``), in the order they stand: what
  /// `amend clauses` lists.
  public var clausesAndHeadings: [Clause] {
    var headings = headingClauses
    guard !headings.isEmpty else { return clauses }
    let loose = unnumberedLines
    if !loose.isEmpty { headings = (headings + loose).sorted { $0.line < $1.line } }
    var merged: [Clause] = []
    merged.reserveCapacity(clauses.count + headings.count)
    var next = 0
    for clause in clauses {
      while next < headings.count, headings[next].line < clause.line {
        merged.append(headings[next])
        next += 1
      }
      merged.append(clause)
    }
    return merged + headings[next...]
  }

  static func headingClause(_ article: Article) -> Clause {
    let id = ClauseID.heading(article: article.number.lowercased())
    let bare = heading(article.heading, number: article.number, title: nil)
    let title = article.heading.hasPrefix(bare) ? String(article.heading.dropFirst(bare.count)).trimmed : ""
    return Clause(
      key: ClauseKey("heading-\(article.number.lowercased())"), id: id, kind: .articleText, label: "",
      labelKind: .none, marker: title.isEmpty ? bare : bare + " ", text: title, line: article.line, parentKey: nil,
      article: article.number)
  }

  /// Deletes an article: its heading, its own text and everything under it, up to the next heading.
  public mutating func deleteArticle(_ number: String) throws(DraftError) {
    let range = try articleRange(number)
    trackArticles()
    if let origin = articleOrigins?.removeValue(forKey: number.lowercased()), case .parsed(let parsed) = origin {
      deletedArticles.append(parsed)
    }
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
    try insertArticle(after: number, title: title, paragraphs: paragraphs, headingLike: nil)
  }

  /// `headingLike`: the block whose heading the new one copies (the anchor's by default); `at`: where
  /// it goes (after the anchor article by default) — before an article, its heading's block.
  mutating func insertArticle(
    after number: String, title: String?, paragraphs: [String], headingLike: Int?, at place: Int? = nil
  ) throws(DraftError) -> [ClauseKey] {
    let range = try articleRange(number)
    guard case .line(let anchor) = blocks[headingLike ?? range.lowerBound], !paragraphs.isEmpty,
      paragraphs.allSatisfy({ !$0.trimmed.isEmpty })
    else { throw .unsupportedEdit("a new article needs at least one paragraph, each with its text") }
    // A provisional number in the article's own run ("4bis" after 4, "2ter" after 2bis): one a heading reads back.
    let taken = Set(articles.map { $0.number.lowercased() })
    let digits = String(number.prefix(while: \.isASCIIDigit))
    let base = digits.isEmpty ? number : digits
    var n = 1
    while taken.contains((base + Label.latinSuffix(n)).lowercased()) { n += 1 }
    let provisional = base + Label.latinSuffix(n)
    let heading = Self.heading(anchor.content, number: provisional, title: title)
    trackArticles()
    insertedArticles += 1
    articleOrigins?[provisional.lowercased()] = .inserted(insertedArticles)
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
    let target = place ?? range.upperBound
    // Before the next heading, or at the end after a blank line.
    if target == blocks.count, !(blocks.last?.isBlank ?? true) { added.insert(blankLine, at: 0) }
    if target == blocks.count { added.removeLast() }
    blocks.insert(contentsOf: added, at: target)
    articlesEdited = true
    restoreLineEnds(endingWithLineEnding: ending)
    reindex()
    return keys
  }

  /// Adds an article before article `number` (right before its heading), in the style of that
  /// article's heading; otherwise as ``insertArticle(after:title:paragraphs:)``.
  @discardableResult
  public mutating func insertArticle(before number: String, title: String?, paragraphs: [String]) throws(DraftError) -> [ClauseKey] {
    let range = try articleRange(number)
    let all = articles
    guard let position = all.firstIndex(where: { $0.number.lowercased() == number.lowercased() }) else {
      throw .unsupportedEdit("the draft has no Article \(number)")
    }
    if position > 0 {
      // After the article before it: the same place, numbered after that one until renumbered.
      let previous = all[position - 1].number
      let previousRange = try articleRange(previous)
      if previousRange.upperBound == range.lowerBound {
        return try insertArticle(after: previous, title: title, paragraphs: paragraphs, headingLike: range.lowerBound)
      }
    }
    return try insertArticle(after: number, title: title, paragraphs: paragraphs, headingLike: range.lowerBound, at: range.lowerBound)
  }

  /// Gives article `number` a new title: what follows "Article N" on its heading line.
  public mutating func retitleArticle(_ number: String, title: String?) throws(DraftError) {
    try editHeading(number) { line throws(DraftError) in
      Self.heading(line.content, number: Self.articleNumber(line) ?? number, title: title)
    }
  }

  /// Lifts the brackets around article `number`'s heading ("[Article 3bis]" → "Article 3bis"): the
  /// article as a whole is agreed. Its title stays as written.
  public mutating func liftBrackets(ofArticle number: String) throws(DraftError) {
    try editHeading(number) { line throws(DraftError) in
      guard let lifted = Self.unbracketed(line.content) else {
        throw .unsupportedEdit("the heading of Article \(number) has no brackets around its number")
      }
      return lifted
    }
  }

  /// Replaces the heading line of article `number` with what `edit` makes of it.
  private mutating func editHeading(_ number: String, _ edit: (SourceLine) throws(DraftError) -> String) throws(DraftError) {
    let range = try articleRange(number)
    guard case .line(var line) = blocks[range.lowerBound] else { throw .unsupportedEdit("Article \(number) has no heading") }
    line.content = try edit(line)
    blocks[range.lowerBound] = .line(line)
  }

  /// `heading` without the brackets around "Article N" ("## [Article 3bis] *(REDD-plus)*" →
  /// "## Article 3bis *(REDD-plus)*"); nil when its number is not bracketed.
  public static func unbracketed(_ heading: String) -> String? {
    guard let (start, end) = numberSpan(heading), start > heading.startIndex, end < heading.endIndex else { return nil }
    let open = heading.index(before: start)
    guard heading[open] == "[", heading[end] == "]" else { return nil }
    return String(heading[..<open]) + heading[start..<end] + heading[heading.index(after: end)...]
  }

  /// Where "Article N" (with a suffix, glued or spaced: "Article 2bis", "Article 8 bis") stands in a heading line.
  static func numberSpan(_ heading: String) -> (start: String.Index, end: String.Index)? {
    guard let range = heading.range(of: "article ", options: .caseInsensitive) else { return nil }
    var rest = heading[range.upperBound...]
    let digits = rest.prefix(while: \.isASCIIDigit)
    rest = rest.dropFirst(digits.count)
    let spaced = rest.drop(while: { $0 == " " })
    let word = spaced.prefix(while: { $0.isLetter && $0.isLowercase })
    if !word.isEmpty, Label.isSuffix(String(word)) { rest = spaced.dropFirst(word.count) }
    return (range.lowerBound, rest.startIndex)
  }

  /// The key the numbering table gives the heading of the article added last (`(new) → Article 4
  /// heading`), nil before any was added.
  public var lastAddedHeadingKey: ClauseKey? {
    insertedArticles > 0 ? ClauseKey("heading-new-\(insertedArticles)") : nil
  }

  /// The number article `parsed` (its number when the draft was parsed) has now, after the articles
  /// added and deleted since; nil when it was deleted or never was.
  public func articleNumber(asParsed parsed: String) -> String? {
    let wanted = parsed.lowercased()
    guard let articleOrigins else {
      return articles.first { $0.number.lowercased() == wanted }?.number
    }
    let current = articleOrigins.first { $0.value == .parsed(wanted) }?.key
    return current.flatMap { number in articles.first { $0.number.lowercased() == number }?.number }
  }

  /// The number the article now numbered `current` had when the draft was parsed; nil for an
  /// article added since.
  func parsedArticleNumber(of current: String) -> String? {
    guard let articleOrigins else { return current }
    guard case .parsed(let parsed) = articleOrigins[current.lowercased()] else { return nil }
    return parsed
  }

  /// The id a clause added since parsing would have had in the draft as parsed, for reading its
  /// relative citations ("paragraph 1 of this Article") as they were written: its labels in the
  /// article it stood in then.
  func asIfParsed(_ clause: Clause) -> ClauseID {
    guard let article = clause.article, let parsed = parsedArticleNumber(of: article), parsed != article.lowercased() else {
      return clause.id
    }
    return ClauseID.make(article: parsed, labels: Array(clause.id.components.dropFirst()))
  }

  /// Starts following the articles through edits, for the numbering table: each heading as parsed
  /// (or as it stood before the first article edit, which is the same: only article edits change one).
  mutating func trackArticles() {
    guard articleOrigins == nil else { return }
    articleOrigins = Dictionary(articles.map { ($0.number.lowercased(), ArticleOrigin.parsed($0.number.lowercased())) }) { first, _ in first }
  }

  /// The numbering table's lines for article headings: renumbered, added and deleted articles.
  func headingRenumbering() -> [Renumbering] {
    guard let articleOrigins else { return [] }
    var table: [Renumbering] = []
    for article in articles {
      let number = article.number.lowercased()
      switch articleOrigins[number] {
      case .parsed(let parsed) where parsed != number:
        table.append(Renumbering(key: ClauseKey("heading-\(parsed)"), old: .heading(article: parsed), new: .heading(article: number)))
      case .inserted(let n):
        table.append(Renumbering(key: ClauseKey("heading-new-\(n)"), old: nil, new: .heading(article: number)))
      default:
        continue
      }
    }
    for parsed in deletedArticles {
      table.append(Renumbering(key: ClauseKey("heading-\(parsed)"), old: .heading(article: parsed), new: nil))
    }
    return table
  }

  /// Numbers the articles 1, 2, 3… in order, rewriting each heading's number and the article of each
  /// clause under it; called by ``renumber()`` once an article was added or deleted.
  mutating func renumberArticles() {
    guard articlesEdited else { return }
    articlesEdited = false
    var position = 0
    var current: String?
    var renamed: [String: String] = [:]
    var reorigined: [String: ArticleOrigin] = [:]
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
        if let origin = articleOrigins?.removeValue(forKey: number.lowercased()) { reorigined[new] = origin }
        if number != new {
          line.content = Self.heading(line.content, number: new, title: nil, keepTitle: true)
          blocks[index] = .line(line)
        }
      case .clause(var node):
        guard let current, node.article != current else { continue }
        node.article = current
        blocks[index] = .clause(node)
      case .loose(var node):
        guard let current, node.article != current else { continue }
        node.article = current
        blocks[index] = .loose(node)
      case .titleLine:
        continue
      }
    }
    if articleOrigins != nil { articleOrigins = reorigined }
    // The lists an edit touched are named by article: they keep their names under the new numbers.
    editedLists = Set(
      editedLists.map { list in
        var list = list
        if let article = list.article, let new = renamed[article] { list.article = new }
        return list
      })
    reindex()
  }

  /// Where an article of the draft now came from: a heading as parsed, or the `n`th added.
  enum ArticleOrigin: Sendable, Equatable {
    case parsed(String)
    case inserted(Int)
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
    guard let (start, end) = numberSpan(heading) else { return heading }
    let prefix = heading[..<heading.index(start, offsetBy: "article ".count)]
    var rest = heading[end...]
    // A closing bracket right after the number stays ("[Article 3bis]").
    let bracket = rest.hasPrefix("]") ? "]" : ""
    if !bracket.isEmpty { rest = rest.dropFirst() }
    let tail = keepTitle ? String(rest) : (title.map { " " + $0 } ?? "")
    return String(prefix) + number + bracket + tail
  }
}
