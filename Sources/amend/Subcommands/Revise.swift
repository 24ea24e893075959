import AmendKit
import ArgumentParser
import DraftText

extension Amend {
  /// `amend revise ID --by DELEGATION …`: new wording for a pending proposal, same identity.
  struct Revise: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Replace the wording of a pending proposal (its proposer, or a co-sponsor on its behalf); it keeps its id.",
      discussion: OperationArguments.discussion)

    @Argument(help: "The proposal's id (or its first characters).") var id: String
    @Option(parsing: .unconditional, help: "The delegation revising it.", transform: Words.value) var by: String
    @OptionGroup var change: OperationArguments
    @Option(help: "The clause, when the one the proposal stood on is gone (default: where it stands now).")
    var clause: String?
    @Option(parsing: .unconditional, help: "A new explanatory statement.", transform: Words.value) var rationale: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let operation = try change.operation()
      let workspace = try options.workspace()
      let event = try workspace.revise(ProposalID(id), by: by, operation: operation, clause: clause, rationale: rationale)
      workspace.reportWarnings()
      let snapshot = try workspace.snapshot()
      let summary = ProposalSummary(try snapshot.proposal(ProposalID(event.proposal ?? id), in: try snapshot.currentDraft()))
      if json {
        Output.line(try JSONOutput.encode(summary))
        return
      }
      let onBehalf = event.onBehalfOf.map { " on behalf of \($0)" } ?? ""
      Output.line("\(summary.id) revised by \(event.by ?? by)\(onBehalf) (revision \(summary.revisions?.count ?? 1)): \(summary.description)")
      Output.line("  \(summary.clauseName) \(summary.redline)")
    }
  }

  /// `amend take-up ID --by DELEGATION`: a withdrawn proposal re-tabled by another delegation.
  struct TakeUp: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "take-up",
      abstract: "Re-table a withdrawn proposal as your delegation's own, linked to the original.")

    @Argument(help: "The withdrawn proposal's id (or its first characters).") var id: String
    @Option(parsing: .unconditional, help: "The delegation taking it up; it is the new commit's author.", transform: Words.value)
    var by: String
    @Option(
      parsing: .unconditionalSingleValue, help: "A co-sponsoring delegation (repeat for more).", transform: Words.value)
    var cosponsor: [String] = []
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let workspace = try options.workspace()
      let record = try workspace.takeUp(ProposalID(id), by: by, cosponsors: cosponsor)
      workspace.reportWarnings()
      let snapshot = try workspace.snapshot()
      let summary = ProposalSummary(try snapshot.marshalled(record, in: try snapshot.currentDraft()))
      if json {
        Output.line(try JSONOutput.encode(summary))
        return
      }
      let place = summary.throughout == nil ? "on \(summary.clauseName)" : summary.clauseName
      Output.line("\(summary.id) tabled by \(summary.sponsors) \(place), taking up \(record.takenUpFrom ?? id): \(summary.description)")
      ThroughoutOutput.redlines(summary, indent: "  ")
    }
  }
}
