import ArgumentParser
import AmendKit

/// What the four decision commands share: the proposal and the note.
struct DecisionArguments: ParsableArguments {
  @Argument(help: "The proposal's id (or its first characters).") var id: String
  @OptionGroup var options: RepositoryOptions

  func decide(_ decision: ChairAction, asRevised: String? = nil, note: String? = nil) throws {
    let workspace = try options.workspace()
    let event = try workspace.decide(decision, on: id, asRevised: asRevised, note: note)
    workspace.reportWarnings()
    let verb =
      switch decision {
      case .accept: asRevised == nil ? "accepted" : "accepted as orally revised"
      case .reject: "rejected"
      case .deferral: "deferred"
      case .reopen: "reopened: its decision is taken back"
      case .reconsider: "reconsidered: its earlier decision is taken back"
      }
    Output.line("\(event.proposal ?? id) \(verb) in session \(event.session ?? "")")
  }
}

extension Amend {
  struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Accept a proposal, as tabled or as orally revised.")
    @OptionGroup var decision: DecisionArguments
    @Option(
      parsing: .unconditional, help: "The clause's whole text as the chair read it out, without its number.",
      transform: Words.value)
    var asRevised: String?
    @Option(parsing: .unconditional, help: "A note for the minutes.", transform: Words.value) var note: String?
    func run() throws { try decision.decide(.accept, asRevised: asRevised, note: note) }
  }

  struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reject a proposal.")
    @OptionGroup var decision: DecisionArguments
    @Option(parsing: .unconditional, help: "A note for the minutes.", transform: Words.value) var note: String?
    func run() throws { try decision.decide(.reject, note: note) }
  }

  struct Defer: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Defer a proposal to a later meeting.")
    @OptionGroup var decision: DecisionArguments
    @Option(parsing: .unconditional, help: "A note for the minutes.", transform: Words.value) var note: String?
    func run() throws { try decision.decide(.deferral, note: note) }
  }

  struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Take back a decision taken in the open session.")
    @OptionGroup var decision: DecisionArguments
    func run() throws { try decision.decide(.reopen) }
  }
}
