import Foundation
import GitStore

extension Workspace {
  /// HEAD on a branch with no commits in a repository that holds drafts is a checkout of the wrong
  /// branch, not a new negotiation: say so, rather than "no draft yet" (which invites a second init).
  public func refuseEmptyBranchBesideDrafts() throws {
    guard try repository.referenceTarget(branch) == nil,
      let tag = try repository.tags().last(where: { $0.name.hasPrefix("draft-") })
    else { return }
    let name = branch.replacingOccurrences(of: "refs/heads/", with: "")
    throw AmendError(
      "HEAD names the branch '\(name)', which has no commits, but this repository holds drafts (tag \(tag.name)): switch to the negotiation's branch ('git branch' lists them, e.g. git switch main)")
  }
}
