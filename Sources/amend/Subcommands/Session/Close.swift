import AmendKit
import ArgumentParser

extension Amend.SessionCommand {
  /// `amend session close`: closes the open session and prints its minutes.
  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "close", abstract: "Close the open session and print its minutes.")
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let workspace = try options.workspace()
      let session = try workspace.closeSession()
      workspace.reportWarnings()
      Output.exact(Minutes.render(session, ledger: try workspace.snapshot().ledger.get()))
    }
  }
}
