import AmendKit

/// The lines `proposal` and `agenda` add for sub-amendments (`amend propose --to`).
enum SubAmendmentLines {
  /// For a sub-amendment, its parent; for a parent, its sub-amendments and those that changed its text.
  static func proposal(_ summary: ProposalSummary, in snapshot: Snapshot) throws -> [String] {
    let ledger = try snapshot.ledger.get()
    func named(_ id: String) -> String {
      guard let state = ledger.proposals[id] else { return id }
      return "\(id) (\(state.record.delegation), \(state.status.rawValue))"
    }
    var lines: [String] = []
    if let parent = summary.to {
      lines.append("Sub-amendment to \(named(parent)): changes the text it proposes")
      if let fell = summary.fellWith { lines.append("Fell when \(parent) was \(fell)") }
    }
    if let subs = summary.subAmendments { lines.append("Sub-amendments: \(subs.map(named).joined(separator: ", "))") }
    if let amended = summary.subAmendedBy {
      lines.append("Text as amended by: \(amended.map { "\($0) (\(ledger.proposals[$0]?.record.delegation ?? "?"))" }.joined(separator: ", "))")
    }
    return lines
  }

  /// The sub-amendments that fell since `current` was produced, with the parent they fell with.
  static func fallen(since current: DraftVersion, in snapshot: Snapshot) throws -> [String] {
    let ledger = try snapshot.ledger.get()
    let since = ledger.producedDrafts[current.number]?.seq ?? 0
    let fallen = ledger.byTablingOrder.filter { $0.status == .fallen && ($0.fellWith?.seq ?? 0) > since }
    guard !fallen.isEmpty else { return [] }
    return [""]
      + fallen.map { state in
        let how = state.fellWith?.kind == .withdrawn ? "withdrawn" : "rejected"
        return "Fallen: \(state.id) \(state.record.delegation), sub-amendment to \(state.record.to ?? "?"), which was \(how)"
      }
  }
}
