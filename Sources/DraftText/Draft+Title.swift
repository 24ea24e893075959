import Foundation

/// Numbered titles: reading the ordinal of a draft and producing the next one's title block.
extension Draft {
  /// The number in the title ("Seventh draft …" → 7), nil without a title block or ordinal.
  public var ordinal: Int? {
    guard let title = titleBlock?.title, let range = TitleOrdinal.range(in: title) else { return nil }
    return Ordinal.number(String(title[range]))
  }

  /// The draft with its title advanced to `number` ("Seventh draft" → "Eighth draft", in the
  /// source's capitalisation) and, when `date` is given, its date line set to that date in the
  /// line's own style ("as of 12 October 2010" → "as of 13 October 2010"). A draft without a date
  /// line gets one ("as of 13 October 2010") below the title. Nothing else changes.
  ///
  /// - Throws: ``DraftError/noOrdinalInTitle(title:)`` when there is no title with an ordinal
  ///   (use ``replacingTitle(with:)``), ``DraftError/ordinalOutOfRange(_:)``,
  ///   ``DraftError/incompleteDate``.
  public func advancingTitle(to number: Int, date: DateComponents?) throws(DraftError) -> Draft {
    guard Ordinal.range.contains(number) else { throw .ordinalOutOfRange(number) }
    guard let titleIndex = titleBlockIndex(.title), case .titleLine(_, var title) = blocks[titleIndex] else {
      throw .noOrdinalInTitle(title: nil)
    }
    guard let range = TitleOrdinal.range(in: title.content) else { throw .noOrdinalInTitle(title: title.content) }
    let old = String(title.content[range])
    title.content.replaceSubrange(range, with: TitleOrdinal.styled(Ordinal.words(number), like: old))
    var draft = self
    draft.blocks[titleIndex] = .titleLine(.title, title)
    if let date {
      guard let day = date.calendarDay else { throw .incompleteDate }
      if let dateIndex = titleBlockIndex(.dateLine), case .titleLine(_, var line) = blocks[dateIndex],
        let written = WrittenDate.find(in: line.content)
      {
        line.content = written.replacing(in: line.content, year: day.year, month: day.month, day: day.day)
        draft.blocks[dateIndex] = .titleLine(.dateLine, line)
      } else {
        let month = WrittenDate.monthNames[day.month - 1].capitalizedFirst
        let line = SourceLine(content: "as of \(day.day) \(month) \(day.year)", terminator: lineEnding)
        let ending = draft.endsWithLineEnding
        draft.blocks.insert(.titleLine(.dateLine, line), at: titleIndex + 1)
        draft.restoreLineEnds(endingWithLineEnding: ending)
      }
    }
    draft.reindex()
    return draft
  }

  /// The draft with `title` as its title line: in place of the old title, or, for a draft
  /// without a title block, as a new first line (after any front matter) followed by a blank line.
  ///
  /// - Throws: ``DraftError/unsupportedEdit(_:)`` for an empty title or one of several lines.
  public func replacingTitle(with title: String) throws(DraftError) -> Draft {
    guard !title.trimmed.isEmpty, !title.contains("\n"), !title.contains("\r") else {
      throw .unsupportedEdit("a title is one line of text")
    }
    var draft = self
    if let titleIndex = titleBlockIndex(.title), case .titleLine(_, var line) = blocks[titleIndex] {
      line.content = title
      draft.blocks[titleIndex] = .titleLine(.title, line)
    } else {
      let position = frontMatterBlockCount
      var added: [Block] = [.titleLine(.title, SourceLine(content: title, terminator: lineEnding))]
      if position < blocks.count, !blocks[position].isBlank { added.append(blankLine) }
      draft.blocks.insert(contentsOf: added, at: position)
    }
    draft.reindex()
    return draft
  }

  private func titleBlockIndex(_ part: TitleBlock.Part) -> Int? {
    blocks.firstIndex { block in
      if case .titleLine(part, _) = block { return true }
      return false
    }
  }

  /// The number of blocks taken by YAML front matter at the top.
  private var frontMatterBlockCount: Int {
    guard case .line(let first)? = blocks.first, first.content == "---" else { return 0 }
    for position in blocks.indices.dropFirst() {
      if case .line(let line) = blocks[position], line.content == "---" || line.content == "..." {
        return position + 1
      }
    }
    return 0
  }
}
