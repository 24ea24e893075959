import DraftText
import GitStore

/// Something about the repository itself stops the command: where it is, who is at the keyboard,
/// what stands in the way of a write, or a draft file that cannot be read.
public enum RepositoryError: Error, Equatable, Sendable {
  /// HEAD names no branch.
  case detachedHead
  /// There is no folder at `path`.
  case noSuchFolder(String)
  /// The folder at `path` is not inside a git repository.
  case notARepository(String, GitError)
  /// No committer was given and git's configuration names none.
  case noCommitter
  /// A file amend did not write stands where it would write one; nothing was written.
  case inTheWay(WorkingTreeRefusal)
  /// Another process holds the index lock; nothing was written.
  case locked(GitError)
  /// The branch has no commits yet.
  case nothingCommitted
  /// HEAD names `branch`, which has no commits, while the repository holds drafts (tag `tag`): a
  /// checkout of the wrong branch, not a new negotiation.
  case emptyBranchBesideDrafts(branch: String, tag: String)
  /// A draft file the branch lists is missing from its last commit (`path`).
  case draftMissing(String)
  /// The draft file at `path` is not UTF-8 text.
  case draftNotText(String)
  /// The draft file at `path` does not parse as a draft.
  case draftUnreadable(String, DraftError)
  /// The tag the next draft would get already marks `commit`, which is on `branch` (`onBranch`) or not.
  case strayTag(String, commit: ObjectID, branch: String, onBranch: Bool)
  /// A write finished without producing the record it was for (a bug, not a user's mistake).
  case notRecorded(RecordKind)
  /// Someone else moved the branch while a sitting's `commits` were being chained
  /// (`Workspace.inOneSitting`): none of them was published.
  case movedDuringSitting(commits: Int)

  /// The kind of record a write was for.
  public enum RecordKind: Equatable, Sendable {
    /// A tabled proposal.
    case proposal
    /// A withdrawal.
    case withdrawal
    /// A chair's decision.
    case decision
    /// The closing of a session.
    case sessionClosing
    /// A delegation joining or leaving a proposal as co-sponsor.
    case cosponsorship
    /// A proposal's revision.
    case revision
    /// A deadline set or lifted.
    case deadline
    /// A change to the roles.
    case roles
  }
}
