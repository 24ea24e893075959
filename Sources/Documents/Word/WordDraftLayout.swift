import DraftText

/// A draft's text in reading order, as Word paragraphs are made from it: the title block's lines,
/// clauses, and the other lines the draft keeps (headings, "The General Assembly,"); blank lines dropped.
enum WordDraftItem {
  case title(TitleBlock.Part, String)
  case line(String)
  case clause(Clause)

  /// The items of `draft`, in order.
  static func items(of draft: Draft) -> [WordDraftItem] {
    let lines = draft.render().split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    var titles: [Int: (TitleBlock.Part, String)] = [:]
    if let block = draft.titleBlock {
      titles[block.titleLine] = (.title, block.title)
      if let line = block.subjectLine, let subject = block.subject { titles[line] = (.subject, subject) }
      if let line = block.dateLineNumber, let date = block.dateLine { titles[line] = (.dateLine, date) }
    }
    let starts = Dictionary(draft.clauses.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
    var items: [WordDraftItem] = []
    var number = 1
    while number <= lines.count {
      if let clause = starts[number] {
        items.append(.clause(clause))
        number += 1 + clause.text.filter { $0 == "\n" || $0 == "\r\n" }.count
        continue
      }
      if let (part, text) = titles[number] {
        items.append(.title(part, text))
      } else if !lines[number - 1].allSatisfy(\.isWhitespace) {
        items.append(.line(lines[number - 1].trimmingTrailingSpace))
      }
      number += 1
    }
    return items
  }
}

extension String {
  var trimmingTrailingSpace: String {
    var text = self
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return text
  }

  var trimmingSpace: String {
    var text = trimmingTrailingSpace
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    return text
  }
}

extension Clause {
  /// The marker as typed in the document: the source's, without its indentation and trailing space
  /// ("- b)", "7.", "(ii)").
  var typedMarker: String { marker.trimmingSpace }

  /// The paragraph style for the clause's list level.
  var wordStyle: String {
    switch kind {
    case .preambular, .articleText, .option, .title, .unnumbered: WordStyles.clause(level: 0)
    case .paragraph: WordStyles.clause(level: 1)
    case .subparagraph: WordStyles.clause(level: 2)
    case .item: WordStyles.clause(level: 3)
    }
  }

  /// The marker and the tab that reaches the hanging indent, or nothing for a clause without a marker.
  var markerText: String { typedMarker.isEmpty ? "" : typedMarker + "\t" }
}

extension TitleBlock.Part {
  var wordStyle: String {
    switch self {
    case .subject: "Subject"
    case .title: "Title"
    case .dateLine: "DateLine"
    }
  }
}

/// The clean draft (`amend show --format docx`).
enum WordDraft {
  static func body(_ draft: Draft, title: String) -> WordBody {
    var body = WordBody(title: title)
    for item in WordDraftItem.items(of: draft) {
      switch item {
      case let .title(part, text):
        body.paragraphs.append(WordParagraph(style: part.wordStyle, [.text(text, nil)]))
      case .line(let text):
        body.paragraphs.append(WordParagraph(style: "Text", [.text(text, nil)]))
      case .clause(let clause):
        body.paragraphs.append(WordParagraph(style: clause.wordStyle, [.text(clause.markerText + clause.text, nil)]))
      }
    }
    return body
  }

  /// The title Word shows in the document's properties: the draft's title line, else its file's name.
  static func title(of draft: Draft, number: Int) -> String {
    draft.titleBlock.map { [$0.subject, $0.title].compactMap { $0 }.joined(separator: ": ") }
      ?? "\(Ordinal.words(number).capitalizedFirstLetter) draft"
  }
}

extension String {
  var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
