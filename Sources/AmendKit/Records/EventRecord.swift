import Foundation

/// Something that happened to the negotiation after a proposal was tabled: a withdrawal, a session
/// opened or closed, a decision taken back, a draft produced. Each is its own file under
/// `proposals/events/`, written once and never edited; the state of the negotiation is a fold over them.
public struct EventRecord: Codable, Equatable, Sendable {
  /// What happened.
  public enum Kind: String, Codable, Sendable {
    /// A proposal withdrawn by its delegation (or a co-sponsor on its behalf).
    case withdrawn
    /// A session opened by its chair.
    case sessionOpened = "session-opened"
    /// The open session closed.
    case sessionClosed = "session-closed"
    /// A proposal accepted in a session.
    case accepted
    /// A proposal rejected in a session.
    case rejected
    /// A proposal deferred to a later session.
    case deferred
    /// A decision taken back in the session that took it, putting the proposal back on the list.
    case reopened
    /// A decision of an earlier session taken back in a later one (`amend reconsider`).
    case reconsidered
    /// A new numbered draft produced, with the proposals it applied.
    case draftProduced = "draft-produced"
    /// A delegation joined a pending proposal as co-sponsor (`by`).
    case cosponsorJoined = "cosponsor-joined"
    /// A co-sponsor (`by`) left a pending proposal.
    case cosponsorLeft = "cosponsor-left"
    /// A pending proposal's wording replaced by its proposer (or a co-sponsor on its behalf): the
    /// revision's clause, operation and texts stand from then on; the proposal keeps its id. (Not the
    /// chair's oral revision, which is a decision's `as-revised` and, in a draft's history, `revised`.)
    case proposalRevised = "proposal-revised"
    /// The deadline for tabling set (`deadline`) or, with none, lifted, by the secretariat (`by`).
    case deadlineSet = "deadline-set"
    /// A pending proposal's proposed text changed by a sub-amendment the chair accepted
    /// (`sub-amendment`, tabled by `by`): its operation and texts stand from then on, like a revision's.
    case subAmended = "sub-amended"
  }

  /// The event's id, which names its file.
  public var id: String
  /// Order among events: one more than the highest when it was written (ties broken by id).
  public var seq: Int
  /// What happened.
  public var kind: Kind
  /// ISO 8601.
  public var time: String
  /// The proposal it concerns, if any.
  public var proposal: String?
  /// Who acted: the delegation withdrawing, joining or leaving, the chair deciding, the secretariat producing a draft.
  public var by: String?
  /// For a withdrawal by a co-sponsor: the proposing delegation it acted for.
  public var onBehalfOf: String?
  /// The session it belongs to, if any.
  public var session: String?
  /// The session's name, for a session opened.
  public var sessionName: String?
  /// The chair, for a session opened or a decision.
  public var chair: String?
  /// The session's date, YYYY-MM-DD.
  public var date: String?
  /// The clause's whole text as the chair read it out.
  public var asRevised: String?
  /// A note for the minutes.
  public var note: String?
  /// For draft-produced: the new draft's number and the proposals applied to it.
  public var draft: Int?
  /// The proposals applied to the new draft, in order.
  public var applied: [String]?
  /// For a revision: the clause, as numbered in `draft`, the draft the revision was checked against.
  public var clause: String?
  /// For a revision: what the proposal now asks to do.
  public var operation: OperationRecord?
  /// For a revision: the clause's text before, and as the revision proposes it.
  public var textBefore: String?
  public var textProposed: String?
  /// For a revision: a new explanatory statement, when one was given.
  public var rationale: String?
  /// For deadline-set: the moment after which proposals are late, ISO 8601 in UTC; absent when lifted.
  public var deadline: String?
  /// For sub-amended: the accepted sub-amendment that changed the proposal's text.
  public var subAmendment: String?

  /// The proposal it concerns, typed.
  public var proposalID: ProposalID? { proposal.map { ProposalID($0) } }
  /// The session it belongs to, typed.
  public var sessionID: SessionID? { session.map { SessionID($0) } }
  /// The session's date, or nil if there is none or it is not a real day.
  public var calendarDate: CalendarDate? { date.flatMap { try? CalendarDate.parse($0) } }

  enum CodingKeys: String, CodingKey {
    case id, seq, kind, time, proposal, by, session, chair, date, note, draft, applied, clause, operation, rationale, deadline
    case textBefore = "text-before"
    case textProposed = "text-proposed"
    case onBehalfOf = "on-behalf-of"
    case sessionName = "session-name"
    case asRevised = "as-revised"
    case subAmendment = "sub-amendment"
  }

  /// An event with only the fields every event has.
  public init(id: String, seq: Int, kind: Kind, time: String) {
    self.id = id
    self.seq = seq
    self.kind = kind
    self.time = time
  }

  /// How a deadline-set record's id begins, so the deadline is found by file name alone.
  public static let deadlinePrefix = "deadline-"

  /// The path of event `id`'s file in the repository.
  ///
  /// New events are sharded by the id's first two characters (`proposals/events/a1/a1b2c3d4e5f6.yaml`);
  /// deadline records stay in `proposals/events/` itself, where tabling finds the deadline by name;
  /// an event recorded before the shards stands at `flatPath(for:)`.
  public static func path(for id: String) -> String {
    id.hasPrefix(deadlinePrefix) ? flatPath(for: id) : "proposals/events/\(RecordLayout.shard(of: id))/\(id).yaml"
  }

  /// Where an event recorded before the sharded layout stands: `proposals/events/<id>.yaml`.
  public static func flatPath(for id: String) -> String { "proposals/events/\(id).yaml" }
}
