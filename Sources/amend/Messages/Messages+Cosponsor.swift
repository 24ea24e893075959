import AmendKit

extension Messages {
  static func cosponsor(_ error: CosponsorError) -> String {
    switch error {
    case .noDelegation:
      return "no delegation named: say who joins with --by DELEGATION"
    case .isProposer(let delegation, let proposal):
      return "\(delegation) tabled \(proposal) and cannot co-sponsor its own proposal"
    case .alreadyCosponsor(let delegation, let proposal):
      return "\(delegation) already co-sponsors \(proposal): see 'amend proposal \(proposal)'"
    case .notCosponsor(let delegation, let proposal, let cosponsors):
      let now = cosponsors.isEmpty ? "it has none" : "they are \(cosponsors.joined(separator: ", "))"
      return "\(delegation) does not co-sponsor \(proposal), so it cannot leave it: \(now)"
    case .notPending(let proposal, let status):
      return "\(proposal) is already \(status.rawValue): co-sponsors join or leave only before a decision"
    }
  }
}
