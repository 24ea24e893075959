import DraftText
import Wording

/// Where a proposal stands in the current draft: the clause it now targets (followed through every
/// renumbering since it was tabled) and its proposed wording carried onto that clause's present text.
public struct Placement: Sendable {
  /// The clause in the current draft; nil when it no longer exists.
  public var clause: Clause?
  /// For a move: the clause it is to follow, in the current draft.
  public var follow: Clause?
  /// The clause's whole text as proposed, on today's wording (for a new clause: its text).
  public var proposedText: String?
  /// Why the proposal cannot apply as tabled, when it cannot.
  public var needsRevision: String?
  /// For a global amendment, which has no single `clause`: every clause it changes; nil for others.
  public var throughout: [GlobalPlace]?
  /// For a sub-amendment: the text its parent proposes now, which it amends.
  public var amends: String?

  /// The id people use for the target now ("7 (c)"), or the one it was tabled against.
  public func clauseName(_ record: ProposalRecord) -> String {
    clause?.id.display ?? ClauseID(rawValue: record.clause).display
  }
}

extension Snapshot {
  /// The id that clause `id` of draft `from` has in draft `to`: `.some(nil)` when it was deleted.
  public func follow(_ id: String, from: Int, to: Int) throws -> String? {
    var current = id
    guard from < to else { return current }
    for number in (from + 1)...to {
      if let moved = try renumbered(current, inDraft: number) {
        guard let moved else { return nil }
        current = moved
      }
    }
    return current
  }

  /// The clause a proposal is filed under and the draft that id belongs to: the clause it was tabled
  /// against, except for a new clause a draft took in, which is filed under its own id from then on
  /// (the numbering table's entry that names the proposal).
  func origin(of record: ProposalRecord, _ operation: ProposalOperation, upTo number: Int) throws -> (clause: String, draft: Int) {
    guard operation.isNewClause, record.draft < number else { return (record.clause, record.draft) }
    for draft in (record.draft + 1)...number {
      if let added = try introduced(by: record.id, inDraft: draft) { return (added, draft) }
    }
    return (record.clause, record.draft)
  }

  /// Where `record` applies in `version` (the current draft).
  public func placement(of record: ProposalRecord, in version: DraftVersion) throws -> Placement {
    if let parent = record.to { return try subAmendmentPlacement(of: record, parent: parent, in: version) }
    let operation = try record.operation.decoded()
    if case .throughout(let words, let with) = operation {
      return GlobalAmendment.placement(words: words, with: with, in: version)
    }
    var placement = Placement()
    let (start, draft) = try origin(of: record, operation, upTo: version.number)
    guard let id = try follow(start, from: draft, to: version.number),
      let clause = version.draft.clause(ClauseID(rawValue: id))
    else {
      placement.needsRevision = "\(ClauseID(rawValue: record.clause).display) of the \(Ordinal.words(record.draft)) draft no longer exists"
      return placement
    }
    placement.clause = clause
    switch operation {
    case .brackets where HeadingBrackets.lifts(operation, on: clause):
      placement.proposedText = HeadingBrackets.lifted(clause)
      if placement.proposedText == nil { placement.needsRevision = "the heading of \(clause.id.display) has no brackets left to lift" }
    case .replaceWords, .deleteWords, .insertWords, .replaceClause, .brackets, .throughout:
      guard let proposed = record.textProposed else { break }
      if clause.text == record.textBefore {
        placement.proposedText = proposed
      } else {
        do {
          placement.proposedText = try WordMerge.merge(base: record.textBefore, ours: proposed, theirs: clause.text)
        } catch {
          placement.needsRevision = "the words it changes ('\(error.words)') no longer stand in \(clause.id.display)"
        }
      }
    case .newClause, .newClauseUnder, .newArticle, .retitleArticle:
      placement.proposedText = record.textProposed
    case .deleteArticle, .keepOption:
      placement.proposedText = nil
    case .deleteClause:
      placement.proposedText = nil
    case .moveClause(let after), .moveClauseBefore(let after):
      guard let target = try follow(after, from: record.draft, to: version.number),
        let destination = version.draft.clause(ClauseID(rawValue: target))
      else {
        placement.needsRevision = "\(ClauseID(rawValue: after).display), which it was to follow, no longer exists"
        return placement
      }
      placement.follow = destination
      placement.proposedText = clause.text
    }
    return placement
  }
}
