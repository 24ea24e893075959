import DraftText

extension ClauseHistory {
  /// The history as `amend history` prints it: every version, draft by draft, each change attributed.
  /// The notes are not in it: they are warnings, for the caller to show apart.
  public var renderedText: String {
    let count = versions.count
    var out = ["\(name) of the \(Ordinal.words(draft)) draft: \(count) draft\(count == 1 ? "" : "s")"]
    for version in versions {
      out.append("")
      out.append("\(Ordinal.words(version.draft).capitalizedFirst) draft: \(version.name ?? "deleted")")
      if let text = version.text { out.append("  \(text)") }
      if version.changes.isEmpty { out.append("  unchanged") }
      for change in version.changes {
        out += change.describedLines.map { "  " + $0 }
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
