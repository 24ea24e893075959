import DraftText
import Foundation
import GitStore

/// Who made a change to a draft and on what authority: a proposal applied (with its delegation and the
/// decision that accepted it), the text as received, the secretariat, or a commit made by hand.
public struct ChangeSource: Codable, Equatable, Sendable {
  /// What kind of source it is.
  public enum Kind: String, Codable, Sendable {
    /// The text as the record begins: the first draft committed, whoever committed it.
    case received
    /// A proposal applied by `amend next`.
    case proposal
    /// One of amend's own drafting commits (beginning or completing a draft).
    case secretariat
    /// A commit amend did not make, or whose message was rewritten.
    case handMade = "hand-made"
  }

  /// The decision that accepted a proposal.
  public struct DecisionSource: Codable, Equatable, Sendable {
    /// The decision's kind: `accepted`, or what else the chair decided.
    public var kind: String
    /// The id of the session in which it was taken.
    public var session: String?
    /// The session's name, as the chair gave it.
    public var sessionName: String?
    /// The session's date, YYYY-MM-DD.
    public var date: String?
    /// The chair who took the decision.
    public var chair: String?
    /// The clause's text as the chair read it out, when accepted as orally revised.
    public var asRevised: String?
  }

  /// The proposal behind a change.
  public struct ProposalSource: Codable, Equatable, Sendable {
    /// The proposal's id.
    public var id: String
    /// The delegation that tabled it.
    public var delegation: String
    /// The delegations that co-sponsored it.
    public var cosponsors: [String]
    /// The operation in words: "replace 'forced labor' with 'forced labour'".
    public var operation: String?
    /// When it was tabled, ISO 8601.
    public var tabled: String?
    /// The decision that accepted it, when the record has one.
    public var decision: DecisionSource?
    /// Its wording as tabled and each revision before the decision (`amend revise`), oldest first, in
    /// words: "revised by Norway (2010-10-12T15:00:00Z): replace …"; absent when never revised.
    public var revisions: [String]?
  }

  /// What kind of source it is.
  public var kind: Kind
  /// The draft the change belongs to: the one whose file the commit changed.
  public var draft: Int
  /// The full commit id.
  public var commit: String
  /// The commit's author: the delegation for a proposal applied, the person for a hand-made commit.
  public var author: String
  /// The commit's author time, ISO 8601.
  public var time: String
  /// The commit's first line.
  public var summary: String
  /// The proposal applied, for a change of kind `proposal`.
  public var proposal: ProposalSource?
  /// The chair who read out the words, for the commit that applies an oral revision: the words it
  /// introduced are the chair's, not the proposing delegation's.
  public var oralRevision: OralRevisionSource?

  /// The chair's oral revision of a proposal, in a session.
  public struct OralRevisionSource: Codable, Equatable, Sendable {
    /// The chair who read the revised words out.
    public var chair: String
    /// The id of the session in which they were read out.
    public var session: String?
    /// The session's name, as the chair gave it.
    public var sessionName: String?
    /// The session's date, YYYY-MM-DD.
    public var date: String?
  }

  /// Who to name: the chair for an oral revision, the delegation (with co-sponsors), else the
  /// commit's author.
  public var who: String {
    if let oralRevision {
      let delegation = proposal.map { " of \($0.delegation)'s proposal" } ?? ""
      return "\(oralRevision.chair) (chair, oral revision\(delegation))"
    }
    guard let proposal else { return author }
    return proposal.cosponsors.isEmpty
      ? proposal.delegation : "\(proposal.delegation) (co-sponsors: \(proposal.cosponsors.joined(separator: ", ")))"
  }
}

extension ChangeSource {
  /// The source of a version of a draft: the commit that wrote it (with its trailers), the draft's
  /// number, whether it is the text as received; its proposal looked up in `ledger`.
  init(commit: Commit, trailers: CommitTrailers, draft: Int, received: Bool, ledger: Ledger?) {
    if received {
      kind = .received
    } else if !trailers.isAmend {
      kind = .handMade
    } else {
      let applies = ["applied", "revised"].contains(trailers.event ?? "")
      kind = applies && trailers.proposal != nil ? .proposal : .secretariat
    }
    self.draft = draft
    self.commit = commit.id.hex
    author = commit.author.name
    time = Context.timestamp(commit.author.time)
    summary = commit.summary
    guard kind == .proposal, let id = trailers.proposal else { return }
    guard let state = ledger?.proposals[id] else {
      // The record is gone (a rewritten history): the commit still names the proposal and its author.
      proposal = ProposalSource(id: id, delegation: commit.author.name, cosponsors: [], operation: nil, tabled: nil, decision: nil)
      if trailers.event == "revised" {
        oralRevision = OralRevisionSource(chair: commit.author.name, session: trailers.session)
      }
      return
    }
    let record = state.record
    let accepted = state.decision ?? ledger?.events.last { $0.proposal == id && $0.kind == .accepted }
    if trailers.event == "revised" {
      let session = trailers.session ?? accepted?.session
      oralRevision = OralRevisionSource(
        chair: accepted?.chair ?? commit.author.name, session: session,
        sessionName: ledger?.sessions.first { $0.id == session }?.name, date: accepted?.date)
    }
    let revisions = state.revisions.map { revision in
      let words = (try? revision.operation?.decoded())?.description(clause: ClauseID(rawValue: revision.clause ?? record.clause).display)
      return "revised by \(revision.by ?? "?") (\(revision.time)): \(words ?? "?")"
    }
    let tabledWords = (try? state.tabled.operation.decoded())?.description(clause: ClauseID(rawValue: state.tabled.clause).display)
    proposal = ProposalSource(
      id: id, delegation: record.delegation, cosponsors: state.cosponsors,
      operation: (try? record.operation.decoded())?.description(clause: ClauseID(rawValue: record.clause).display),
      tabled: record.tabled,
      decision: accepted.map { event in
        DecisionSource(
          kind: event.kind.rawValue, session: event.session,
          sessionName: ledger?.sessions.first { $0.id == event.session }?.name ?? event.sessionName,
          date: event.date, chair: event.chair, asRevised: event.asRevised)
      },
      revisions: revisions.isEmpty ? nil : ["tabled (\(state.tabled.tabled)): \(tabledWords ?? "?")"] + revisions)
  }
}
