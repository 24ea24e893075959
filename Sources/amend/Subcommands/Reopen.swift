import ArgumentParser

extension Amend {
  /// `amend reopen ID`: the chair takes back a decision of the open session.
  struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reopen", abstract: "Take back a decision taken in the open session.")
    @OptionGroup var decision: DecisionArguments
    func run() throws { try decision.decide(.reopen) }
  }
}
