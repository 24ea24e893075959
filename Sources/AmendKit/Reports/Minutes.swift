import DraftText

/// The record of a session: every decision with its proposal, delegation and wording.
public enum Minutes {
  /// The minutes of `session`: its decisions in order, in words.
  public static func render(_ session: Session, ledger: Ledger) -> String {
    var out = ["Session \(session.name) (\(session.date)), chaired by \(session.chair)\(session.isOpen ? ", still open" : "")"]
    if session.decisions.isEmpty { out.append("No decisions were taken.") }
    for event in session.decisions {
      guard let id = event.proposal, let state = ledger.proposals[id] else { continue }
      let record = state.record
      let clause = ClauseID(rawValue: record.clause).display
      let words = (try? record.operation.decoded().description(clause: clause)) ?? record.operation.kind
      let verb =
        switch event.kind {
        case .accepted: event.asRevised == nil ? "accepted" : "accepted as orally revised"
        case .rejected: "rejected"
        case .deferred: "deferred"
        default: "reopened (decision taken back)"
        }
      let draft = "the \(Ordinal.words(record.draft)) draft"
      let place = record.isThroughout ? "throughout \(draft)" : "\(clause) of \(draft)"
      out.append("- \(id) \(record.delegation), \(place): \(words): \(verb)")
      if let revised = event.asRevised {
        out.append("    as revised: \(revised)")
      } else if event.kind == .accepted, let proposed = record.textProposed, record.operation.kind != "move-clause" {
        out.append("    wording: \(proposed)")
      }
      if let note = event.note { out.append("    note: \(note)") }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
