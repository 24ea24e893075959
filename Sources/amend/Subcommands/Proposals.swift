import Foundation
import ArgumentParser
import DraftText
import AmendKit

extension Amend {
  /// `amend proposals`: the proposals, filtered.
  struct Proposals: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List proposals, in the order the chair takes them.")

    @Option(help: "Only those on this clause (as it is numbered now).") var clause: String?
    @Option(help: "Only those tabled or co-sponsored by this delegation.") var by: String?
    @Option(help: "Only those with this status: \(ProposalStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let current = try snapshot.currentDraft()
      let wanted = try status.map { spelled -> ProposalStatus in
        guard let status = ProposalStatus(rawValue: spelled.lowercased()) else {
          throw AmendError("unknown status '\(spelled)': use one of \(ProposalStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return status
      }
      let clauseKey: ClauseKey?
      do {
        clauseKey = try clause.map { try current.draft.resolve($0).key }
      } catch {
        throw AmendError("\(error)")
      }
      let listed = try snapshot.marshalledList(current, toleratingDamage: true) { wanted == nil || $0 == wanted }.filter { item in
        (clauseKey == nil || item.placement.clause?.key == clauseKey)
          && (by == nil || ([item.record.delegation] + item.record.cosponsors).contains {
            $0.caseInsensitiveCompare(by ?? "") == .orderedSame
          })
      }
      snapshot.reportProblems()
      let summaries = listed.map { ProposalSummary($0) }
      if json {
        Output.line(try JSONOutput.encode(summaries))
        return
      }
      if summaries.isEmpty { Output.line("no proposals") }
      for summary in summaries {
        var line = "\(summary.id)  \(summary.status.padding(toLength: 9, withPad: " ", startingAt: 0)) \(summary.clauseName)  \(summary.sponsors): \(summary.description)"
        if !summary.collidesWith.isEmpty { line += "  [collides with \(summary.collidesWith.joined(separator: ", "))]" }
        if summary.needsRevision != nil { line += "  [needs revision]" }
        if let conflict = summary.conflictLine { line += "  [\(conflict)]" }
        Output.line(line)
      }
    }
  }

  /// `amend proposal ID`: one proposal with the redline of its effect.
  struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "proposal", abstract: "Show one proposal with a word-level redline of its effect.")

    @Argument(help: "The proposal's id (or its first characters).") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let current = try snapshot.currentDraft()
      let state = try snapshot.ledger.get().proposal(id)
      guard
        let item = try snapshot.marshalledList(current, toleratingDamage: true, include: { _ in true })
          .first(where: { $0.id == state.id })
      else { throw AmendError("no proposal '\(id)'") }
      snapshot.reportProblems()
      let summary = ProposalSummary(item)
      if json {
        Output.line(try JSONOutput.encode(summary))
        return
      }
      Output.line("Proposal \(summary.id): \(summary.status)")
      Output.line("Tabled by \(summary.sponsors) on \(summary.tabled)")
      Output.line(
        "Against \(ClauseID(rawValue: summary.tabledAgainst.clause).display) of the \(Ordinal.words(summary.tabledAgainst.draft)) draft; now \(summary.clauseName)")
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
      Output.line("\(summary.clauseName) \(summary.redline)")
      if !summary.rationale.isEmpty {
        Output.line()
        Output.line("Explanatory statement: \(summary.rationale)")
      }
    }
  }
}
