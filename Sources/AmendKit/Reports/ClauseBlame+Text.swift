import DraftText

extension ClauseBlame {
  /// The blame as `amend blame` prints it: the clause, each run of words with who wrote it, and the
  /// commit git blame gives each line. The notes are not in it: they are warnings, shown apart.
  public var renderedText: String {
    var out = ["\(name) of the \(Ordinal.words(draft)) draft", "", marker + text, ""]
    let quoted = spans.map { "\"\($0.text)\"" }
    let width = min(quoted.map(\.count).max() ?? 0, 60)
    for (span, text) in zip(spans, quoted) {
      out.append(
        "  " + text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) + "  "
          + span.source.attribution)
    }
    out.append("")
    for line in lines {
      out.append(
        "Line \(line.line) of \(path) last written by commit \(line.source.commit.prefix(7)) (\(line.source.who)), as git blame reports."
      )
    }
    return out.joined(separator: "\n") + "\n"
  }
}
