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
    throw RepositoryError.emptyBranchBesideDrafts(branch: name, tag: tag.name)
  }
}
