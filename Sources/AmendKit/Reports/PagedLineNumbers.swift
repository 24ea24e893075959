import DraftText

/// The draft as printed on numbered pages, as parliaments print a text: every line of the draft file wrapped
/// at a fixed measure (``width`` characters of a fixed-pitch face), a fixed number of printed lines on each
/// page (``linesPerPage``), and the numbering starting again at 1 on each page.
///
/// amend decides the pages itself, rather than leaving it to a browser or a word processor, so that the page
/// and line of every word are known before anything is printed: the PDF and Word documents are printed from
/// this layout line by line, with their page breaks where it puts them, and every citation of a proposal
/// ("page 2, line 14") comes from it. A printed line is never wrapped again: a line that a font draws wider
/// than the measure runs into the margin but stays one line.
public struct PagedLayout: Sendable, Equatable {
  /// The measure: 70 characters of a 10 pt fixed-pitch face (6 pt each: 148 mm) fit A4 inside the margins.
  public static let standardWidth = 70
  /// 45 printed lines of 15 pt (238 mm) fit A4 inside the margins.
  public static let standardLinesPerPage = 45

  /// One printed line.
  public struct Line: Sendable, Equatable {
    /// The page, from 1.
    public var page: Int
    /// The line's number on its page, from 1.
    public var number: Int
    /// The line of the draft file it prints part of, from 1.
    public var fileLine: Int
    /// The characters of that file line it prints (the space it was broken at belongs to the line before).
    public var columns: Range<Int>
    /// What is printed: the characters, after the hanging indent on a continuation line.
    public var text: String
  }

  public var width: Int
  public var linesPerPage: Int
  /// Every printed line, in order.
  public private(set) var lines: [Line] = []
  /// The index in `lines` of each file line's first printed line (file line n at n - 1), and the end.
  private var starts: [Int] = []

  /// The layout of `draft` as it is filed (`draft.render()`); a clause's continuation lines hang under its
  /// text, after its marker.
  public init(_ draft: Draft, width: Int = standardWidth, linesPerPage: Int = standardLinesPerPage) {
    var hanging: [Int: Int] = [:]
    for clause in draft.clauses { hanging[clause.line] = clause.marker.count }
    self.init(text: draft.render(), hanging: hanging, width: width, linesPerPage: linesPerPage)
  }

  /// The layout of `text`, each file line's continuation lines indented by `hanging[file line]` characters
  /// (at most a third of the measure), or by the line's own leading spaces.
  public init(text: String, hanging: [Int: Int] = [:], width: Int = standardWidth, linesPerPage: Int = standardLinesPerPage) {
    self.width = max(width, 10)
    self.linesPerPage = max(linesPerPage, 1)
    var fileLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    if fileLines.last == "" { fileLines.removeLast() }
    var index = 0
    for (offset, line) in fileLines.enumerated() {
      starts.append(lines.count)
      let characters = Array(line)
      let leading = characters.prefix { $0 == " " }.count
      let indent = min(hanging[offset + 1] ?? leading, self.width / 3)
      for piece in Self.wrap(characters, width: self.width, indent: indent) {
        let printed = (piece.lowerBound == 0 ? "" : String(repeating: " ", count: indent)) + Self.trimmedEnd(characters[piece])
        let page = index / self.linesPerPage + 1
        lines.append(Line(page: page, number: index % self.linesPerPage + 1, fileLine: offset + 1, columns: piece, text: printed))
        index += 1
      }
    }
    starts.append(lines.count)
  }

  /// The printed lines of file line `fileLine`.
  func printed(_ fileLine: Int) -> ArraySlice<Line> {
    guard fileLine >= 1, fileLine < starts.count else { return [] }
    return lines[starts[fileLine - 1]..<starts[fileLine]]
  }

  /// The number of pages.
  public var pageCount: Int { lines.last?.page ?? 0 }

  /// The printed lines of each page, in order.
  public var pages: [[Line]] {
    var pages: [[Line]] = []
    for line in lines {
      if line.number == 1 { pages.append([]) }
      pages[pages.count - 1].append(line)
    }
    return pages
  }

  /// The pieces of a file line: the first up to `width` characters, each next one up to `width - indent`,
  /// broken after the last space that fits (a word longer than the measure is cut). Each piece takes the
  /// spaces it was broken at, so the pieces cover the line.
  static func wrap(_ characters: [Character], width: Int, indent: Int) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var start = 0
    repeat {
      let room = start == 0 ? width : width - indent
      var end = characters.count
      if characters.count - start > room {
        end = start + room
        // Break after the last space that fits, unless there is none (then cut the word).
        if characters[end] != " " {
          if let space = characters[(start + 1)..<end].lastIndex(of: " ") { end = space + 1 }
        }
        while end < characters.count, characters[end] == " " { end += 1 }
      }
      pieces.append(start..<end)
      start = end
    } while start < characters.count
    return pieces
  }

  static func trimmedEnd(_ characters: ArraySlice<Character>) -> String {
    var slice = characters
    while slice.last == " " { slice.removeLast() }
    return String(slice)
  }

  /// The printed line that prints character `column` of file line `fileLine` (past the end: the line's last).
  public func line(fileLine: Int, column: Int) -> Line? {
    let pieces = printed(fileLine)
    return pieces.first { $0.columns.contains(column) } ?? pieces.last
  }

  /// Where characters `columns` of file line `fileLine` are printed; an empty range cites the line where
  /// it stands.
  public func citation(fileLine: Int, columns: Range<Int>) -> PageLineCitation? {
    guard let first = line(fileLine: fileLine, column: columns.lowerBound),
      let last = line(fileLine: fileLine, column: max(columns.lowerBound, columns.upperBound - 1))
    else { return nil }
    return PageLineCitation(first, last)
  }

  /// Where clause `clause` is printed, from its first line to its last.
  public func citation(of clause: Clause) -> PageLineCitation? {
    let fileLines = clause.text.split(separator: "\n", omittingEmptySubsequences: false).count
    guard let first = printed(clause.line).first, let last = printed(clause.line + fileLines - 1).last
    else { return nil }
    return PageLineCitation(first, last)
  }

  /// Where a proposal is printed in the draft it stands against, by one rule for every output: the words
  /// it changes (from the first word it changes to the last, or, for words inserted, the line where they go
  /// in); for a clause deleted or moved, the whole clause; for a new clause, the first line of the clause it
  /// goes before or the last line of the clause it follows. Nil when its clause is gone.
  public func citation(of item: MarshalledProposal) -> PageLineCitation? {
    guard let clause = item.placement.clause else { return nil }
    switch item.operation {
    case .deleteClause, .moveClause:
      return citation(of: clause)
    case .newClause(_, let before):
      guard let whole = citation(of: clause) else { return nil }
      return before
        ? PageLineCitation(page: whole.page, line: whole.line, lastPage: whole.page, lastLine: whole.line)
        : PageLineCitation(page: whole.lastPage, line: whole.lastLine, lastPage: whole.lastPage, lastLine: whole.lastLine)
    default:
      guard let wanted = item.wanted, wanted != clause.text else { return citation(of: clause) }
      let changed = Self.changedWords(clause.text, wanted)
      // The clause's text may run over several file lines: find the line and column where each end falls.
      let text = Array(clause.text)
      func place(_ offset: Int) -> (fileLine: Int, column: Int) {
        let before = text[..<min(offset, text.count)]
        let breaks = before.filter { $0 == "\n" }.count
        let lineStart = (before.lastIndex(of: "\n").map { $0 + 1 }) ?? 0
        return (clause.line + breaks, (breaks == 0 ? clause.marker.count : 0) + offset - lineStart)
      }
      let start = place(changed.lowerBound)
      let end = place(max(changed.lowerBound, changed.upperBound - 1))
      guard let first = line(fileLine: start.fileLine, column: start.column), let last = line(fileLine: end.fileLine, column: end.column)
      else { return citation(of: clause) }
      return PageLineCitation(first, last)
    }
  }

  /// The characters of `old` that `new` changes, widened to whole words: what is left after the longest
  /// common beginning and end. Empty (where the new words go in) when `new` only inserts.
  public static func changedWords(_ old: String, _ new: String) -> Range<Int> {
    let a = Array(old)
    let b = Array(new)
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    var start = prefix
    var end = a.count - suffix
    while start > 0, !a[start - 1].isWhitespace { start -= 1 }
    while end < a.count, end > start, !a[end - 1].isWhitespace, !a[end].isWhitespace { end += 1 }
    return start..<max(start, end)
  }
}

/// A place in the printed draft: "page 2, line 14", "page 2, lines 14–16", "page 2, line 44 to page 3,
/// line 2".
public struct PageLineCitation: Sendable, Equatable, Codable, CustomStringConvertible {
  public var page: Int
  public var line: Int
  public var lastPage: Int
  public var lastLine: Int

  public init(page: Int, line: Int, lastPage: Int, lastLine: Int) {
    self.page = page
    self.line = line
    self.lastPage = lastPage
    self.lastLine = lastLine
  }

  init(_ first: PagedLayout.Line, _ last: PagedLayout.Line) {
    self.init(page: first.page, line: first.number, lastPage: last.page, lastLine: last.number)
  }

  public var description: String {
    if lastPage != page { return "page \(page), line \(line) to page \(lastPage), line \(lastLine)" }
    if lastLine != line { return "page \(page), lines \(line)–\(lastLine)" }
    return "page \(page), line \(line)"
  }
}

extension PagedLayout {
  /// "(page 1, line 30)": where `item` is printed, as every output puts it beside the proposal's clause
  /// ("7 (b) (page 1, line 30)"); nil when its clause is gone.
  public func citationNote(_ item: MarshalledProposal) -> String? {
    citation(of: item).map { "(\($0))" }
  }
}
