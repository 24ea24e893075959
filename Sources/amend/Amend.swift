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
      Compile.self, SessionCommand.self, Agenda.self, Accept.self, Reject.self, Defer.self, Reopen.self, Next.self,
    ])

  /// Runs the command, turning every failure into one line on standard error and a non-zero exit.
  static func main() {
    do {
      var command = try parseAsRoot(normalised(Array(CommandLine.arguments.dropFirst())))
      try command.run()
    } catch let error as AmendError {
      Output.error(error.message)
      Foundation.exit(1)
    } catch {
      exit(withError: error)
    }
  }
}
