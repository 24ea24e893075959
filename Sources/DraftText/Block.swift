/// One piece of a parsed draft, in document order; rendering concatenates them all.
enum Block: Equatable, Sendable {
  /// A line that fits no pattern, or a blank line, kept verbatim.
  case line(SourceLine)
  /// A line of the title block.
  case titleLine(TitleBlock.Part, SourceLine)
  /// A clause: its marker, its own text, and the line ending that closes its last line.
  case clause(ClauseNode)
  /// A line (or lines) inside an article that is no clause but belongs to one: an option, a bold
  /// title, an unnumbered paragraph or continuation line (docs/TREATIES.md, LooseLines.swift).
  case loose(LooseNode)

  var rendered: String {
    switch self {
    case .line(let line), .titleLine(_, let line): return line.content + line.terminator
    case .clause(let node): return node.rendered
    case .loose(let node): return node.rendered
    }
  }

  /// The line ending the block ends with ("" for a last line without one).
  var terminator: String {
    switch self {
    case .line(let line), .titleLine(_, let line): return line.terminator
    case .clause(let node): return node.terminator
    case .loose(let node): return node.terminator
    }
  }

  /// What the block ends with: its terminator when it has one (rendering every block for its last
  /// characters made each insertion cost a render of the whole draft), else the whole block.
  var ending: String {
    let terminator = terminator
    return terminator.isEmpty ? rendered : terminator
  }

  var isBlank: Bool {
    if case .line(let line) = self { return line.isBlank }
    return false
  }

  var node: ClauseNode? {
    if case .clause(let node) = self { return node }
    return nil
  }

  /// The unnumbered line the block is, if it is one.
  var loose: LooseNode? {
    if case .loose(let node) = self { return node }
    return nil
  }

  /// The number of line endings in the block, to count lines.
  var lineBreaks: Int {
    switch self {
    case .line(let line), .titleLine(_, let line): return line.terminator.isEmpty ? 0 : 1
    case .clause(let node):
      // Counted part by part, without building the rendered text of every clause.
      var text = node.text
      let inText = text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
      return inText + (node.terminator.isEmpty ? 0 : 1)
    case .loose(let node):
      let inText = node.text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      return inText + (node.terminator.isEmpty ? 0 : 1)
    }
  }
}

/// The stored form of a clause: everything needed to render it byte for byte and to renumber it.
struct ClauseNode: Equatable, Sendable {
  var key: ClauseKey
  var kind: Clause.Kind
  var labelKind: LabelKind
  var marker: Marker
  /// Own text: the rest of the first line and any continuation lines, with their line endings.
  var text: String
  /// The line ending after the last line ("" at the end of a file without a final newline).
  var terminator: String
  var parentKey: ClauseKey?
  var article: String?
  /// The run of parallel numbering the clause is numbered in (see ``OutlineLists/markRuns(_:)``);
  /// new and moved clauses take their anchor's.
  var run = 0

  var rendered: String { marker.rendered + text + terminator }

  /// The list level: 0 for preambular paragraphs and article text, 1 paragraph, 2 subparagraph, 3 item.
  var level: Int {
    switch kind {
    case .preambular, .articleText, .option, .title, .unnumbered: return 0
    case .paragraph: return 1
    case .subparagraph: return 2
    case .item: return 3
    }
  }

  var parsedLabel: Label? { Label(marker.label) }
}
