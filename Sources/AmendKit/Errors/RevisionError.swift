/// A revision or a take-up refused.
public enum RevisionError: Error, Equatable, Sendable {
  /// No delegation was named.
  case noDelegation
  /// `delegation` is neither the proposer nor a co-sponsor of `proposal`.
  case cannotRevise(delegation: String, proposal: String, proposer: String, cosponsors: [String])
  /// The proposal is decided or withdrawn (`status`): its wording is what it was then.
  case notPending(proposal: String, status: ProposalStatus)
  /// The clause the proposal stood on is gone from the current draft, and no other was named.
  case clauseGone(proposal: String)
  /// The revision asks for exactly what the proposal already asks.
  case unchanged(proposal: String)
  /// Only a withdrawn proposal can be taken up.
  case notWithdrawn(proposal: String, status: ProposalStatus)
  /// The delegation that withdrew it cannot take up its own proposal (it tables it again).
  case ownProposal(delegation: String, proposal: String)
  /// Another delegation already took it up.
  case alreadyTakenUp(proposal: String, by: String)
}
