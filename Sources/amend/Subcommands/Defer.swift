import ArgumentParser

extension Amend {
  /// `amend defer ID`: the chair defers a proposal to a later meeting.
  struct Defer: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "defer", abstract: "Defer a proposal to a later meeting.")
    @OptionGroup var decision: DecisionArguments
    @Option(parsing: .unconditional, help: "A note for the minutes.", transform: Words.value) var note: String?
    func run() throws { try decision.decide(.deferral, note: note) }
  }
}
