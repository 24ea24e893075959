import Foundation

/// Reads the ways negotiators cite a clause — "7.b", "7 (b)", "7b", "para 7 (b)", "OP7(b)",
/// "PP2", "Article 4.1", "art. 4 para 1 (a)", "7 (b bis)" — into the ids they may mean.
enum ClauseSpelling {
  /// Words that only say what kind of clause follows.
  private static let noise: Set<String> = [
    "op", "para", "paras", "paragraph", "paragraphs", "operative", "subparagraph", "subpara",
    "sub", "item", "point", "clause", "of", "and",
  ]
  private static let articleWords: Set<String> = ["art", "article", "arts", "articles"]
  private static let preambleWords: Set<String> = ["pp", "preambular", "preamble", "recital"]

  /// The ids `spelling` may stand for, most likely first; empty when it names no clause.
  static func candidates(_ spelling: String, draftHasArticles: Bool) -> [ClauseID] {
    let trimmed = spelling.trimmed
    var tokens = tokens(trimmed.lowercased())
    guard !tokens.isEmpty else { return [] }
    var article = false
    var preamble = false
    // "A4.1.a", the id itself.
    if tokens.count > 1, tokens[0] == "a", tokens[1].first?.isASCIIDigit ?? false,
      trimmed.dropFirst().first?.isASCIIDigit ?? false
    {
      article = true
      tokens.removeFirst()
    }
    var numbers: [String] = []
    var articleNumber: String?
    var expectArticleNumber = false
    // Whether the token before was the article number, so a suffix after it ("of Article 2 bis") is the article's.
    var afterArticleNumber = false
    for token in tokens {
      let previousWasArticleNumber = afterArticleNumber
      afterArticleNumber = false
      if previousWasArticleNumber, Label.isSuffix(token), let number = articleNumber {
        articleNumber = number + token
      } else if articleWords.contains(token) {
        article = true
        expectArticleNumber = true
      } else if preambleWords.contains(token), !(token == "pp" && (!numbers.isEmpty || articleNumber != nil)) {
        // "pp" after a number is the 42nd letter label, as in "1 (pp)", not "preambular paragraph".
        preamble = true
      } else if noise.contains(token) {
        continue
      } else if let occurrence = repeatOccurrence(token) {
        // "1#2", "1 (second)": the second 1 of its list, attached to the label before it.
        if let last = numbers.popLast() {
          numbers.append(ClauseRepeat.mark(last, occurrence: occurrence))
        } else if let number = articleNumber {
          articleNumber = ClauseRepeat.mark(number, occurrence: occurrence)
        } else {
          return []
        }
      } else if Label.isSuffix(token), let last = numbers.popLast() {
        numbers.append(last + token)
      } else if Label.isSuffix(token), numbers.isEmpty, let number = articleNumber {
        // "Article 2bis.1" and "Article 2 bis": the suffix belongs to the article number.
        articleNumber = number + token
      } else if expectArticleNumber {
        articleNumber = token
        expectArticleNumber = false
        afterArticleNumber = true
      } else {
        numbers.append(token)
      }
    }
    if let articleNumber {
      // "paragraph 1 (a) of Article 4" names the article last.
      numbers.insert(articleNumber, at: 0)
    }
    guard !numbers.isEmpty else { return [] }
    if preamble {
      return numbers.count == 1 && numbers[0].allSatisfy(\.isASCIIDigit) ? [.preambular(Int(numbers[0]) ?? 0)] : []
    }
    let withArticle = ClauseID.make(article: numbers[0], labels: Array(numbers.dropFirst()))
    if article { return [withArticle] }
    let plain = ClauseID.make(article: nil, labels: numbers)
    return draftHasArticles ? [plain, withArticle] : [plain]
  }

  /// The occurrence a token names: "#2" → 2, "second" → 2, "twenty first" → 21; "first" and
  /// "#1" name the plain id (1). Nil for any other token.
  private static func repeatOccurrence(_ token: String) -> Int? {
    if token.hasPrefix("#") { return Int(token.dropFirst()) }
    guard token.first?.isLetter ?? false, !Label.isSuffix(token) else { return nil }
    return Ordinal.number(token)
  }

  /// Runs of digits and runs of letters; everything else separates them ("7(b)" → 7, b). A "#"
  /// keeps the digits after it ("1#2" → 1, #2), and "twenty-first" stays one token.
  private static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    var currentIsDigit = false
    var afterHash = false
    for char in text {
      let isDigit = char.isASCIIDigit
      let isLetter = char.isLetter
      if (isDigit || isLetter) && !current.isEmpty && isDigit == currentIsDigit {
        current.append(char)
        continue
      }
      if !current.isEmpty { tokens.append(current) }
      current = isDigit || isLetter ? String(char) : ""
      if isDigit && afterHash { current = "#" + current }
      afterHash = char == "#"
      currentIsDigit = isDigit
    }
    if !current.isEmpty { tokens.append(current) }
    // "twenty-first" was split at the hyphen: join the two words of a compound ordinal.
    var joined: [String] = []
    for token in tokens {
      if let last = joined.last, Ordinal.number("\(last) \(token)") != nil, Ordinal.number(last) == nil {
        joined[joined.count - 1] = "\(last) \(token)"
      } else {
        joined.append(token)
      }
    }
    return joined
  }
}

extension Draft {
  /// The clause a citation names, in any spelling negotiators use (see ``ClauseSpelling``),
  /// regardless of case.
  ///
  /// - Throws: ``DraftError/unknownClause(_:nearest:)`` with up to five existing ids that come
  ///   closest: siblings first, then ids that are spelled alike.
  public func resolve(_ spelling: String) throws(DraftError) -> Clause {
    if let line = unnumberedLine(named: spelling) { return line }
    let hasArticles = clauses.contains { $0.article != nil }
    let candidates = ClauseSpelling.candidates(spelling, draftHasArticles: hasArticles)
    for id in candidates {
      if let found = clause(id) { return found }
    }
    if let exact = clause(ClauseID(rawValue: spelling.trimmed)) { return exact }
    // "Article 4" of an article without text of its own: its heading.
    for id in candidates where id.scheme == .article && id.components.count == 1 {
      if let heading = clause(.heading(article: id.components[0])) { return heading }
    }
    throw .unknownClause(spelling, nearest: nearest(to: candidates.first, spelling: spelling))
  }

  /// The unnumbered line a name such as "Option 2 of Article 2bis", "Title of Article 6.2",
  /// "Text 1 of Option 2 of Article 3.3" or "option II of art. 5" names (docs/TREATIES.md), or
  /// its id typed as such (`A2bis@option2`).
  func unnumberedLine(named spelling: String) -> Clause? {
    let typed = spelling.trimmed
    if typed.contains("@") {
      let lines = unnumberedLines
      return lines.first { $0.id.rawValue == typed } ?? lines.first { $0.id.rawValue.lowercased() == typed.lowercased() }
    }
    guard let of = typed.range(of: " of ", options: .caseInsensitive) else { return nil }
    let head = typed[..<of.lowerBound].lowercased().split(separator: " ").map(String.init)
    guard let word = head.first, ["option", "title", "text"].contains(word) else { return nil }
    var rest = Array(head.dropFirst())
    var occurrence = 1
    if let last = rest.last, last.hasPrefix("("), last.hasSuffix(")"),
      let n = Ordinal.number(String(last.dropFirst().dropLast()))
    {
      occurrence = n
      rest.removeLast()
    }
    guard rest.count <= 1 else { return nil }
    let label = rest.first ?? ""
    guard word == "title" ? label.isEmpty : !label.isEmpty else { return nil }
    guard let owner = try? resolve(String(typed[of.upperBound...])) else { return nil }
    var ownerID = owner.id
    if let article = owner.id.headingArticle { ownerID = .make(article: article, labels: []) }
    let id = ClauseID.unnumbered(ClauseRepeat.mark(word + label, occurrence: occurrence), of: ownerID)
    if let line = unnumberedLines.first(where: { $0.id.rawValue.lowercased() == id.rawValue.lowercased() }) { return line }
    // "Option 1 of Article 9.1" where the paragraph's own text opens with "**Option 1:**": the paragraph.
    guard word == "option", occurrence == 1, Draft.openingOption(owner.text)?.lowercased() == label else { return nil }
    return owner
  }

  /// Up to `limit` existing ids closest to `wanted`.
  func nearest(to wanted: ClauseID?, spelling: String, limit: Int = 5) -> [ClauseID] {
    var ids: [ClauseID] = []
    for clause in clauses where !ids.contains(clause.id) { ids.append(clause.id) }
    var chosen: [ClauseID] = []
    if let wanted, let parent = wanted.parent, let last = wanted.components.last {
      let siblings = ids.filter { $0.parent == parent }
      let target = Draft.sequencePosition(last)
      chosen = siblings.sorted { lhs, rhs in
        let left = abs(Draft.sequencePosition(lhs.components.last ?? "") - target)
        let right = abs(Draft.sequencePosition(rhs.components.last ?? "") - target)
        return left < right
      }
    }
    let reference = wanted?.rawValue ?? spelling.lowercased()
    let rest = ids.filter { !chosen.contains($0) }
      .enumerated()
      .sorted { lhs, rhs in
        let left = EditDistance.between(lhs.element.rawValue.lowercased(), reference.lowercased())
        let right = EditDistance.between(rhs.element.rawValue.lowercased(), reference.lowercased())
        return left != right ? left < right : lhs.offset < rhs.offset
      }
      .map(\.element)
    return Array((chosen + rest).prefix(limit))
  }

  /// A label's place in its sequence, to measure how far apart two labels are.
  private static func sequencePosition(_ component: String) -> Int {
    let base = Label(component)?.base ?? component
    return LabelSequence.value(of: base, as: .number) ?? LabelSequence.value(of: base, as: .letter)
      ?? LabelSequence.value(of: base, as: .roman) ?? 0
  }
}

/// Levenshtein distance, for suggesting ids close to a mistyped one.
enum EditDistance {
  static func between(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs)
    let right = Array(rhs)
    guard !left.isEmpty else { return right.count }
    guard !right.isEmpty else { return left.count }
    var previous = Array(0...right.count)
    for (i, leftChar) in left.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: right.count)
      for (j, rightChar) in right.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftChar == rightChar ? 0 : 1))
      }
      previous = current
    }
    return previous[right.count]
  }
}
