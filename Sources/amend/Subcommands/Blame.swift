import ArgumentParser
import DraftText
import AmendKit

extension Amend {
  /// `amend blame CLAUSE`: who wrote which words of a clause.
  struct BlameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "blame",
      abstract: "Attribute each run of a clause's words to the proposal that introduced it, or the draft it stands since.")

    @OptionGroup var citation: ClauseCitation
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let blame = try snapshot.clauseBlame(citation.clause, draft: citation.draft)
      if citation.json {
        Output.line(try JSONOutput.encode(blame))
        return
      }
      for note in blame.notes { Output.warning(note) }
      Output.line("\(blame.name) of the \(Ordinal.words(blame.draft)) draft")
      Output.line()
      Output.line(blame.marker + blame.text)
      Output.line()
      let quoted = blame.spans.map { "\"\($0.text)\"" }
      let width = min(quoted.map(\.count).max() ?? 0, 60)
      for (span, text) in zip(blame.spans, quoted) {
        Output.line("  " + text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) + "  " + span.source.attribution)
      }
      Output.line()
      for line in blame.lines {
        Output.line(
          "Line \(line.line) of \(blame.path) last written by commit \(line.source.commit.prefix(7)) (\(line.source.who)), as git blame reports.")
      }
    }
  }
}
