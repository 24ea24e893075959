import AmendKit
import ArgumentParser
import DraftText
import Foundation

extension Amend {
  /// `amend proposals`: the proposals, filtered.
  struct Proposals: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "proposals", abstract: "List proposals, in the order the chair takes them.")

    @Option(help: "Only those on this clause (as it is numbered now).") var clause: String?
    @Option(help: "Only those tabled or co-sponsored by this delegation.") var by: String?
    @Option(help: "Only those with this status: \(ProposalStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: Choice<ProposalStatus>?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let current = try snapshot.currentDraft()
      let filter = ProposalFilter(clause: clause, delegation: by, status: try status?.value())
      let listed = try snapshot.proposals(in: current, matching: filter)
      snapshot.reportProblems()
      let summaries = listed.map { ProposalSummary($0) }
      if json {
        Output.line(try JSONOutput.encode(summaries))
        return
      }
      if summaries.isEmpty { Output.line("no proposals") }
      for summary in summaries {
        var line =
          "\(summary.id)  \(summary.status.padding(toLength: 9, withPad: " ", startingAt: 0)) \(summary.clauseName)  "
          + "\(summary.sponsors): \(summary.description)"
        if !summary.collidesWith.isEmpty { line += "  [collides with \(summary.collidesWith.joined(separator: ", "))]" }
        if summary.needsRevision != nil { line += "  [needs revision]" }
        if let conflict = summary.conflictLine { line += "  [\(conflict)]" }
        Output.line(line)
      }
    }
  }
}
