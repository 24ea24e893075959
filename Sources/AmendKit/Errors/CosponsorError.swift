/// A delegation refused when it joins or leaves a proposal as co-sponsor.
public enum CosponsorError: Error, Equatable, Sendable {
  /// No delegation was named.
  case noDelegation
  /// The proposer cannot co-sponsor its own proposal.
  case isProposer(delegation: String, proposal: String)
  /// The delegation already co-sponsors the proposal.
  case alreadyCosponsor(delegation: String, proposal: String)
  /// The delegation is not among the proposal's co-sponsors, so it cannot leave.
  case notCosponsor(delegation: String, proposal: String, cosponsors: [String])
  /// The proposal is decided or withdrawn (`status`): its sponsors are what they were then.
  case notPending(proposal: String, status: ProposalStatus)
}
