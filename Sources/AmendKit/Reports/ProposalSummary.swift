import DraftText
import Foundation

/// A proposal as the commands show it, and as their `--json` forms print it.
public struct ProposalSummary: Codable, Equatable, Sendable {
  /// A decision on a proposal, as `amend proposals --json` shows it.
  public struct DecisionSummary: Codable, Equatable, Sendable {
    /// The decision's kind ("accepted", "rejected", "deferred").
    public var decision: String
    /// The id of the session in which it was taken.
    public var session: String?
    /// The chair who took it.
    public var chair: String?
    /// The session's date, YYYY-MM-DD.
    public var date: String?
    /// The clause's text as the chair read it out, when accepted as orally revised.
    public var asRevised: String?
    /// A note for the minutes.
    public var note: String?

    init(_ event: EventRecord) {
      decision = event.kind.rawValue
      session = event.session
      chair = event.chair
      date = event.date
      asRevised = event.asRevised
      note = event.note
    }

    /// "accepted in session S (2010-10-13, chair C)".
    public var words: String {
      "\(decision)\(asRevised == nil ? "" : " as orally revised") in session \(session ?? "?") (\(date ?? "?"), chair \(chair ?? "?"))"
    }
  }

  /// The proposal's id.
  public var id: String
  /// The clause's id in the current draft ("7.c"), or as tabled when it no longer exists.
  public var clause: String
  /// The clause as people say it now: "7 (c)", or "7 (b bis)" for a proposed new clause.
  public var clauseName: String
  /// The draft and clause it was tabled against.
  public var tabledAgainst: TabledAgainst
  /// The delegation that tabled it.
  public var by: String
  /// The delegations that co-sponsor it.
  public var cosponsors: [String]
  /// Its status ("pending", "accepted"…).
  public var status: String
  /// What it asks to do, as the record writes it.
  public var operation: OperationRecord
  /// The operation in words.
  public var description: String
  /// The clause's text it was made against.
  public var textBefore: String
  /// The clause's text as proposed; nil when the proposal deletes or moves it.
  public var textProposed: String?
  /// The clause as it would read, deleted words ~~struck~~ and new words **bold**.
  public var redline: String
  /// The explanatory statement.
  public var rationale: String
  /// When it was tabled, ISO 8601.
  public var tabled: String
  /// Why it must be revised before it can be decided; nil when it need not be.
  public var needsRevision: String?
  /// The proposals whose words it collides with.
  public var collidesWith: [String]
  /// The decision in force, if any.
  public var decision: DecisionSummary?
  /// Opposite decisions from merged histories: the chair must decide again while `status` is conflict;
  /// kept once settled, for the record.
  public var conflict: [DecisionSummary]?
  /// The decision that settled a conflict.
  public var settledBy: DecisionSummary?
  /// The draft that took it in, once applied.
  public var appliedIn: Int?
  /// Delegations that joined or left as co-sponsors after tabling, in order; absent when none did.
  public var cosponsorships: [CosponsorChange]?

  /// Its revisions, in order (`record` fields above are the latest's); absent when never revised.
  public var revisions: [Revision]?
  /// The withdrawn proposal it takes up, and the proposal that took it up.
  public var takenUpFrom: String?
  public var takenUpBy: String?
  /// The line of the current draft where its clause begins, to cite it by line; absent when the clause is gone.
  public var line: Int?
  /// Tabled after the deadline, as a late ("manuscript") amendment; absent otherwise.
  public var late: Bool?
  /// For a global amendment (`propose --throughout`), whose `clause` is empty: each clause of the current
  /// draft it changes, in the draft's order; absent for others.
  public var throughout: [ThroughoutClause]?
  /// For a sub-amendment: the proposal whose proposed text it amends; absent otherwise.
  public var to: String?
  /// Its sub-amendments, in the order tabled; absent when it has none.
  public var subAmendments: [String]?
  /// The accepted sub-amendments that changed its proposed text, in order; absent when none did.
  public var subAmendedBy: [String]?
  /// For a fallen sub-amendment: how its parent went ("rejected" or "withdrawn").
  public var fellWith: String?

  /// One revision: who, when, and what the proposal then asked.
  public struct Revision: Codable, Equatable, Sendable {
    public var by: String
    public var onBehalfOf: String?
    public var time: String
    public var clause: String
    public var operation: OperationRecord?
    public var textProposed: String?
  }

  /// A delegation joining or leaving as co-sponsor.
  public struct CosponsorChange: Codable, Equatable, Sendable {
    /// The delegation.
    public var by: String
    /// `joined` or `left`.
    public var change: String
    /// When, ISO 8601.
    public var time: String
  }

  /// A draft and a clause of it.
  public struct TabledAgainst: Codable, Equatable, Sendable {
    /// The draft's number.
    public var draft: Int
    /// The clause's id in that draft (empty for a global amendment).
    public var clause: String
    /// For a global amendment: the clauses of that draft where its words occurred when tabled.
    public var clauses: [String]?
  }

  /// The summary of `item`; `bisIndex` numbers proposals tabled more than once on one clause.
  public init(_ item: MarshalledProposal, bisIndex: Int = 1) {
    let record = item.record
    id = item.id
    clause = item.placement.clause?.id.rawValue ?? record.clause
    // Once a draft took in a new clause, it is filed under that clause's own id.
    clauseName = item.state.appliedIn == nil ? item.displayName(bisIndex: bisIndex) : item.placement.clauseName(record)
    tabledAgainst = TabledAgainst(draft: record.draft, clause: record.clause)
    by = record.delegation
    cosponsors = item.state.cosponsors
    status = item.state.status.rawValue
    operation = record.operation
    let anchor = item.state.appliedIn != nil && item.operation.isNewClause
    description = item.operation.description(
      clause: anchor ? ClauseID(rawValue: record.clause).display : item.placement.clauseName(record))
    textBefore = record.textBefore
    textProposed = record.textProposed
    redline = item.redline
    rationale = record.rationale
    tabled = record.tabled
    needsRevision = item.state.status.isOnAgenda ? item.placement.needsRevision : nil
    collidesWith = item.collidesWith
    decision = item.state.decision.map(DecisionSummary.init)
    conflict = item.state.conflict.isEmpty ? nil : item.state.conflict.map(DecisionSummary.init)
    settledBy = item.state.conflict.isEmpty ? nil : item.state.settledBy.map(DecisionSummary.init)
    appliedIn = item.state.appliedIn
    let changes = item.state.cosponsorships.map {
      CosponsorChange(by: $0.by ?? "", change: $0.kind == .cosponsorLeft ? "left" : "joined", time: $0.time)
    }
    cosponsorships = changes.isEmpty ? nil : changes
    let revised = item.state.revisions.map {
      Revision(
        by: $0.by ?? "", onBehalfOf: $0.onBehalfOf, time: $0.time, clause: $0.clause ?? "", operation: $0.operation,
        textProposed: $0.textProposed)
    }
    revisions = revised.isEmpty ? nil : revised
    takenUpFrom = record.takenUpFrom
    takenUpBy = item.state.takenUpBy
    late = record.late
    line = item.placement.clause?.line
    if item.operation.isThroughout { describeThroughout(item) }
    to = record.to
    subAmendments = item.state.subAmendments.isEmpty ? nil : item.state.subAmendments
    let amendedBy = item.state.subAmendedBy.compactMap(\.subAmendment)
    subAmendedBy = amendedBy.isEmpty ? nil : amendedBy
    fellWith = item.state.fellWith.map { $0.kind == .withdrawn ? "withdrawn" : $0.kind.rawValue }
  }

  /// "conflict: accepted in session A (2010-10-13, chair X) and rejected in session B (…)", when in conflict.
  public var conflictLine: String? {
    guard status == ProposalStatus.conflict.rawValue, let conflict else { return nil }
    return "conflict: " + conflict.map(\.words).joined(separator: " and ") + "; the chair must decide it again"
  }

  /// "European Union (co-sponsors: Norway, Brazil)".
  public var sponsors: String {
    cosponsors.isEmpty ? by : "\(by) (co-sponsors: \(cosponsors.joined(separator: ", ")))"
  }
}

/// JSON as every `--json` prints it: stable key order, readable.
public enum JSONOutput {
  /// `value` as pretty-printed JSON with sorted keys.
  public static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
