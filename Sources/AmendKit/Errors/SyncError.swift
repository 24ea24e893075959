import GitStore

/// `clone` or `sync` is refused, or the remote cannot be reached: nothing on the local record changed.
public enum SyncError: Error, Equatable, Sendable {
  /// No remote has that name; `known` are the remotes there are.
  case unknownRemote(String, known: [String])
  /// No remote was named, and the branch follows none and there is no single remote to take.
  case noRemote(known: [String])
  /// The remote could not be reached, or holds no repository at its URL.
  case unreachable(remote: String, url: String, GitError)
  /// The remote refused every credential offered (SSH agent, git's credential helper).
  case authenticationRefused(remote: String, url: String, GitError)
  /// What the remote holds is not a negotiation: no branch (`branch` nil), or a branch without a draft.
  case notANegotiation(url: String, branch: String?)
  /// The local and remote histories share no commit: two different negotiations.
  case unrelatedHistories(remote: String, branch: String)
  /// Both histories changed the same files differently; records are never edited, so someone edited
  /// one by hand. Nothing was merged.
  case textualConflict(paths: [String])
  /// Every push found that someone else had pushed first, `attempts` times; `reason` is the last.
  case pushKeptFailing(remote: String, attempts: Int, reason: String)
  /// The remote refused the push for a reason retrying will not cure.
  case pushRefused(remote: String, GitError)
  /// Record files (under proposals/ or drafts/) have changes that are not committed: sync shares only
  /// the record.
  case uncommittedRecords([String])
  /// The folder to clone into exists and is not empty.
  case cloneTargetNotEmpty(String)
}
