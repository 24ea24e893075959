import AmendKit
import ArgumentParser

extension Amend {
  /// `amend reconsider ID`: the chair takes back a decision of an earlier session in the open one.
  struct Reconsider: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reconsider",
      abstract: "Take back a decision of an earlier session, in the open session; the record keeps both.",
      discussion:
        "The proposal is undecided again and can be accepted, rejected or deferred anew. 'amend reopen' takes back this session's own decisions.")
    @OptionGroup var decision: DecisionArguments
    @Option(help: "A note for the minutes: why the decision is reconsidered.") var note: String?
    func run() throws { try decision.decide(.reconsider, note: note) }
  }
}
