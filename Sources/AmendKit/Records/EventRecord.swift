import Foundation

/// Something that happened to the negotiation after a proposal was tabled: a withdrawal, a session
/// opened or closed, a decision taken back, a draft produced. Each is its own file under
/// `proposals/events/`, written once and never edited; the state of the negotiation is a fold over them.
public struct EventRecord: Codable, Equatable, Sendable {
  public enum Kind: String, Codable, Sendable {
    case withdrawn
    case sessionOpened = "session-opened"
    case sessionClosed = "session-closed"
    case accepted, rejected, deferred, reopened
    /// A decision of an earlier session taken back in a later one (`amend reconsider`).
    case reconsidered
    case draftProduced = "draft-produced"
  }

  public var id: String
  /// Order among events: one more than the highest when it was written (ties broken by id).
  public var seq: Int
  public var kind: Kind
  /// ISO 8601.
  public var time: String
  public var proposal: String?
  /// Who acted: the delegation withdrawing, the chair deciding, the secretariat producing a draft.
  public var by: String?
  /// For a withdrawal by a co-sponsor: the proposing delegation it acted for.
  public var onBehalfOf: String?
  public var session: String?
  public var sessionName: String?
  public var chair: String?
  /// The session's date, YYYY-MM-DD.
  public var date: String?
  /// The clause's whole text as the chair read it out.
  public var asRevised: String?
  public var note: String?
  /// For draft-produced: the new draft's number and the proposals applied to it.
  public var draft: Int?
  public var applied: [String]?

  enum CodingKeys: String, CodingKey {
    case id, seq, kind, time, proposal, by, session, chair, date, note, draft, applied
    case onBehalfOf = "on-behalf-of"
    case sessionName = "session-name"
    case asRevised = "as-revised"
  }

  public init(id: String, seq: Int, kind: Kind, time: String) {
    self.id = id
    self.seq = seq
    self.kind = kind
    self.time = time
  }

  public static func path(for id: String) -> String { "proposals/events/\(id).yaml" }
}
