/// Citations a draft makes of its own clauses ("paragraph 7 (b) above", "subparagraphs (c) and (d)",
/// "Article 4, paragraph 8"), followed when the clauses they cite are renumbered. A citation of another
/// instrument ("Article 1 of the Convention", "paragraph 4 of decision 1/CP.21") is never touched.
public enum CrossReferences {
  /// A citation rewritten: in `clause` (its new id), `old` became `new`.
  public struct Update: Equatable, Sendable {
    public var clause: ClauseID
    public var old: String
    public var new: String
  }

  /// A citation left as it was because what it cites could not be followed.
  public struct Unresolved: Equatable, Sendable {
    public var clause: ClauseID
    public var citation: String
    /// The id the citation names in the earlier draft.
    public var cited: ClauseID
    /// True when the cited clause was deleted; false when the earlier draft has no such clause.
    public var deleted: Bool
  }

  /// Rewrites, in `draft`, every citation of a clause that `renumbering` renumbered. Citations were
  /// written against the earlier draft, whose clause ids are `earlier`, or name a clause new in the
  /// round by its name in the round (`newClauses`, ``Draft/namesInRound(of:from:)``).
  public static func follow(
    in draft: inout Draft, renumbering: [Renumbering], earlier: Set<ClauseID>, newClauses: [ClauseID: ClauseKey] = [:]
  ) -> (updates: [Update], unresolved: [Unresolved]) {
    var moved: [ClauseID: ClauseID?] = [:]
    var oldID: [ClauseKey: ClauseID] = [:]
    for change in renumbering {
      if let old = change.old {
        moved[old] = change.new
        oldID[change.key] = old
      }
    }
    for (name, key) in newClauses {
      if let now = draft.clause(key: key) { moved[name] = .some(now.id) }
    }
    var updates: [Update] = []
    var unresolved: [Unresolved] = []
    for clause in draft.clauses {
      var text = clause.text
      var inClause: [Update] = []
      var unresolvedInClause: [Unresolved] = []
      // Replacing from the end keeps the earlier ranges valid.
      // Relative citations ("subparagraph (c)", "paragraph 2" in an article) are read as the clause
      // stood when they were written, in the earlier draft.
      for citation in citations(in: clause.text, citedFrom: oldID[clause.key] ?? draft.asIfParsed(clause)).reversed() {
        var rewritten = citation.written
        for reference in citation.references.reversed() {
          // "Article 4" names the article: its heading is renumbered with it, whether or not it has text of its own.
          let heading =
            reference.id.scheme == .article && reference.id.components.count == 1
            ? ClauseID.heading(article: reference.id.components[0]) : nil
          guard earlier.contains(reference.id) || newClauses[reference.id] != nil || heading.map(earlier.contains) == true else {
            unresolvedInClause.insert(Unresolved(clause: clause.id, citation: citation.written, cited: reference.id, deleted: false), at: 0)
            continue
          }
          guard let entry = moved[reference.id] ?? heading.flatMap({ moved[$0] }) else { continue }
          guard let new = entry.map({ $0.headingArticle.map { ClauseID.make(article: $0, labels: []) } ?? $0 }) else {
            unresolvedInClause.insert(Unresolved(clause: clause.id, citation: citation.written, cited: reference.id, deleted: true), at: 0)
            continue
          }
          guard let spelled = reference.respelled(as: new) else { continue }
          rewritten.replaceSubrange(reference.range(in: rewritten), with: spelled)
        }
        guard rewritten != citation.written else { continue }
        text.replaceSubrange(citation.range, with: rewritten)
        inClause.insert(Update(clause: clause.id, old: citation.written, new: rewritten), at: 0)
      }
      updates += inClause
      unresolved += unresolvedInClause
      if text != clause.text { try? draft.replaceText(of: clause.key, with: text) }
    }
    return (updates, unresolved)
  }

  // MARK: - Reading citations

  /// One citation: its words as written (keyword and references) and the clauses it names.
  struct Citation {
    var range: Range<String.Index>
    var written: String
    var references: [Reference]
  }

  /// One clause a citation names, and where its number stands within the citation's words.
  struct Reference {
    var id: ClauseID
    /// Offsets of the number's characters within the citation's words.
    var offsets: Range<Int>
    var spelled: String
    /// What was written: the paragraph number and its list labels ("7 (b)"), only list labels ("(c)"), or
    /// "Article 4, paragraph 8".
    var form: Form

    enum Form { case paragraph(spaced: Bool), subparagraph, article(paragraph: Bool), articleNumber }

    func range(in text: String) -> Range<String.Index> {
      text.index(text.startIndex, offsetBy: offsets.lowerBound)..<text.index(text.startIndex, offsetBy: offsets.upperBound)
    }

    /// The reference written for `new` in the same form, or nil when the form cannot say it (a
    /// subparagraph letter whose paragraph changed).
    func respelled(as new: ClauseID) -> String? {
      let parts = new.components
      guard !parts.contains(where: { $0.contains("#") }) else { return nil }
      switch form {
      case .paragraph(let spaced):
        let labels = new.scheme == .article ? Array(parts.dropFirst()) : parts
        guard let first = labels.first, labels.count == id.components.count - (new.scheme == .article ? 1 : 0) else { return nil }
        return first + labels.dropFirst().map { (spaced ? " (" : "(") + $0 + ")" }.joined()
      case .subparagraph:
        guard new.parent == id.parent, let last = parts.last else { return nil }
        return "(" + last + ")"
      case .articleNumber:
        // One of "Articles 3, 4 and 6": the number alone.
        guard new.scheme == .article, parts.count == 1 else { return nil }
        return parts[0]
      case .article(let paragraph):
        guard new.scheme == .article, let article = parts.first else { return nil }
        guard paragraph else { return parts.count == 1 ? "Article " + article : nil }
        guard parts.count == 2 else { return nil }
        return "Article \(article), paragraph \(parts[1])"
      }
    }
  }

  /// The citations of its own clauses in `text`, the text of clause `citing`.
  static func citations(in text: String, citedFrom citing: ClauseID) -> [Citation] {
    let characters = Array(text)
    var found: [Citation] = []
    var index = 0
    // Where the last citation of another instrument ended ("Article 4 [and Article 11]" are both the Convention's).
    var lastOfAnother: Int?
    while index < characters.count {
      guard index == 0 || !characters[index - 1].isLetter, let (keyword, afterKeyword) = keyword(at: index, in: characters) else {
        index += 1
        continue
      }
      var cursor = afterKeyword
      var references: [Reference] = []
      var article: String?
      if keyword == .article {
        // "Article 4" or "Article 4, paragraph 8".
        guard let number = word(at: cursor, in: characters, digitsFirst: true) else {
          index = afterKeyword
          continue
        }
        article = Self.number(characters[cursor..<number])
        var end = number
        var paragraph: String?
        let tail = ", paragraph "
        if String(characters[number..<min(characters.count, number + tail.count)]) == tail,
          let digits = word(at: number + tail.count, in: characters, digitsFirst: true)
        {
          paragraph = Self.number(characters[(number + tail.count)..<digits])
          end = digits
        }
        let id = ClauseID.make(article: article, labels: paragraph.map { [$0] } ?? [])
        references.append(
          Reference(
            id: id, offsets: (cursor - index - "Article ".count)..<(end - index), spelled: String(characters[cursor..<end]),
            form: .article(paragraph: paragraph != nil)))
        cursor = end
      } else {
        // One or more references joined by ", ", " and ", " or ", " to ".
        while true {
          guard let (reference, end) = reference(at: cursor, in: characters, keyword: keyword, citing: citing, start: index) else { break }
          references.append(reference)
          cursor = end
          guard let next = separator(at: cursor, in: characters) else { break }
          cursor = next
        }
        // A dangling separator belongs to the sentence.
        if let last = references.last { cursor = index + last.offsets.upperBound }
      }
      let another =
        citesAnotherInstrument(after: cursor, in: characters) || followsAnotherInstrument(before: index, in: characters)
        || joined(to: lastOfAnother, at: index, in: characters)
      guard !references.isEmpty, !another else {
        if !references.isEmpty { lastOfAnother = cursor }
        index = max(cursor, index + 1)
        continue
      }
      if keyword != .article, keyword != .articles, let of = ofArticle(after: cursor, in: characters) {
        // "paragraph 1 of Article 4": the paragraph of that article of this text.
        references = references.map { reference in
          var scoped = reference
          let labels = reference.id.scheme == .article ? Array(reference.id.components.dropFirst()) : reference.id.components
          scoped.id = ClauseID.make(article: of.article, labels: labels)
          return scoped
        }
        cursor = of.end
      }
      let start = text.index(text.startIndex, offsetBy: index)
      let end = text.index(text.startIndex, offsetBy: cursor)
      found.append(Citation(range: start..<end, written: String(text[start..<end]), references: references))
      index = cursor
    }
    return found
  }

  enum Keyword { case paragraph, subparagraph, article, articles }

  /// A keyword starting at `index` ("paragraph ", "Paragraphs ", "subparagraph ", "Article ") and where its number begins.
  static func keyword(at index: Int, in characters: [Character]) -> (Keyword, Int)? {
    // Only these lower to the first letter of a keyword: every other character is passed over
    // without making the candidate strings below (which was most of the time `next` took at M).
    guard index < characters.count, ["s", "S", "p", "P", "a", "A"].contains(characters[index]) else { return nil }
    for (word, keyword) in [
      ("subparagraphs ", Keyword.subparagraph), ("subparagraph ", .subparagraph), ("paragraphs ", .paragraph),
      ("paragraph ", .paragraph), ("articles ", .articles), ("article ", .article),
    ] {
      let end = index + word.count
      guard end <= characters.count else { continue }
      let candidate = String(characters[index..<end])
      guard candidate.lowercased() == word else { continue }
      // "Article" with a capital only: "article" in running text is not a citation.
      if keyword == .article || keyword == .articles, candidate.first != "A" { continue }
      return (keyword, end)
    }
    return nil
  }

  /// A number ("7", "2bis", "7 ter") starting at `index`: where it ends.
  static func word(at index: Int, in characters: [Character], digitsFirst: Bool) -> Int? {
    var end = index
    while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
    guard end > index else { return nil }
    while end < characters.count, characters[end].isASCII, characters[end].isLowercase { end += 1 }
    // "7 ter": the suffix set apart, as negotiators name a paragraph new in the round.
    guard end < characters.count, characters[end] == " " else { return end }
    var suffixEnd = end + 1
    while suffixEnd < characters.count, characters[suffixEnd].isASCII, characters[suffixEnd].isLowercase { suffixEnd += 1 }
    guard suffixEnd == characters.count || !characters[suffixEnd].isLetter,
      Label.isSuffix(String(characters[(end + 1)..<suffixEnd]))
    else { return end }
    return suffixEnd
  }

  /// A number as an id writes it: "7 ter" → "7ter".
  static func number(_ characters: ArraySlice<Character>) -> String { String(characters.filter { $0 != " " }) }

  /// A list label in brackets ("(b)", "(ii)", "(b bis)") starting at `index`: the label and where the bracket closes.
  static func label(at index: Int, in characters: [Character]) -> (String, Int)? {
    guard index < characters.count, characters[index] == "(" else { return nil }
    var end = index + 1
    while end < characters.count, characters[end].isASCII, characters[end].isLetter || characters[end].isNumber { end += 1 }
    guard end > index + 1, end < characters.count else { return nil }
    var label = String(characters[(index + 1)..<end]).lowercased()
    if characters[end] == " ", let close = characters[end...].firstIndex(of: ")"),
      Label.isSuffix(String(characters[(end + 1)..<close]))
    {
      label += String(characters[(end + 1)..<close])
      end = close
    }
    guard characters[end] == ")" else { return nil }
    return (label, end + 1)
  }

  static func reference(
    at index: Int, in characters: [Character], keyword: Keyword, citing: ClauseID, start: Int
  ) -> (Reference, Int)? {
    if keyword == .articles {
      // One of "Articles 3, 4 and 6": an article, by its number alone.
      guard let number = word(at: index, in: characters, digitsFirst: true) else { return nil }
      let article = Self.number(characters[index..<number])
      return (
        Reference(
          id: ClauseID.make(article: article, labels: []), offsets: (index - start)..<(number - start), spelled: article,
          form: .articleNumber), number
      )
    }
    if keyword == .subparagraph {
      guard let (letter, end) = label(at: index, in: characters) else { return nil }
      // A subparagraph of the paragraph the citing clause belongs to (or is).
      let parts = citing.components
      let paragraph =
        citing.scheme == .article
        ? ClauseID.make(article: parts[0], labels: Array(parts.dropFirst().prefix(1)))
        : ClauseID.make(article: nil, labels: Array(parts.prefix(1)))
      let id = ClauseID(rawValue: paragraph.rawValue + "." + letter)
      return (Reference(id: id, offsets: (index - start)..<(end - start), spelled: "(\(letter))", form: .subparagraph), end)
    }
    guard let number = word(at: index, in: characters, digitsFirst: true) else { return nil }
    var labels = [Self.number(characters[index..<number])]
    var end = number
    var spaced = true
    while true {
      let gap = end < characters.count && characters[end] == " " ? 1 : 0
      guard let (letter, close) = label(at: end + gap, in: characters) else { break }
      if labels.count == 1 { spaced = gap == 1 }
      labels.append(letter)
      end = close
    }
    let article = citing.scheme == .article ? citing.components.first : nil
    let id = ClauseID.make(article: article, labels: labels)
    return (
      Reference(id: id, offsets: (index - start)..<(end - start), spelled: String(characters[index..<end]), form: .paragraph(spaced: spaced)), end
    )
  }

  /// Where the next reference of a list begins after ", ", " and ", ", and ", " or " or " to ".
  static func separator(at index: Int, in characters: [Character]) -> Int? {
    for separator in [", and ", ", ", " and ", " or ", " to "] {
      let end = index + separator.count
      if end <= characters.count, String(characters[index..<end]) == separator { return end }
    }
    return nil
  }

  /// "… of the Convention", "… of decision 1/CP.21": a citation of another instrument. "… of this
  /// Agreement", "… of the present decision" and "… of Article 4" are this text's own. The citation
  /// may name paragraphs before it says whose they are: "Article 4, paragraph 9, of the Convention",
  /// "Article 7, paragraphs 1, 3 and 7, of the Convention", "Article 4 paragraph 1(d) of the Convention".
  static func citesAnotherInstrument(after index: Int, in characters: [Character]) -> Bool {
    let rest = String(characters[index..<min(characters.count, index + 80)])
    guard let of = rest.firstRange(of: " of "), namesOnlyParts(rest[..<of.lowerBound]) else { return false }
    let what = rest[of.upperBound...]
    return !(what.hasPrefix("this ") || what.hasPrefix("the present ") || what.hasPrefix("Article "))
  }

  /// "… the provisions of the Convention, in particular Article 4": a citation the words before it
  /// give to another instrument.
  static func followsAnotherInstrument(before index: Int, in characters: [Character]) -> Bool {
    var before = String(characters[max(0, index - 100)..<index])
    if before.hasSuffix("[") { before.removeLast() }
    guard let lead = [", in particular ", ", including ", ", notably ", ", especially "].first(where: before.hasSuffix) else { return false }
    let head = before.dropLast(lead.count)
    guard let of = head.ranges(of: " of ").last else { return false }
    let what = head[of.upperBound...]
    return !what.contains(where: { ".;:".contains($0) }) && !(what.hasPrefix("this ") || what.hasPrefix("the present "))
      && what.split(separator: " ").count <= 4 && what.contains(where: \.isUppercase)
  }

  /// Whether the citation at `index` is joined ("and", "or", a comma, brackets) to a citation of
  /// another instrument that ended at `end`.
  static func joined(to end: Int?, at index: Int, in characters: [Character]) -> Bool {
    guard let end, end <= index else { return false }
    let between = String(characters[end..<index]).filter { $0 != "[" && $0 != "]" }.trimmed
    return ["", ",", "and", "or", ", and", ", or"].contains(between)
  }

  /// Whether `words`, between a citation and its " of …", only name more parts of what is cited
  /// (", paragraph 9,", " paragraphs 1, 3 and 7,", " paragraph 1(d)", " paragraphs 3[ and 5][, 5 and 9],").
  static func namesOnlyParts(_ words: Substring) -> Bool {
    words.filter { $0 != "[" && $0 != "]" }.split(whereSeparator: { $0 == " " || $0 == "," }).allSatisfy { word in
      ["paragraph", "paragraphs", "subparagraph", "subparagraphs", "and", "or", "to"].contains(word)
        || (word.first?.isNumber == true && word.allSatisfy { $0.isNumber || $0.isLetter || $0 == "(" || $0 == ")" })
        || (word.first == "(" && word.last == ")" && word.dropFirst().dropLast().allSatisfy(\.isLetter))
    }
  }

  /// "… of Article 4": the article and where its number ends.
  static func ofArticle(after index: Int, in characters: [Character]) -> (article: String, end: Int)? {
    let lead = " of Article "
    let start = index + lead.count
    guard start <= characters.count, String(characters[index..<start]) == lead,
      let end = word(at: start, in: characters, digitsFirst: true)
    else { return nil }
    return (Self.number(characters[start..<end]), end)
  }
}
