import AmendKit

/// Where a redline's clauses go in the later draft: each changed clause under its new id, and each
/// clause gone from where it stood (deleted, or moved away) before the first clause after it in the
/// earlier draft that is still there, or at the end. The HTML and Akoma Ntoso redlines are laid out alike.
struct ComparisonLayout {
  /// The entry of each clause of the later draft that changed, by its id there.
  var byLater: [String: DraftComparison.Entry] = [:]
  /// The clauses gone from where they stood, in the comparison's order, each with the id (in the later
  /// draft) of the clause it stands before; nil for the end.
  var gone: [(entry: DraftComparison.Entry, before: String?)] = []

  init(_ comparison: DraftComparison, earlier: DraftVersion, later: DraftVersion) {
    let byEarlier = Dictionary(
      comparison.entries.compactMap { entry in entry.from.map { ($0, entry) } }, uniquingKeysWith: { first, _ in first })
    let earlierIDs = earlier.draft.clauses.map(\.id.rawValue)
    let laterIDs = Set(later.draft.clauses.map(\.id.rawValue))
    for entry in comparison.entries {
      if let to = entry.to {
        byLater[to] = entry
        // A moved clause is struck where it stood, too.
        if entry.kind != .moved { continue }
      }
      guard let from = entry.from, let position = earlierIDs.firstIndex(of: from) else {
        gone.append((entry, nil))
        continue
      }
      var anchor: String?
      for next in earlierIDs[(position + 1)...] {
        if let changed = byEarlier[next] {
          if let to = changed.to, changed.kind != .moved {
            anchor = to
            break
          }
        } else if laterIDs.contains(next) {
          anchor = next
          break
        }
      }
      gone.append((entry, anchor == entry.to ? nil : anchor))
    }
  }
}
