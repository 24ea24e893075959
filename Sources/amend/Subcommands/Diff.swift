import AmendKit
import ArgumentParser
import Documents
import DraftText

extension Amend {
  /// `amend diff [FROM] [TO]`: the redline between two numbered drafts, each change attributed.
  struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract: "Show the redline between two numbered drafts (default: the last two), with who made each change.")

    @Argument(help: "The earlier draft's number (default: the one before TO).") var from: Int?
    @Argument(help: "The later draft's number (default: the current draft).") var to: Int?
    @Option(help: "Only this clause (as numbered in TO, or in FROM if TO deleted it).") var clause: String?
    @Option(help: "text ([-deleted-]{+inserted+}), markdown (~~deleted~~ **inserted**), json, or a document: html, pdf, docx or akn (Akoma Ntoso).")
    var format = Choice(DiffFormat.text)
    @OptionGroup var destination: DocumentDestination
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let chosen = try format.value()
      if let document = chosen.document { try destination.check(document) }
      let snapshot = try options.workspace().snapshot()
      // One number alone is the earlier draft, compared with the current one.
      let comparison = try snapshot.comparison(from: from, to: to, clause: clause)
      if let document = chosen.document {
        for note in comparison.notes { Output.warning(note) }
        try destination.write(.comparison(comparison, in: snapshot), as: document)
        return
      }
      guard let redline = chosen.redline else {
        Output.line(try JSONOutput.encode(comparison))
        return
      }
      for note in comparison.notes { Output.warning(note) }
      Output.exact(comparison.rendered(redline))
    }
  }
}
