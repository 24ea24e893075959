import AmendKit
import DraftText
import Foundation
import Testing

/// A negotiation of ten rounds on the seed, made with the library as a secretariat would: each round
/// tables proposals, decides them in a session and produces the next draft, so that the history has
/// amendments, new clauses, deletions, moves and renumbering in every draft.
struct GeneratedNegotiation: Sendable {
  static let delegations = [
    "European Union", "Group of African States", "Brazil", "Philippines", "Canada", "Norway", "Mexico",
    "Switzerland", "Japan", "Chile",
  ]

  /// The clause followed through every round: 7 (b) of the seventh draft.
  static let followedOpening = "taking measures to combat trafficking"

  /// The repository's folder.
  let path: String
  /// By round (1…10): the proposal amending the followed clause, the new clause after 7 (a), the
  /// deletion of paragraph 4's last subparagraph (odd rounds) and the move in paragraph 1 (every third).
  var amending: [Int: String] = [:]
  var inserting: [Int: String] = [:]
  var deleting: [Int: String] = [:]
  var moving: [Int: String] = [:]
  var rejected: [Int: String] = [:]
  /// The text of paragraph 4's last subparagraph when a round deleted it.
  var deletedText: [Int: String] = [:]

  /// A workspace on the negotiation, opened afresh each time: a Workspace is not shared between
  /// threads, while the repository is read by every test at once.
  var workspace: Workspace {
    get throws { try Workspace.open(at: path, context: testContext()) }
  }

  /// Runs `rounds` rounds on a new repository in `folder`.
  static func make(rounds: Int = 10, in folder: ScratchFolder) throws -> GeneratedNegotiation {
    let workspace = try makeNegotiation(in: folder)
    var made = GeneratedNegotiation(path: folder.path)
    for round in 1...rounds { try made.play(round, on: workspace) }
    return made
  }

  /// The ten-round negotiation of the suite being run (see `BuiltOnce`).
  @TaskLocal static var shared: GeneratedNegotiation?

  /// Builds the ten-round negotiation once for a suite, before its first test, and removes it after
  /// its last: every test of the suite reads the same repository (`GeneratedNegotiation.shared`).
  struct BuiltOnce: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
      for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
      let folder = try ScratchFolder()
      let made = try GeneratedNegotiation.make(in: folder)
      try await GeneratedNegotiation.$shared.withValue(made) { try await function() }
      withExtendedLifetime(folder) {}
    }
  }

  static func delegation(_ round: Int) -> String { delegations[(round - 1) % delegations.count] }

  mutating func play(_ round: Int, on workspace: Workspace) throws {
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
    let day = CalendarDate(year: 2010, month: 11, day: round)
    _ = try workspace.openSession(name: "Reading \(round)", chair: "Chair \(round % 2 + 1)", date: day)
    for id in [inserting[round], amending[round], deleting[round], moving[round]].compactMap({ $0 }) {
      _ = try workspace.decide(.accept, on: ProposalID(id))
    }
    if let id = rejected[round] { _ = try workspace.decide(.reject, on: ProposalID(id)) }
    _ = try workspace.closeSession()
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
  }
}

/// The first (or last) clause of `version` that `matches`, or an error naming what was looked for.
func requireClause(_ version: DraftVersion, last: Bool = false, _ matches: (Clause) -> Bool) throws -> Clause {
  let found = last ? version.draft.clauses.last(where: matches) : version.draft.clauses.first(where: matches)
  guard let found else { throw MissingClause(draft: version.number) }
  return found
}

/// No clause of draft `draft` matched what a generated history looked for.
struct MissingClause: Error, CustomStringConvertible {
  var draft: Int
  var description: String { "no such clause in the \(Ordinal.words(draft)) draft" }
}
