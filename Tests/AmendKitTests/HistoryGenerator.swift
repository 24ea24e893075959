import DraftText
import Foundation

import AmendKit

/// A negotiation of ten rounds on the seed, made with the library as a secretariat would: each round
/// tables proposals, decides them in a session and produces the next draft, so that the history has
/// amendments, new clauses, deletions, moves and renumbering in every draft.
struct GeneratedNegotiation {
  static let delegations = [
    "European Union", "Group of African States", "Brazil", "Philippines", "Canada", "Norway", "Mexico",
    "Switzerland", "Japan", "Chile",
  ]

  /// The clause followed through every round: 7 (b) of the seventh draft.
  static let followedOpening = "taking measures to combat trafficking"

  let workspace: Workspace
  /// By round (1…10): the proposal amending the followed clause, the new clause after 7 (a), the
  /// deletion of paragraph 4's last subparagraph (odd rounds) and the move in paragraph 1 (every third).
  var amending: [Int: String] = [:]
  var inserting: [Int: String] = [:]
  var deleting: [Int: String] = [:]
  var moving: [Int: String] = [:]
  var rejected: [Int: String] = [:]
  /// The text of paragraph 4's last subparagraph when a round deleted it.
  var deletedText: [Int: String] = [:]

  /// Runs `rounds` rounds on a new repository in `folder`.
  static func make(rounds: Int = 10, in folder: ScratchFolder) throws -> GeneratedNegotiation {
    var made = GeneratedNegotiation(workspace: try makeNegotiation(in: folder))
    for round in 1...rounds { try made.play(round) }
    return made
  }

  static func delegation(_ round: Int) -> String { delegations[(round - 1) % delegations.count] }

  mutating func play(_ round: Int) throws {
    let current = try workspace.snapshot().currentDraft()
    let followed = try requireClause(current) { $0.text.hasPrefix(Self.followedOpening) }
    let by = Self.delegation(round)
    let cosponsors = round.isMultiple(of: 2) ? [Self.delegation(round + 1)] : []
    amending[round] = try workspace.propose(
      followed.id.rawValue, by: by, .insertWords(text: "(step \(round))", anchor: .atEnd, occurrence: nil),
      cosponsors: cosponsors
    ).id
    inserting[round] = try workspace.propose(
      "7.a", by: Self.delegation(round + 3), .newClause(text: "new measure number \(round);", before: false)
    ).id
    if !round.isMultiple(of: 2) {
      let last = try requireClause(current, last: true) { $0.id.parent == "4" }
      deletedText[round] = last.text
      deleting[round] = try workspace.propose(last.id.rawValue, by: "United States", .deleteClause).id
    }
    if round.isMultiple(of: 3) {
      moving[round] = try workspace.propose("1.a", by: "Norway", .moveClause(after: "1.b")).id
    }
    rejected[round] = try workspace.propose(
      "2", by: "Brazil", .replaceWords(words: "as a matter of priority", with: "urgently", occurrence: nil)
    ).id
    let day = String(format: "2010-11-%02d", round)
    _ = try workspace.openSession(name: "Reading \(round)", chair: "Chair \(round % 2 + 1)", date: day)
    for id in [inserting[round], amending[round], deleting[round], moving[round]].compactMap({ $0 }) {
      _ = try workspace.decide(.accept, on: id)
    }
    if let id = rejected[round] { _ = try workspace.decide(.reject, on: id) }
    _ = try workspace.closeSession()
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
  }
}

/// The first (or last) clause of `version` that `matches`, or an error naming what was looked for.
func requireClause(_ version: DraftVersion, last: Bool = false, _ matches: (Clause) -> Bool) throws -> Clause {
  let found = last ? version.draft.clauses.last(where: matches) : version.draft.clauses.first(where: matches)
  guard let found else { throw AmendError("no such clause in the \(Ordinal.words(version.number)) draft") }
  return found
}
