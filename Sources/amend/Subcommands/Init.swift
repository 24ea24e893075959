import AmendKit
import ArgumentParser
import Documents

extension Amend {
  /// `amend init --from FILE`: starts a negotiation from a draft's text.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Make a folder a negotiation repository and commit a draft as its first numbered draft.")

    @Option(help: "The draft's text file (UTF-8), or an Akoma Ntoso document (.xml).")
    var from: String

    @Option(help: "The draft's number when its title has no ordinal (default 1).")
    var number: Int?

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      // An Akoma Ntoso document becomes the draft's text first, then is initialised as a text is.
      let source =
        AkomaNtosoImport.isDocument(path: from)
        ? try DraftSource(path: from, text: AkomaNtosoImport.text(path: from)) : try DraftSource(path: from)
      let done = try Workspace.initialise(
        folder: options.repo, source: source, number: number, context: try options.context())
      for warning in done.warnings { Output.warning(warning) }
      Output.line(
        "\(done.file.path) committed as \(done.commit.short)\(done.createdRepository ? " in a new repository" : ""); tagged draft-\(done.file.number)"
      )
    }
  }
}
