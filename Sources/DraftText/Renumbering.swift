/// One line of the table of old and new numbers published with a new draft.
///
/// The table compares the ids a draft had when it was parsed with the ids it has now:
/// a renumbered clause has both, an inserted clause has no `old`, a deleted clause has no `new`.
/// Clauses whose id did not change are not listed.
public struct Renumbering: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  public var key: ClauseKey
  public var old: ClauseID?
  public var new: ClauseID?

  public init(key: ClauseKey, old: ClauseID?, new: ClauseID?) {
    self.key = key
    self.old = old
    self.new = new
  }

  /// "7 (c) → 7 (d)", "(new) → 7 (c)", "4 (h) → (deleted)".
  public var description: String {
    "\(old?.display ?? "(new)") → \(new?.display ?? "(deleted)")"
  }
}

extension Draft {
  /// Renumbers every list an insertion, deletion or move has changed, each marker keeping its own style: `- c)` → `- d)`, `c)` → `d)`,
  /// `(c)` → `(d)`, `4.` → `5.`. Letters run a…z, then aa, bb… as in UN documents. Lists no edit touched are
  /// left as written, even where the source numbered them irregularly.
  ///
  /// - Returns: The table of old and new ids since parsing (see ``Renumbering``).
  @discardableResult
  public mutating func renumber() -> [Renumbering] {
    renumberLists()
    return renumberingTable()
  }

  /// ``renumber()`` without working out the table: for a chain of edits that only needs the text.
  public mutating func renumberLists() {
    renumberArticles()
    var relabelled: [ClauseKey: String] = [:]
    for (_, list) in editedLists.isEmpty ? [] : OutlineLists.keyedLists(in: blocks, only: editedLists) {
      guard let kind = list.first(where: { $0.labelKind != .none })?.labelKind else { continue }
      let expected = (1...list.count).map { LabelSequence.label($0, as: kind) }
      guard list.map(\.marker.label) != expected else { continue }
      for (node, label) in zip(list, expected) where node.marker.label != label {
        relabelled[node.key] = label
      }
    }
    editedLists = []
    // Every edit leaves the index current: with no label to change there is nothing to rebuild
    // (a change of wording, or an edit that left its list in order).
    guard !relabelled.isEmpty else {
      assert(index == DraftIndex(blocks: blocks), "an edit left the index behind its blocks")
      return
    }
    blocks = blocks.map { block in
      guard case .clause(var node) = block, let label = relabelled[node.key] else { return block }
      node.marker = node.marker.relabelled(label)
      return .clause(node)
    }
    reindex()
  }

  /// The ids that changed since the draft was parsed, in document order, then deleted clauses.
  public func renumberingTable() -> [Renumbering] {
    var table: [Renumbering] = []
    for clause in clauses {
      let old = parsedIDs[clause.key]
      if old != clause.id { table.append(Renumbering(key: clause.key, old: old, new: clause.id)) }
    }
    for key in parsedOrder where index.clause(key) == nil {
      table.append(Renumbering(key: key, old: parsedIDs[key], new: nil))
    }
    return table + headingRenumbering()
  }
}
