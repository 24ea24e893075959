import ArgumentParser
import Foundation
import Negotiation

/// `amend`: tables amendments clause by clause, runs the chair's sessions and produces numbered drafts,
/// all on the record in a git repository.
@main
struct Amend: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Negotiate a text clause by clause: table amendments, decide them in session, produce the next draft.",
    subcommands: [
      Init.self, Show.self, Clauses.self, Propose.self, Withdraw.self, Proposals.self, ProposalCommand.self,
      Compile.self, SessionCommand.self, Agenda.self, Accept.self, Reject.self, Defer.self, Reopen.self, Reconsider.self, Next.self,
      HistoryCommand.self, BlameCommand.self, DiffCommand.self, LogCommand.self,
    ])

  /// Runs the command, turning every failure into one line on standard error and a non-zero exit.
  static func main() {
    do {
      var command = try parseAsRoot(normalised(Array(CommandLine.arguments.dropFirst())))
      try command.run()
    } catch let error as AmendError {
      Output.error(error.message)
      Foundation.exit(1)
    } catch where isArgumentError(error) {
      exit(withError: error)
    } catch {
      // libgit2 and file-format failures: one line, and where to look.
      Output.error("\(oneLine(error)); the repository may be damaged: 'git fsck' shows what is wrong")
      Foundation.exit(1)
    }
  }

  /// Usage errors, help and version requests, which ArgumentParser prints and exits for itself.
  static func isArgumentError(_ error: any Error) -> Bool {
    error is ValidationError || error is CleanExit || error is ExitCode
      || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
  }

  static func oneLine(_ error: any Error) -> String {
    String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown error"
  }
}
