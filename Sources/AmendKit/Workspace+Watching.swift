import Foundation
import GitStore

/// One commit on the negotiation's branch, as a watcher reports it: what its trailers say it records.
public struct BranchCommit: Codable, Equatable, Sendable {
  /// The commit's id.
  public var commit: String
  /// Its `Amend-Event` ("tabled", "accepted", "draft", …); "manual" for a commit amend did not make.
  public var kind: String
  /// Its `Amend-Proposal`, if any.
  public var proposal: String?
  /// Its `Amend-Session`, if any.
  public var session: String?
  /// Its `Amend-Draft`, if any.
  public var draft: Int?
  /// The author's name.
  public var author: String
  /// The first line of its message.
  public var summary: String
}

extension Workspace {
  /// The id of the commit at the tip of the negotiation's branch, read from the reference alone (cheap
  /// enough to poll); nil before the first commit.
  public func branchTip() throws -> String? {
    try repository.referenceTarget(branch)?.hex
  }

  /// The commits on the branch after `old` up to `tip`, oldest first, following first parents (a
  /// sync's merge is one commit of the branch). When `old` is not on that line (the branch was reset),
  /// at most `limit` of the newest are returned.
  public func branchCommits(after old: String?, upTo tip: String, limit: Int = 1000) throws -> [BranchCommit] {
    guard let tipID = ObjectID(hex: tip) else { return [] }
    let oldID = old.flatMap(ObjectID.init(hex:))
    var found: [BranchCommit] = []
    var next: ObjectID? = tipID
    while let id = next, id != oldID, found.count < limit {
      let commit = try repository.commit(id)
      let trailers = CommitTrailers(message: commit.message)
      found.append(
        BranchCommit(
          commit: id.hex, kind: trailers.event ?? "manual", proposal: trailers.proposal, session: trailers.session,
          draft: trailers.draft, author: commit.author.name, summary: commit.summary))
      next = commit.parents.first
    }
    return found.reversed()
  }
}

extension Workspace {
  /// The folder for this repository's local, never committed state (`.git/amend`): caches, and the
  /// server's access grants.
  public var privateFolder: String { repository.gitDirectory + "/amend" }
}

extension Workspace {
  /// Forgets the warnings told so far (a long-lived workspace, such as a server's, tells each request its own).
  public func clearWarnings() { warnings = [] }
}
