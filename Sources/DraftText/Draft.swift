import Foundation

/// A negotiated text, parsed into its title block and clauses, that renders back byte for byte
/// and can be amended clause by clause.
///
/// Everything the parser does not recognise is kept as written, in its place. Edits change only
/// the clauses they name (and the blank line that separates them): every other byte stays.
public struct Draft: Sendable, Equatable {
  var blocks: [Block] {
    didSet { asParsed.isTrue = false }
  }
  /// Whether the blocks are exactly as parsed: the draft then renders as its source and reads back
  /// as itself, which ``readsBack(replacingTextOf:with:)`` builds on.
  var isAsParsed: Bool { asParsed.isTrue }
  var asParsed = AsParsed()

  /// A fact about how a draft came to be, not part of what it says: two drafts with the same
  /// blocks are equal however they were made.
  struct AsParsed: Equatable, Sendable {
    var isTrue = true
    static func == (_: AsParsed, _: AsParsed) -> Bool { true }
  }
  private(set) var index: DraftIndex
  /// The ids as parsed, so ``renumber()`` can publish the table of old and new numbers.
  let parsedIDs: [ClauseKey: ClauseID]
  /// The keys as parsed, in document order.
  let parsedOrder: [ClauseKey]
  /// How many clauses have been inserted, for the next "new-N" key.
  var insertedCount = 0
  /// The lists an insertion, deletion or move has changed since the last ``renumber()``: the only
  /// ones it touches, so that numbering the source left irregular (a "3bis", a list restarting under
  /// an option) stays as it was written. Emptied by renumbering: a list it put in order stays in
  /// order until an edit marks it again, and a long chain of edits pays only for the lists each changed.
  var editedLists: Set<OutlineLists.ListID> = []
  /// Whether an article was added or deleted since the last ``renumber()``, which then numbers the
  /// articles afresh.
  var articlesEdited = false
  /// Where each article (by its number now, lower-case) came from, once an article was added or
  /// deleted: for the numbering table's heading lines. Nil until then.
  var articleOrigins: [String: ArticleOrigin]?
  /// The articles deleted, by their number as parsed.
  var deletedArticles: [String] = []
  /// How many articles have been added.
  var insertedArticles = 0

  /// Numbering the parser found odd (gaps, repeats), with the line where it found them.
  /// Worked out when asked for: most commands never look, and reading many versions of a long
  /// draft should not pay for it.
  /// Lines that start with a marker but could not be made a clause come first in line order
  /// with the reason (the lines are those of the text as parsed).
  public var warnings: [DraftWarning] {
    (parseNotes + NumberingCheck.warnings(blocks: blocks, index: index)).sorted { $0.line < $1.line }
  }

  /// Lines of the parsed text that look like a marker but are not a clause, with the reason.
  let parseNotes: [DraftWarning]

  /// Parses a draft.
  ///
  /// - Throws: ``DraftError/empty`` for an empty or blank text, ``DraftError/noClauses`` when no
  ///   line reads as a paragraph, preambular paragraph or article text.
  public init(parsing text: String) throws(DraftError) {
    guard !text.trimmed.isEmpty else { throw .empty }
    let (blocks, index, notes) = DraftParser.parse(SourceLine.split(text))
    guard !index.clauses.isEmpty else { throw .noClauses }
    self.blocks = blocks
    parseNotes = notes
    self.index = index
    parsedIDs = Dictionary(uniqueKeysWithValues: index.clauses.map { ($0.key, $0.id) })
    parsedOrder = index.clauses.map(\.key)
  }

  /// Parses a draft from a file's bytes, refusing binary files and text that is not UTF-8.
  public init(parsingData data: Data) throws(DraftError) {
    try self.init(parsing: Self.text(of: data))
  }

  /// A file's bytes as a draft's text, refusing binary files and text that is not UTF-8.
  public static func text(of data: Data) throws(DraftError) -> String {
    let bytes = [UInt8](data)
    if let nul = bytes.firstIndex(of: 0) { throw .binaryInput(offset: nul) }
    if let bad = UTF8Check.firstInvalidOffset(bytes) { throw .invalidUTF8(offset: bad) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text of the draft: the source exactly, with the edits made since.
  public func render() -> String {
    var text = ""
    for block in blocks { text += block.rendered }
    return text
  }

  /// Subject, title and date line, when the draft opens with "… Seventh draft of …".
  public var titleBlock: TitleBlock? {
    var block: TitleBlock?
    var subject: (String, Int)?
    var date: (String, Int)?
    var line = 1
    for item in blocks {
      defer { line += item.lineBreaks }
      guard case .titleLine(let part, let source) = item else { continue }
      switch part {
      case .subject: subject = (source.content, line)
      case .title: block = TitleBlock(subject: nil, subjectLine: nil, title: source.content, titleLine: line)
      case .dateLine: date = (source.content, line)
      }
    }
    block?.subject = subject?.0
    block?.subjectLine = subject?.1
    block?.dateLine = date?.0
    block?.dateLineNumber = date?.1
    return block
  }

  /// All clauses in document order, children after their parent.
  public var clauses: [Clause] { index.clauses }

  /// The clause with this id (ids are unique: a repeated number's later occurrences are `1#2`…).
  /// An article heading's id (`A4.heading`) finds the heading (see ``headingClause(_:)``).
  public func clause(_ id: ClauseID) -> Clause? {
    if let found = index.firstWithID[id].map({ index.clauses[$0] }) { return found }
    if id.isUnnumbered { return unnumberedLines.first { $0.id == id } }
    return id.headingArticle.flatMap(headingClause)
  }

  /// The clause with this key, if it is still in the draft.
  public func clause(key: ClauseKey) -> Clause? {
    if let found = index.clause(key) { return found }
    return key.rawValue.contains("@") ? unnumberedLines.first { $0.key == key } : nil
  }

  /// The clauses listed directly under a clause, in order.
  public func children(of key: ClauseKey) -> [Clause] {
    index.clauses.filter { $0.parentKey == key }
  }

  /// The clause a clause is listed under.
  public func parent(of key: ClauseKey) -> Clause? {
    index.clause(key)?.parentKey.flatMap { index.clause($0) }
  }

  /// Rebuilds ids and line numbers after an edit.
  mutating func reindex() {
    index = DraftIndex(blocks: blocks)
  }

  /// Updates the index after clause `key`'s own text changed, moving the lines after it by
  /// `lineShift`, rather than rebuilding it: new words change no id.
  mutating func reindexText(of key: ClauseKey, with text: String, lineShift: Int) {
    index.replaceText(of: key, with: text, lineShift: lineShift)
  }

  /// The line ending the text mostly uses, for lines the tool adds.
  var lineEnding: String {
    var crlf = 0
    var lf = 0
    for block in blocks {
      let ending = block.ending
      if ending.hasSuffix("\r\n") { crlf += 1 } else if ending.hasSuffix("\n") { lf += 1 }
    }
    return crlf > lf ? "\r\n" : "\n"
  }
}

/// Finds the first byte that breaks UTF-8, so the error can point at it.
enum UTF8Check {
  static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      let minimum: UInt32
      switch lead {
      case 0x00...0x7F: length = 1; minimum = 0
      case 0xC2...0xDF: length = 2; minimum = 0x80
      case 0xE0...0xEF: length = 3; minimum = 0x800
      case 0xF0...0xF4: length = 4; minimum = 0x10000
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      var scalar = UInt32(lead) & (length == 1 ? 0x7F : (0xFF >> (length + 1)))
      for offset in 1..<max(length, 1) {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return index + offset }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
      index += length
    }
    return nil
  }
}
