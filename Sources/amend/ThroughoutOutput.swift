import AmendKit
import ArgumentParser
import DraftText

/// How the commands print a global amendment, which lists each clause it changes where others print one.
enum ThroughoutOutput {
  /// What `propose --throughout` prints: the proposal, then each clause it changes with its redline.
  static func tabled(_ record: ProposalRecord, in workspace: Workspace, json: Bool) throws {
    let snapshot = try workspace.snapshot()
    let item = try snapshot.marshalled(record, in: try snapshot.currentDraft())
    let summary = ProposalSummary(item)
    for place in summary.throughout ?? [] {
      if let note = item.operation.pastedTextNote(in: place.textBefore) { Output.note("in \(place.clauseName), \(note)") }
    }
    if json {
      Output.line(try JSONOutput.encode(summary))
      return
    }
    let places = summary.throughout ?? []
    let occurrences = places.reduce(0) { $0 + $1.occurrences }
    Output.line(
      "\(summary.id) tabled by \(summary.sponsors) \(summary.description): "
        + "\(occurrences) occurrence\(occurrences == 1 ? "" : "s") in \(places.count) clause\(places.count == 1 ? "" : "s")")
    redlines(summary, indent: "  ")
  }

  /// The redline lines of a proposal: one for its clause, or one for each clause a global amendment changes.
  static func redlines(_ summary: ProposalSummary, indent: String) {
    guard let places = summary.throughout else {
      Output.line("\(indent)\(summary.clauseName) \(summary.redline)")
      return
    }
    for place in places { Output.line("\(indent)\(place.clauseName) \(place.redline)") }
  }

  /// "Against 7 (b), 9 and 12 of the seventh draft, throughout the text; now in 7 (b) (line 4), 9 (line 8)".
  static func against(_ summary: ProposalSummary) -> String {
    let tabled = (summary.tabledAgainst.clauses ?? []).map { ClauseID(rawValue: $0).display }.joined(separator: ", ")
    let now = (summary.throughout ?? []).map { "\($0.clauseName) (line \($0.line))" }.joined(separator: ", ")
    return "Against the \(Ordinal.words(summary.tabledAgainst.draft)) draft, throughout the text (the words occurred in \(tabled)); "
      + (now.isEmpty ? "now in no clause" : "now in \(now)")
  }
}
