import AmendKit
import ArgumentParser
import Documents
import DraftText

extension Amend {
  /// `amend proposal ID`: one proposal with the redline of its effect.
  struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "proposal", abstract: "Show one proposal with a word-level redline of its effect.")

    @Argument(help: "The proposal's id (or its first characters).") var id: String
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "text, or a document: html or akn (an Akoma Ntoso amendment).") var format = Choice(ProposalFormat.text)
    @Flag(help: "Cite the proposal by page and line of the current draft as printed with line numbers.") var lineNumbers = false
    @OptionGroup var destination: DocumentDestination
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let document = try format.value().document
      if let document { try destination.check(document) }
      let snapshot = try options.workspace().snapshot()
      let current = try snapshot.currentDraft()
      let item = try snapshot.proposal(ProposalID(id), in: current)
      snapshot.reportProblems()
      if let document {
        try destination.write(.proposal(item, in: snapshot), as: document)
        return
      }
      let summary = ProposalSummary(item)
      if json {
        Output.line(try JSONOutput.encode(summary))
        return
      }
      Output.line("Proposal \(summary.id): \(summary.status)")
      Output.line("Tabled by \(summary.sponsors) on \(summary.tabled)")
      if summary.late == true { Output.line("Late: tabled after the deadline; the chair decides whether to take it") }
      if let original = summary.takenUpFrom { Output.line("Takes up \(original), withdrawn") }
      if let successor = summary.takenUpBy { Output.line("Taken up as \(successor)") }
      for line in try SubAmendmentLines.proposal(summary, in: snapshot) { Output.line(line) }
      for (number, revision) in (summary.revisions ?? []).enumerated() {
        let onBehalf = revision.onBehalfOf.map { " on behalf of \($0)" } ?? ""
        let operation = (try? revision.operation?.decoded())?.description(clause: ClauseID(rawValue: revision.clause).display) ?? "?"
        Output.line("Revision \(number + 1) by \(revision.by)\(onBehalf) on \(revision.time): \(operation)")
      }
      for change in summary.cosponsorships ?? [] { Output.line("Co-sponsor \(change.by) \(change.change) on \(change.time)") }
      Output.line(
        summary.throughout != nil
          ? ThroughoutOutput.against(summary)
          : "Against \(ClauseID(rawValue: summary.tabledAgainst.clause).display) of the \(Ordinal.words(summary.tabledAgainst.draft)) draft; "
            + "now \(summary.clauseName)\(summary.line.map { ", line \($0)" } ?? "")"
      )
      if lineNumbers, let cited = PagedLayout(current.draft).citation(of: item) {
        Output.line("Printed at \(cited) of the \(Ordinal.words(current.number)) draft with line numbers")
      }
      Output.line("Amendment: \(summary.description)")
      if let decision = summary.decision {
        Output.line("Decision: \(decision.decision) in session \(decision.session ?? "?") (\(decision.date ?? "")), chair \(decision.chair ?? "?")")
        if let revised = decision.asRevised { Output.line("As orally revised: \(revised)") }
        if let note = decision.note { Output.line("Note: \(note)") }
      }
      if let conflict = summary.conflict {
        let settled = summary.settledBy.map { "; settled: \($0.words)" } ?? "; the chair must decide it again"
        Output.line("Conflict: \(conflict.map(\.words).joined(separator: " and "))\(settled)")
      }
      if let reason = summary.needsRevision { Output.line("Needs revision: \(reason)") }
      if !summary.collidesWith.isEmpty { Output.line("Collides with: \(summary.collidesWith.joined(separator: ", "))") }
      Output.line()
      ThroughoutOutput.redlines(summary, indent: "")
      if !summary.rationale.isEmpty {
        Output.line()
        Output.line("Explanatory statement: \(summary.rationale)")
      }
    }
  }
}
