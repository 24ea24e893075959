import ArgumentParser

extension Amend {
  /// `amend accept ID [--as-revised TEXT]`: the chair accepts a proposal in the open session.
  struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "accept", abstract: "Accept a proposal, as tabled or as orally revised.")
    @OptionGroup var decision: DecisionArguments
    @Option(
      parsing: .unconditional, help: "The clause's whole text as the chair read it out, without its number.",
      transform: Words.value)
    var asRevised: String?
    @Option(parsing: .unconditional, help: "A note for the minutes.", transform: Words.value) var note: String?
    func run() throws { try decision.decide(.accept, asRevised: asRevised, note: note) }
  }
}
