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
  }
}

/// A draft, a clause or a proposal asked for by number, spelling or id is not there.
public enum LookupError: Error, Equatable, Sendable {
  /// The repository holds no draft yet.
  case noDraftYet
  /// There is no draft `number`; `drafts` lists the numbers there are.
  case noSuchDraft(Int, drafts: [Int])
  /// There is no draft before `draft` to compare it with; `drafts` lists the numbers there are.
  case nothingBefore(draft: Int, drafts: [Int])
  /// A comparison was asked from a later draft to an earlier one.
  case outOfOrder(from: Int, to: Int)
  /// The clause's spelling does not resolve in draft `inDraft`.
  case clause(DraftError, inDraft: Int)
  /// The clause `spelling` names is not a clause of draft `inDraft`.
  case clauseNotInDraft(spelling: String, inDraft: Int)
  /// No proposal's id is or starts with `prefix`.
  case unknownProposal(String)
  /// Several proposals' ids start with `prefix`.
  case ambiguousProposal(String, matches: [String])
}

/// A record a command needs cannot be read.
public enum RecordError: Error, Equatable, Sendable {
  /// A proposal or event record is damaged (or missing); the value says how to restore it.
  case damaged(DamagedRecord)
  /// A record file does not decode.
  case unreadable(RecordProblem)
}

/// A draft text given to `initialise` is refused, or the repository cannot be made.
public enum InitError: Error, Equatable, Sendable {
  /// There is no file at `path`.
  case sourceMissing(String)
  /// The file at `path` exists but cannot be read.
  case sourceUnreadable(String)
  /// The file at `path` is empty.
  case sourceEmpty(String)
  /// The file at `path` is binary or not UTF-8.
  case sourceNotText(String)
  /// The file at `path` does not parse as a draft.
  case sourceNotDraft(String, DraftError)
  /// The draft number asked for is outside 1…999.
  case numberOutOfRange(Int)
  /// The folder could not be created; `reason` is the file system's.
  case cannotCreateFolder(String, reason: String)
  /// The folder could not be made a git repository.
  case cannotCreateRepository(String, GitError)
  /// The repository already holds a negotiation, whose draft is at `existing`.
  case alreadyNegotiation(existing: String)
}
