import AmendKit
import ArgumentParser

extension Amend {
  /// `amend agenda`: the marshalled list of what is still to decide.
  struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "agenda",
      abstract: "List the undecided proposals in clause order, as the chair takes them.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let current = try snapshot.currentDraft()
      let undecided = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
      snapshot.reportProblems()
      let summaries = undecided.map { ProposalSummary($0) }
      if json {
        Output.line(try JSONOutput.encode(summaries))
        return
      }
      let ledger = try snapshot.ledger.get()
      if let session = ledger.openSession {
        Output.line("Session \(session.name) (\(session.date)), chair \(session.chair): \(summaries.count) to decide")
      } else {
        Output.line("No session open: \(summaries.count) to decide")
      }
      var lastClause: String?
      for (item, summary) in zip(undecided, summaries) {
        if lastClause != summary.clause {
          Output.line()
          Output.line(
            item.operation.isThroughout
              ? "Throughout the text"
              : "\(item.placement.clause.map { $0.id.display } ?? summary.clause) \(item.placement.clause?.text ?? "")")
          lastClause = summary.clause
        }
        let marks =
          ([.deferred, .conflict].contains(item.state.status) ? [summary.status] : []) + (summary.late == true ? ["late"] : [])
          + (summary.to.map { ["sub-amendment to \($0)"] } ?? [])
        let note = marks.isEmpty ? "" : " (\(marks.joined(separator: ", ")))"
        Output.line("  \(summary.id) \(summary.sponsors)\(note): \(summary.description)")
        ThroughoutOutput.redlines(summary, indent: "    ")
        if !summary.collidesWith.isEmpty { Output.line("    collides with \(summary.collidesWith.joined(separator: ", "))") }
        if let conflict = summary.conflictLine { Output.line("    \(conflict)") }
        if let reason = summary.needsRevision { Output.line("    needs revision: \(reason)") }
      }
      for line in try SubAmendmentLines.fallen(since: current, in: snapshot) { Output.line(line) }
    }
  }
}
