import AmendKit
import ArgumentParser

extension Amend {
  /// `amend log`: the negotiation as events, newest first.
  struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "log",
      abstract: "List the negotiation's events, newest first: tabled, withdrawn, decided, drafts produced, hand-made commits.")

    @Option(help: "Show at most this many events.") var limit: Int?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      if let limit, limit < 1 { throw Refusal("--limit must be 1 or more, not \(limit)") }
      let entries = try options.workspace().snapshot().log(limit: limit)
      if json {
        Output.line(try JSONOutput.encode(entries))
        return
      }
      let width = entries.map(\.event.count).max() ?? 0
      let authors = min(entries.map(\.author.count).max() ?? 0, 28)
      for entry in entries {
        let when = entry.time.prefix(16).replacingOccurrences(of: "T", with: " ")
        let author = entry.author.count > authors ? String(entry.author.prefix(authors - 1)) + "…" : entry.author
        Output.line(
          "\(entry.commit.prefix(7))  \(when)  \(entry.event.padding(toLength: width, withPad: " ", startingAt: 0))  "
            + "\(author.padding(toLength: authors, withPad: " ", startingAt: 0))  \(entry.summary)"
        )
      }
    }
  }
}
