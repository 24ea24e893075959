import ArgumentParser
import DraftText
import AmendKit

extension Amend {
  /// `amend diff [FROM] [TO]`: the redline between two numbered drafts, each change attributed.
  struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract: "Show the redline between two numbered drafts (default: the last two), with who made each change.")

    @Argument(help: "The earlier draft's number (default: the one before TO).") var from: Int?
    @Argument(help: "The later draft's number (default: the current draft).") var to: Int?
    @Option(help: "Only this clause (as numbered in TO, or in FROM if TO deleted it).") var clause: String?
    @Option(help: "text ([-deleted-]{+inserted+}), markdown (~~deleted~~ **inserted**) or json.") var format = "text"
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let redline: RedlineFormat?
      if format == "json" {
        redline = nil
      } else if let chosen = RedlineFormat(rawValue: format) {
        redline = chosen
      } else {
        throw AmendError("unknown format '\(format)': use text, markdown or json")
      }
      let snapshot = try options.workspace().snapshot()
      // One number alone is the earlier draft, compared with the current one.
      let comparison = try snapshot.comparison(from: from, to: to, clause: clause)
      guard let redline else {
        Output.line(try JSONOutput.encode(comparison))
        return
      }
      for note in comparison.notes { Output.warning(note) }
      let title = "From the \(Ordinal.words(comparison.from)) draft to the \(Ordinal.words(comparison.to)) draft"
      let count = comparison.entries.count
      if redline == .markdown {
        Output.line("# \(title)")
      } else {
        Output.line("\(title): \(count == 0 ? "no" : String(count)) clause\(count == 1 ? "" : "s") changed")
      }
      for entry in comparison.entries {
        Output.line()
        let who = entry.changes.map { $0.source.attribution }.joined(separator: "; ")
        switch redline {
        case .markdown:
          Output.line("**\(entry.name)** \(entry.kind.rawValue)")
          Output.line()
          Output.line(entry.redline(.markdown))
          if !who.isEmpty {
            Output.line()
            Output.line("*\(who)*")
          }
        case .text:
          Output.line("\(entry.name) \(entry.kind.rawValue)")
          Output.line("  " + entry.redline(.text))
          for change in entry.changes {
            for line in change.describedLines { Output.line("  " + line) }
          }
        }
      }
    }
  }
}
