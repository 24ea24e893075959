import AmendKit

extension Messages {
  static func revision(_ error: RevisionError) -> String {
    switch error {
    case .noDelegation:
      return "no delegation named: say who acts with --by DELEGATION"
    case .cannotRevise(let delegation, let proposal, let proposer, let cosponsors):
      let others = cosponsors.isEmpty ? "" : " or its co-sponsors (\(cosponsors.joined(separator: ", ")))"
      return "\(delegation) cannot revise \(proposal): only \(proposer)\(others) may; table your own with 'amend propose'"
    case .notPending(let proposal, let status):
      return "\(proposal) is already \(status.rawValue): a proposal can only be revised before a decision"
    case .clauseGone(let proposal):
      return "the clause \(proposal) stood on is no longer in the current draft: name one with --clause CLAUSE"
    case .unchanged(let proposal):
      return "the revision asks for exactly what \(proposal) already asks: see 'amend proposal \(proposal)'"
    case .notWithdrawn(let proposal, let status):
      return "\(proposal) is \(status.rawValue), not withdrawn: only a withdrawn proposal can be taken up"
    case .ownProposal(let delegation, let proposal):
      return "\(delegation) withdrew \(proposal) itself: table it again with 'amend propose' rather than taking it up"
    case .alreadyTakenUp(let proposal, let by):
      return "\(proposal) was already taken up as \(by): co-sponsor that one with 'amend cosponsor \(by) --by DELEGATION'"
    }
  }
}
