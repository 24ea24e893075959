import DraftText
import GitStore

/// One version of one draft file along the branch, as `DraftTimeline` reads it: the text one commit
/// left in the file, and how its clauses follow on from the version before.
public struct DraftRevision: Sendable {
  /// The draft file this is a version of.
  public var file: DraftFile
  /// The commit that left the file so.
  public var commit: Commit
  /// The `Amend-` trailers of the commit's message.
  public var trailers: CommitTrailers
  /// The file's text parsed into clauses.
  public var draft: Draft
  /// The version this one is compared with: the file's previous version or, for the first version of
  /// a file, the draft it was begun from; nil for a text as received.
  public var previous: Int?
  /// Whether the commit added the file.
  public var startsFile: Bool
  /// For each clause of `draft`, its link to `previous`.
  var links: [ClauseLink]
  /// Clauses of `previous` that this version no longer has.
  var dropped: [Int]
  /// For each clause of `draft`, the thread it belongs to: the same clause carries the same number
  /// in every version.
  var threads: [Int]
  var clauseOfThread: [Int: Int]

  /// The draft's number.
  public var number: Int { file.number }

  /// The index in `draft.clauses` of the clause on thread `thread`, if it is here.
  func clause(onThread thread: Int) -> Int? { clauseOfThread[thread] }
}
