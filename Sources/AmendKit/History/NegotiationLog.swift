import DraftText
import GitStore

/// One commit of the record read as an event of the negotiation: `amend log`.
public struct LogEntry: Codable, Equatable, Sendable {
  /// The full commit id.
  public var commit: String
  /// The `Amend-Event` trailer (`tabled`, `withdrawn`, `accepted`, `draft-produced`…), or `hand-made`
  /// for a commit amend did not make.
  public var event: String
  /// Whether amend did not make the commit (or its message was rewritten).
  public var handMade: Bool
  /// The author: the delegation tabling, the chair deciding, the secretariat producing a draft.
  public var author: String
  /// The author time, ISO 8601.
  public var time: String
  /// The commit's first line.
  public var summary: String
  /// The proposal the event concerns, if any.
  public var proposal: String?
  /// The proposing delegation, when the event concerns a proposal on the record.
  public var delegation: String?
  /// The draft the event concerns, if any.
  public var draft: Int?
  /// The clause the event concerns, if any.
  public var clause: String?
  /// The session in which the event took place, if any.
  public var session: String?
  /// More than one parent: histories joined by hand.
  public var merge: Bool
}

extension LogEntry {
  init(_ commit: Commit, ledger: Ledger?) {
    let trailers = CommitTrailers(message: commit.message)
    self.commit = commit.id.hex
    event = trailers.event ?? "hand-made"
    handMade = !trailers.isAmend
    author = commit.author.name
    time = Context.timestamp(commit.author.time)
    summary = commit.summary
    proposal = trailers.proposal
    delegation = trailers.proposal.flatMap { ledger?.proposals[$0]?.record.delegation }
    draft = trailers.draft
    clause = trailers.clause
    session = trailers.session
    merge = commit.parents.count > 1
  }
}

extension Snapshot {
  /// The negotiation as events, newest first: every commit reachable from the tip, read through
  /// libgit2, with commits amend did not make shown as hand-made.
  public func log(limit: Int? = nil) throws -> [LogEntry] {
    guard let tip else { return [] }
    let ledger = try? ledger.get()
    return try repository.history(from: tip, limit: limit).map { LogEntry($0, ledger: ledger) }
  }
}
