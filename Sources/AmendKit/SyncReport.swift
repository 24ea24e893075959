/// What `Workspace.sync(remote:)` did: what it received and sent, how it joined the two histories,
/// and the conflicting decisions the joined record holds.
public struct SyncReport: Codable, Equatable, Sendable {
  /// How the local and remote histories were joined.
  public enum Integration: String, Codable, Sendable {
    /// Both held the same commit.
    case upToDate = "up-to-date"
    /// The local branch only lacked the remote's commits: it now is the remote's tip.
    case fastForward = "fast-forward"
    /// Both had commits the other lacked: a merge commit joins them (`Amend-Event: sync`).
    case merged
    /// The remote only lacked the local commits (or had no branch yet): they were pushed.
    case localAhead = "local-ahead"
  }

  /// The remote's name ("origin").
  public var remote: String
  /// The URL it was reached at.
  public var url: String
  /// The branch synchronised ("main").
  public var branch: String
  /// Commits received from the remote that the local branch lacked.
  public var fetched: Int
  /// Commits sent that the remote lacked (the merge commit included).
  public var pushed: Int
  /// How the histories were joined.
  public var integration: Integration
  /// The merge commit, when one was made.
  public var mergeCommit: String?
  /// The tip both now hold.
  public var tip: String
  /// Pushes that found the remote had moved since it was fetched, and were made again.
  public var retries: Int
  /// Draft tags received from the remote ("draft-8").
  public var tagsReceived: [String]
  /// Draft tags sent to the remote.
  public var tagsSent: [String]
  /// Proposals with opposite decisions in the joined record, which the chair has not yet settled.
  public var conflicts: [SyncConflict]
  /// Things worth knowing that did not stop the sync, one line each.
  public var notes: [String]
}

/// A proposal decided one way in one place and the opposite way in another, found in the joined record.
public struct SyncConflict: Codable, Equatable, Sendable {
  /// One of the opposite decisions, and the commit that recorded it.
  public struct Decision: Codable, Equatable, Sendable {
    /// accepted, rejected or deferred.
    public var decision: String
    /// The id of the session in which it was taken.
    public var session: String?
    /// The session's name, as its chair gave it.
    public var sessionName: String?
    /// The chair who took it.
    public var chair: String?
    /// The session's date, YYYY-MM-DD.
    public var date: String?
    /// The commit that recorded the decision (full id); nil when it cannot be found.
    public var commit: String?
  }

  /// The proposal's id.
  public var proposal: String
  /// The delegation that tabled it.
  public var delegation: String
  /// The clause it was tabled against, as named in the draft it was tabled against.
  public var clause: String
  /// The decisions in conflict, in the order the record folds them.
  public var decisions: [Decision]
}
