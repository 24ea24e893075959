import AmendKit
import ArgumentParser
import Foundation

extension Amend {
  /// `amend clauses`: every clause's id with its first words.
  struct Clauses: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "clauses", abstract: "List the clauses of the current draft.")

    @Option(help: "The draft's number (default: the current draft).")
    var draft: Int?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let version = try draft.map { try snapshot.draft(number: $0) } ?? snapshot.currentDraft()
      let entries = version.draft.clausesAndHeadings.map(ClauseListing.init)
      if json {
        Output.line(try JSONOutput.encode(entries))
        return
      }
      let width = entries.map(\.name.count).max() ?? 0
      for entry in entries {
        Output.line(entry.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.firstWords)
      }
    }
  }
}
