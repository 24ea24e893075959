import ArgumentParser

extension Amend {
  /// `amend reject ID`: the chair rejects a proposal in the open session.
  struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reject", abstract: "Reject a proposal.")
    @OptionGroup var decision: DecisionArguments
    @Option(parsing: .unconditional, help: "A note for the minutes.", transform: Words.value) var note: String?
    func run() throws { try decision.decide(.reject, note: note) }
  }
}
