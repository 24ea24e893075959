import AmendKit
import ArgumentParser

/// What the chair's decision commands share: the proposal, and how the decision is reported.
struct DecisionArguments: ParsableArguments {
  @Argument(help: "The proposal's id (or its first characters).") var id: String
  @OptionGroup var options: RepositoryOptions

  func decide(_ decision: ChairAction, asRevised: String? = nil, note: String? = nil) throws {
    let workspace = try options.workspace()
    let event = try workspace.decide(decision, on: ProposalID(id), asRevised: asRevised, note: note)
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
