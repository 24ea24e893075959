import AmendKit
import ArgumentParser

extension Amend {
  /// `amend cosponsor ID --by DELEGATION [--leave]`.
  struct Cosponsor: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cosponsor",
      abstract: "Join a pending proposal as co-sponsor, or leave it (--leave); the record shows when.")

    @Argument(help: "The proposal's id (or its first characters).") var id: String
    @Option(parsing: .unconditional, help: "The delegation joining (or leaving).", transform: Words.value) var by: String
    @Flag(help: "Leave the proposal instead of joining it.") var leave = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let workspace = try options.workspace()
      let event = try workspace.cosponsor(ProposalID(id), by: by, leaving: leave)
      workspace.reportWarnings()
      Output.line("\(event.by ?? by) \(leave ? "left" : "joined") \(event.proposal ?? id) as co-sponsor")
    }
  }
}
