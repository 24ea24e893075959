import AmendKit
import ArgumentParser
import Foundation

/// `amend`: tables amendments clause by clause, runs the chair's sessions and produces numbered drafts,
/// all on the record in a git repository.
@main
struct Amend: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "amend",
    abstract: "Negotiate a text clause by clause: table amendments, decide them in session, produce the next draft.",
    version: AmendVersion.line,
    subcommands: [
      Init.self, Show.self, Clauses.self, Propose.self, Revise.self, Withdraw.self, Cosponsor.self, TakeUp.self,
      Proposals.self, ProposalCommand.self, Compile.self, BracketsCommand.self, DeadlineCommand.self,
      SessionCommand.self, Agenda.self, Accept.self, Reject.self, Defer.self, Reopen.self, Reconsider.self, Next.self,
      HistoryCommand.self, BlameCommand.self, DiffCommand.self, LogCommand.self, Clone.self, Sync.self,
      RolesCommand.self, Verify.self, Serve.self, Access.self,
    ])

  /// Parses, then runs: a mistake in the arguments and a failure while running are told apart by
  /// where they were caught, and each becomes one line on standard error.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      Failure.refuseArguments(error, arguments: arguments)
    }
    do {
      try command.run()
    } catch {
      Failure.stop(error, arguments: arguments)
    }
  }
}
