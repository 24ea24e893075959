import AmendKit
import ArgumentParser
import DraftText

extension Amend {
  /// `amend propose CLAUSE --by DELEGATION …`: tables one amendment to one clause.
  struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "propose",
      abstract: "Table an amendment to a clause of the current draft.",
      discussion: OperationArguments.discussion + "\nThe new proposal's id is the first word printed.")

    @Argument(help: "The clause, as people cite it: 7.b, 7 (b), para 7 (b)… (none with --throughout or --to)")
    var clause: String?
    @Flag(help: "A global amendment: --replace (or --delete) the words in every clause where they occur; give no clause.")
    var throughout = false
    @Option(help: "Amend the text this pending proposal proposes (a sub-amendment), rather than a clause.")
    var to: String?

    // Words may begin with '-' ("-ish", "- and"): every text option reads its next argument as it is.
    @Option(parsing: .unconditional, help: "The delegation tabling it; it is the commit's author.", transform: Words.value)
    var by: String

    @OptionGroup var change: OperationArguments
    @Option(
      parsing: .unconditionalSingleValue, help: "A co-sponsoring delegation (repeat for more).", transform: Words.value)
    var cosponsor: [String] = []
    @Option(parsing: .unconditional, help: "The explanatory statement.", transform: Words.value)
    var rationale: String?
    @Option(help: "The delegation's e-mail address.") var email: String?
    @Flag(help: "Table it after the deadline, as a late amendment the chair decides whether to take.") var late = false
    @Flag(help: "Print JSON.") var json = false

    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      _ = try change.target(clause: clause, to: to, throughout: throughout)
      _ = try change.operation(throughout: throughout)
    }

    func run() throws {
      let target = try change.target(clause: clause, to: to, throughout: throughout)
      let operation = try change.operation(throughout: throughout)
      let workspace = try options.workspace()
      var request = ProposalRequest(
        clause: target.clause, delegation: by, operation: operation, cosponsors: cosponsor, rationale: rationale ?? "",
        email: email)
      request.late = late
      request.to = target.to
      let record = try workspace.table(request)
      workspace.reportWarnings()
      if throughout {
        try ThroughoutOutput.tabled(record, in: workspace, json: json)
        return
      }
      if let note = operation.pastedTextNote(in: record.textBefore) {
        Output.note("in \(ClauseID(rawValue: record.clause).display), \(note)")
      }
      // Only the new record is read back: tabling stays as fast with 4,000 proposals as with one.
      let snapshot = try workspace.snapshot()
      let summary = ProposalSummary(try snapshot.marshalled(record, in: try snapshot.currentDraft()))
      if json {
        Output.line(try JSONOutput.encode(summary))
      } else if let parent = summary.to {
        Output.line("\(summary.id) tabled by \(summary.sponsors), sub-amendment to \(parent) on \(summary.clauseName): \(summary.description)")
        Output.line("  \(parent)'s text: \(summary.redline)")
      } else {
        Output.line("\(summary.id) tabled by \(summary.sponsors) on \(summary.clauseName): \(summary.description)")
        Output.line("  \(summary.clauseName) \(summary.redline)")
      }
    }
  }
}
