import AmendKit
import ArgumentParser
import Documents
import DraftText

extension Amend {
  /// `amend blame CLAUSE`: who wrote which words of a clause.
  struct BlameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "blame",
      abstract: "Attribute each run of a clause's words to the proposal that introduced it, or the draft it stands since.")

    @OptionGroup var citation: ClauseCitation
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let document = try citation.format.value().document
      if let document { try citation.destination.check(document) }
      let snapshot = try options.workspace().snapshot()
      let blame = try snapshot.clauseBlame(citation.clause, draft: citation.draft)
      if let document {
        try citation.destination.write(.blame(blame, in: snapshot), as: document)
        return
      }
      if citation.json {
        Output.line(try JSONOutput.encode(blame))
        return
      }
      for note in blame.notes { Output.warning(note) }
      Output.exact(blame.renderedText)
    }
  }
}
