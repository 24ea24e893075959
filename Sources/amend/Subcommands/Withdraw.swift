import AmendKit
import ArgumentParser

extension Amend {
  /// `amend withdraw ID --by DELEGATION`.
  struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "withdraw",
      abstract: "Withdraw a proposal before it is decided (its proposer, or a co-sponsor on its behalf).")

    @Argument(help: "The proposal's id (or its first characters).") var id: String
    @Option(parsing: .unconditional, help: "The delegation withdrawing it.", transform: Words.value) var by: String
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let workspace = try options.workspace()
      let event = try workspace.withdraw(ProposalID(id), by: by)
      workspace.reportWarnings()
      let onBehalf = event.onBehalfOf.map { " on behalf of \($0)" } ?? ""
      Output.line("\(event.proposal ?? id) withdrawn by \(event.by ?? by)\(onBehalf)")
    }
  }
}
