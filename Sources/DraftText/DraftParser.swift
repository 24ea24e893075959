/// Reads a draft as negotiators write it into blocks: title lines, clauses, and everything else
/// kept verbatim.
///
/// It works line by line. A clause starts at a marker ("7.", "- b)", "(b)", "(ii)"), at a
/// preambular paragraph (after a line such as "The General Assembly,"), or at the first unnumbered
/// text under an article heading, and continues over following lines until a blank line, a
/// heading or the next marker. Anything else — page headers, footnotes, front matter, section
/// letters, "**Option 1:**" notes — stays an unstructured line in its place.
struct DraftParser {
  private enum Phase {
    /// Before the preamble or the first paragraph: front page, title block.
    case head
    /// After "The General Assembly," and before the first paragraph.
    case preamble
    /// Operative paragraphs and articles.
    case body
  }

  private let lines: [SourceLine]
  private var blocks: [Block] = []
  private var phase = Phase.head
  private var article: String?
  private var articleTextPending = false
  /// The block index of the clause the next non-blank line may continue.
  private var openClause: Int?
  private var paragraph: ClauseNode?
  private var subparagraph: ClauseNode?
  private var item: ClauseNode?
  private var temporaryKeys = 0
  /// The 0-based index of the line being read.
  private var lineNumber = 0
  /// Lines that look like a marker but could not be made a clause, each with the reason.
  private var notes: [DraftWarning] = []

  init(lines: [SourceLine]) {
    self.lines = lines
  }

  /// Parses `lines` into blocks whose concatenation renders them unchanged, with a note for every
  /// line that starts like a clause but is not one (never a silent fold). Each clause's key is
  /// its id as parsed ("7.b", "A2bis.1#2").
  static func parse(_ lines: [SourceLine]) -> (blocks: [Block], index: DraftIndex, notes: [DraftWarning]) {
    var parser = DraftParser(lines: lines)
    var blocks = parser.run()
    var index = DraftIndex.keyingByID(&blocks)
    OutlineLists.markRuns(&blocks)
    // Unnumbered lines inside articles join into blocks of their own: the blocks move.
    if LooseLines.attach(&blocks, index: index) { index = DraftIndex(blocks: blocks) }
    return (blocks, index, parser.notes)
  }

  private mutating func run() -> [Block] {
    let frontMatterEnd = DraftParser.frontMatterEnd(lines)
    let title = DraftParser.titleLines(lines, from: frontMatterEnd)
    for (number, line) in lines.enumerated() {
      lineNumber = number
      if number < frontMatterEnd {
        if let (marker, _) = Marker.scan(line.content) {
          note(marker, "is in the front matter between the \"---\" lines, so it is kept as text")
        }
        blocks.append(.line(line))
      } else if let part = title[number] {
        // A title line ends the clause above it: a marker line below must not join that clause.
        openClause = nil
        blocks.append(.titleLine(part, line))
      } else if line.isBlank {
        openClause = nil
        blocks.append(.line(line))
      } else {
        take(line)
      }
    }
    return blocks
  }

  // MARK: Lines

  private mutating func take(_ line: SourceLine) {
    let body = String(line.content.unicodeScalars.drop(while: \.isHorizontalSpace))
    if body.hasPrefix("#") {
      enterHeading(body)
      blocks.append(.line(line))
      return
    }
    defer { articleTextPending = false }
    var unplaced: Marker?
    if let (marker, text) = Marker.scan(line.content) {
      if let node = classify(marker, text: text, line: line) {
        openClause = blocks.count
        blocks.append(.clause(node))
        if node.kind == .paragraph { phase = .body }
        return
      }
      unplaced = marker
    }
    if let open = openClause, continues(body, line: line), case .clause(var node) = blocks[open] {
      if let unplaced {
        note(
          unplaced,
          "is read as the line above running on, not as a new clause, because its number does not "
            + "follow the one before: leave a blank line before it to make it a clause")
      }
      // Take the clause out while it grows, so its text is not copied for every line added.
      blocks[open] = .line(SourceLine(content: "", terminator: ""))
      node.text += node.terminator + line.content
      node.terminator = line.terminator
      blocks[open] = .clause(node)
      return
    }
    openClause = nil
    switch phase {
    case .head:
      if DraftParser.isIntroduction(body) { phase = .preamble }
    case .preamble:
      if DraftParser.opensPreambularParagraph(body) {
        if let unplaced { note(unplaced, "comes before any numbered paragraph, so it is read as a preambular paragraph") }
        startUnlabelled(.preambular, line: line)
        return
      }
    case .body:
      if articleTextPending, line.content.leadingSpace.isEmpty, !DraftParser.isNote(body) {
        if let unplaced { note(unplaced, "comes before any numbered paragraph of its article, so it is read as the article's own text") }
        startUnlabelled(.articleText, line: line)
        return
      }
    }
    if let unplaced {
      note(unplaced, "comes before any numbered paragraph, so it is kept as text, not as a clause")
    }
    blocks.append(.line(line))
  }

  /// Records why the marker on the current line does not start a clause.
  private mutating func note(_ marker: Marker, _ reason: String) {
    let written = (marker.opening + marker.label + marker.closing).trimmed
    notes.append(DraftWarning(line: lineNumber + 1, message: "\"\(written)\" \(reason)"))
  }

  private mutating func enterHeading(_ body: String) {
    openClause = nil
    article = DraftParser.articleNumber(inHeading: body)
    articleTextPending = article != nil
    if article != nil { phase = .body }
    paragraph = nil
    subparagraph = nil
    item = nil
  }

  private mutating func startUnlabelled(_ kind: Clause.Kind, line: SourceLine) {
    let indent = line.content.leadingSpace
    let node = ClauseNode(
      key: nextTemporaryKey(), kind: kind, labelKind: .none, marker: .unlabelled(indent: indent),
      text: String(line.content.unicodeScalars.dropFirst(indent.unicodeScalars.count)),
      terminator: line.terminator, parentKey: nil, article: article)
    openClause = blocks.count
    blocks.append(.clause(node))
  }

  /// Whether a line without a marker carries on the clause above it.
  private func continues(_ body: String, line: SourceLine) -> Bool {
    if DraftParser.isNote(body) { return false }
    // A page break before a capital starts a new preambular paragraph in OCR'd resolutions.
    if phase == .preamble, line.content.unicodeScalars.first == "\u{0C}",
      body.first?.isUppercase ?? false
    {
      return false
    }
    return true
  }

  // MARK: Markers

  /// Places a marked line in the outline, or returns nil when the marker cannot be a clause here
  /// (a letter before any paragraph, or an implausible number inside a wrapped paragraph).
  private mutating func classify(_ marker: Marker, text: String, line: SourceLine) -> ClauseNode? {
    guard let label = Label(marker.label) else { return nil }
    let wrapped = openClause != nil && !openClauseEndsSentence
    let indented = marker.indent.unicodeScalars.contains { $0 == " " || $0 == "\t" }
    switch marker.apparentKind {
    case .number:
      guard let value = LabelSequence.value(of: label.base, as: .number) else { return nil }
      if !indented || paragraph == nil {
        if wrapped && !DraftParser.follows(value, after: paragraph.flatMap { sequenceValue($0) }) { return nil }
        let node = makeNode(.paragraph, .number, marker, text, line, parent: nil)
        paragraph = node
        subparagraph = nil
        item = nil
        return node
      }
      let previous = subparagraph.flatMap { $0.labelKind == .number ? sequenceValue($0) : nil }
      if wrapped && !DraftParser.follows(value, after: previous) { return nil }
      return makeSubparagraph(.number, marker, text, line)
    case .letter, .roman:
      guard paragraph != nil else { return nil }
      let kind = letterOrRoman(label)
      let value = LabelSequence.value(of: label.base, as: kind) ?? 0
      if kind == .roman, let sub = subparagraph, sub.labelKind != .roman {
        let previous = item.flatMap { sequenceValue($0) }
        if wrapped && !DraftParser.follows(value, after: previous) { return nil }
        let node = makeNode(.item, .roman, marker, text, line, parent: sub.key)
        item = node
        return node
      }
      let previous = subparagraph.flatMap { $0.labelKind == kind ? sequenceValue($0) : nil }
      if wrapped && !DraftParser.follows(value, after: previous) { return nil }
      return makeSubparagraph(kind, marker, text, line)
    case .none:
      return nil
    }
  }

  private mutating func makeSubparagraph(
    _ kind: LabelKind, _ marker: Marker, _ text: String, _ line: SourceLine
  ) -> ClauseNode? {
    guard let parent = paragraph else { return nil }
    let node = makeNode(.subparagraph, kind, marker, text, line, parent: parent.key)
    subparagraph = node
    item = nil
    return node
  }

  /// Decides whether a label such as "i" is the letter after "h" or the numeral one.
  ///
  /// A numeral continues an open list of numerals; a letter continues a run of letters (so
  /// `(i)` after `(h)` is the letter, unless "(h)" ends with a colon and has no numerals yet);
  /// otherwise "i" opens a deeper list of numerals.
  private func letterOrRoman(_ label: Label) -> LabelKind {
    let romanValue = LabelSequence.value(of: label.base, as: .roman)
    let letterValue = LabelSequence.value(of: label.base, as: .letter)
    guard let roman = romanValue else { return .letter }
    guard let letter = letterValue else { return .roman }
    if let item, item.labelKind == .roman, sequenceValue(item) == roman - 1 { return .roman }
    if let sub = subparagraph, sub.labelKind == .roman, sequenceValue(sub) == roman - 1 { return .roman }
    if let sub = subparagraph, sub.labelKind == .letter, sequenceValue(sub) == letter - 1 {
      // The next marker settles it: "(ii)" means numerals, "(j)" letters. Failing that, "(i)"
      // opens numerals only under an "(h)" that ends with a colon and has none yet.
      switch nextMarkerLabel() {
      case "ii": return .roman
      case "j": return .letter
      default:
        let opensList = roman == 1 && item == nil && Self.sentenceEnd(of: sub.text) == ":"
        return opensList ? .roman : .letter
      }
    }
    return roman == 1 || label.base.count > 1 ? .roman : .letter
  }

  /// Whether the clause being read ends with ";", ":" or ".", so a marker on the next line
  /// starts a clause even when its number is out of sequence.
  private var openClauseEndsSentence: Bool {
    guard let open = openClause, let node = blocks[open].node else { return false }
    return Self.sentenceEnd(of: node.text) != nil
  }

  /// The ";", ":" or "." a clause's text ends with, if any: all the parser reads of a clause's words
  /// besides its own line (Draft.keepsItsLine builds on that).
  static func sentenceEnd(of text: String) -> Character? {
    guard let last = text.trimmed.last, last == ";" || last == ":" || last == "." else { return nil }
    return last
  }

  /// The base label of the next marked line after the current one, if any.
  private func nextMarkerLabel() -> String? {
    for line in lines.dropFirst(lineNumber + 1) {
      if let (marker, _) = Marker.scan(line.content) { return Label(marker.label)?.base }
    }
    return nil
  }

  private func sequenceValue(_ node: ClauseNode) -> Int? {
    node.parsedLabel.flatMap { LabelSequence.value(of: $0.base, as: node.labelKind) }
  }

  /// Whether `value` can follow `previous` in a list (or open one), so a number at the start of
  /// a wrapped line ("1990. …") is not taken for a new paragraph. The same number again is a
  /// clause: drafts repeat numbers under parallel options ("1. a" / "1. b").
  private static func follows(_ value: Int, after previous: Int?) -> Bool {
    guard let previous else { return value == 1 }
    return value == previous || (previous < Int.max && value == previous + 1)
  }

  private mutating func makeNode(
    _ kind: Clause.Kind, _ labelKind: LabelKind, _ marker: Marker, _ text: String, _ line: SourceLine,
    parent: ClauseKey?
  ) -> ClauseNode {
    ClauseNode(
      key: nextTemporaryKey(), kind: kind, labelKind: labelKind, marker: marker, text: text,
      terminator: line.terminator, parentKey: parent, article: article)
  }

  private mutating func nextTemporaryKey() -> ClauseKey {
    temporaryKeys += 1
    return ClauseKey("parse-\(temporaryKeys)")
  }

  // MARK: Recognisers

  /// The line count of YAML front matter ("---" … "---") at the top, 0 if there is none.
  private static func frontMatterEnd(_ lines: [SourceLine]) -> Int {
    guard let first = lines.first, first.content == "---" else { return 0 }
    for index in lines.indices.dropFirst() where lines[index].content == "---" || lines[index].content == "..." {
      return index + 1
    }
    return 0
  }

  /// Locates the title block: the first line naming a draft by ordinal, the non-empty line
  /// right above it and the date line right below it. Only lines before the first marker count.
  private static func titleLines(_ lines: [SourceLine], from start: Int) -> [Int: TitleBlock.Part] {
    for index in lines.indices.dropFirst(start) {
      let content = lines[index].content
      if Marker.scan(content) != nil || isIntroduction(content.trimmed) { return [:] }
      guard TitleOrdinal.isTitle(content) else { continue }
      var parts: [Int: TitleBlock.Part] = [index: .title]
      if index > start, !lines[index - 1].isBlank { parts[index - 1] = .subject }
      if index + 1 < lines.count, WrittenDate.isDateLine(lines[index + 1].content) {
        parts[index + 1] = .dateLine
      }
      return parts
    }
    return [:]
  }

  /// "The General Assembly,", "The Security Council,", "*The Parties to this Agreement*,".
  static func isIntroduction(_ body: String) -> Bool {
    let plain = body.trimmed.filter { $0 != "*" && $0 != "_" }
    guard plain.hasPrefix("The "), plain.hasSuffix(","), plain.count <= 70 else { return false }
    let inner = plain.dropFirst(4).dropLast()
    guard let first = inner.first, first.isUppercase else { return false }
    return !inner.contains(",") && !inner.contains(".") && !inner.contains(";")
  }

  /// Whether a paragraph in the preamble is a preambular paragraph, not a heading, a note,
  /// the text of one broken by a page ("of humanity and …") or the closing formula.
  static func opensPreambularParagraph(_ body: String) -> Bool {
    guard let first = body.first, !first.isLowercase, !isNote(body) else { return false }
    let trimmed = body.trimmed
    if trimmed.lowercased().hasSuffix("as follows:") { return false }
    if trimmed.count <= 2 { return false }
    return first.isLetter || first == "*" || first == "_" || first == "\u{201C}" || first == "\""
  }

  /// Bold notes ("**Option 1:**"), link definitions, footnotes, tables and the like.
  static func isNote(_ body: String) -> Bool {
    body.hasPrefix("**") || body.hasPrefix("[") || body.hasPrefix("|") || body.hasPrefix("#")
      || body.hasPrefix("{") || body.hasPrefix("* ") || body.hasPrefix("---") || body.hasPrefix(">")
  }

  /// The article number in "## Article 4", "## [Article 3bis] *(REDD-plus)*", "## Article 8 bis".
  static func articleNumber(inHeading body: String) -> String? {
    let text = body.drop(while: { $0 == "#" || $0 == " " || $0 == "[" })
    guard text.lowercased().hasPrefix("article ") else { return nil }
    let rest = text.dropFirst("article ".count)
    let digits = rest.prefix(while: \.isASCIIDigit)
    guard !digits.isEmpty else { return nil }
    var number = String(digits)
    let after = rest.dropFirst(digits.count)
    let word = after.drop(while: { $0 == " " }).prefix(while: { $0.isLetter && $0.isLowercase })
    if Label.isSuffix(String(word)) { number += word }
    return number
  }
}
