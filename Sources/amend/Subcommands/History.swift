import AmendKit
import ArgumentParser
import Documents
import DraftText

extension Amend {
  /// `amend history CLAUSE`: every version of a clause, draft by draft, and what changed it.
  struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "Show every version of a clause, from the draft it first stood in, and who changed it.")

    @OptionGroup var citation: ClauseCitation
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let document = try citation.format.value().document
      if let document { try citation.destination.check(document) }
      let snapshot = try options.workspace().snapshot()
      let history = try snapshot.clauseHistory(citation.clause, draft: citation.draft)
      if let document {
        try citation.destination.write(.history(history, in: snapshot), as: document)
        return
      }
      if citation.json {
        Output.line(try JSONOutput.encode(history))
        return
      }
      for note in history.notes { Output.warning(note) }
      Output.exact(history.renderedText)
    }
  }
}
