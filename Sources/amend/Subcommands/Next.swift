import AmendKit
import ArgumentParser
import DraftText

extension Amend {
  /// `amend next`: the next numbered draft.
  struct Next: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "next",
      abstract: "Apply the accepted proposals and produce the next numbered draft.")

    @Option(help: "The date for the date line, YYYY-MM-DD (default: the last session's).") var date: String?
    @Option(help: "The new title, for a draft whose title has no ordinal.") var title: String?
    @Flag(help: "Print the new draft and write nothing.") var dryRun = false
    @Flag(help: "Produce the draft even though nothing was decided since the last one.") var allowEmpty = false
    @Flag(help: "Number the articles 1, 2, 3… in order (no more 'bis' or gaps); headings, ids and citations follow.")
    var numberArticles = false
    @Flag(name: .customLong("print"), help: "Print the new draft's text too (a dry run prints it unless --quiet).")
    var printDraft = false
    @Flag(help: "Print only the one line saying what was written.") var quiet = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let workspace = try options.workspace()
      let day = try date.map(CalendarDate.parse)
      let next = try workspace.produceNextDraft(
        date: day, title: title, dryRun: dryRun, allowEmpty: allowEmpty, numberArticles: numberArticles)
      workspace.reportWarnings()
      for citation in next.unresolvedCitations {
        let why = citation.deleted ? "which this draft deletes" : "which the \(Ordinal.words(next.numbering.from)) draft does not have"
        Output.warning(
          "in \(citation.clause.display), '\(citation.citation)' cites \(citation.cited.display), \(why): left as it is; table a proposal to correct it"
        )
      }
      if (printDraft || dryRun) && !quiet {
        Output.exact(next.text)
        Output.line()
      }
      let produced = try? Draft(parsing: next.text)
      let title = produced?.titleBlock.map { " (\($0.title))" } ?? ""
      Output.line(
        dryRun
          ? "Dry run: nothing written. It would be \(next.file.path)\(title)."
          : "\(next.file.path)\(title) committed as \(next.commit?.short ?? "?"); tagged \(next.tag)")
      if quiet { return }
      Output.line("Applied: \(next.applied.isEmpty ? "none" : next.applied.joined(separator: ", "))")
      if let produced {
        let brackets = BracketReport(produced, text: next.text, number: next.file.number)
        if brackets.total > 0 { Output.line("Brackets: \(brackets.summary) ('amend brackets' lists them)") }
      }
      Output.line("Numbering (\(Ordinal.words(next.numbering.from)) draft → \(Ordinal.words(next.numbering.to))):")
      if next.numbering.changes.isEmpty { Output.line("  unchanged") }
      for change in next.numbering.changes {
        let old = change.old.map { ClauseID(rawValue: $0).display } ?? "(new)"
        let new = change.new.map { ClauseID(rawValue: $0).display } ?? "(deleted)"
        Output.line("  \(old) → \(new)\(change.proposal.map { "  [\($0)]" } ?? "")")
      }
      if !next.citations.isEmpty {
        Output.line("Citations followed (secretariat):")
        for citation in next.citations { Output.line("  in \(citation.clause.display): '\(citation.old)' → '\(citation.new)'") }
      }
      if !next.carriedOver.isEmpty {
        Output.line("Carried over:")
        for carried in next.carriedOver {
          let place = carried.isThroughout ? "throughout the text" : carried.clause.map { ClauseID(rawValue: $0).display } ?? "(clause gone)"
          Output.line("  \(carried.id) \(carried.delegation) → \(place)\(carried.needsRevision.map { ": needs revision, \($0)" } ?? "")")
        }
      }
    }
  }
}
