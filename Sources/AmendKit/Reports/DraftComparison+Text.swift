import DraftText

extension DraftComparison {
  /// The redline between the two drafts as `amend diff` prints it, every change attributed: text
  /// ([-deleted-]{+inserted+}) or markdown (~~deleted~~ **inserted**). The notes are not in it: they
  /// are warnings, shown apart.
  public func rendered(_ format: RedlineFormat) -> String {
    let title = "From the \(Ordinal.words(from)) draft to the \(Ordinal.words(to)) draft"
    let count = entries.count
    var out: [String] = []
    if format == .markdown {
      out.append("# \(title)")
    } else {
      out.append("\(title): \(count == 0 ? "no" : String(count)) clause\(count == 1 ? "" : "s") changed")
    }
    for entry in entries {
      out.append("")
      let who = entry.changes.map { $0.source.attribution }.joined(separator: "; ")
      switch format {
      case .markdown:
        out += ["**\(entry.name)** \(entry.kind.rawValue)", "", entry.redline(.markdown)]
        if !who.isEmpty { out += ["", "*\(who)*"] }
      case .text:
        out += ["\(entry.name) \(entry.kind.rawValue)", "  " + entry.redline(.text)]
        for change in entry.changes {
          out += change.describedLines.map { "  " + $0 }
        }
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
