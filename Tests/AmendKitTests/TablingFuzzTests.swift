import DraftText
import Foundation
import NegotiationGenerator
import Testing

@testable import AmendKit

/// Hostile texts for tabling, from a seed: pieces of the clause's own words mixed with line breaks,
/// markers of every style, tabs, no-break spaces, brackets, control characters and other scripts.
struct HostileProposal {
  static let pieces = [
    "\n", "\n\n", "\r\n", "\t", "\u{00A0}", "\u{2028}", "\u{0085}", " ", "  ", "8. ", "\n\n8. New paragraph",
    "\n\n- z) ", "\n- c) ", "(a) ", "(i) ", "c) ", "PP3 ", "OP2. ", "## Article 9", "\n## Article 2\n", "Article 4.1",
    "1#2 ", "[", "]", "[[", "Option 1", "*inter alia*", "é", "中文", "🙂", "\u{00AD}", "“", "”", "—", "-", "- ",
    "\u{0}", "\u{1B}", ";", ".", "7 (b)", "bis", "as of 13 October 2010", "Eighth draft of conclusions", "#", "---",
  ]

  var operation: ProposalOperation
  var clause: Clause

  init(seed: UInt64, draft: Draft) {
    var random = SeededRandom(seed: seed)
    let clauses = draft.clauses
    clause = clauses[Int(random.next() % UInt64(clauses.count))]
    let words = clause.text.split(separator: " ").map(String.init)
    func someWords() -> String {
      guard !words.isEmpty else { return "x" }
      let start = Int(random.next() % UInt64(words.count))
      let length = 1 + Int(random.next() % 3)
      return words[start..<min(words.count, start + length)].joined(separator: " ")
    }
    func hostileText() -> String {
      var text = ""
      for _ in 0..<(1 + Int(random.next() % 6)) {
        text += random.next() % 3 == 0 ? someWords() : Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
      }
      return text
    }
    let occurrence: Int? = random.next() % 4 == 0 ? Int(random.next() % 3) + 1 : nil
    switch random.next() % 6 {
    case 0: operation = .replaceWords(words: someWords(), with: hostileText(), occurrence: occurrence)
    case 1: operation = .deleteWords(words: random.next() % 2 == 0 ? someWords() : hostileText(), occurrence: occurrence)
    case 2:
      let anchors: [ProposalOperation.Anchor] = [.after(someWords()), .before(someWords()), .atStart, .atEnd]
      operation = .insertWords(text: hostileText(), anchor: anchors[Int(random.next() % 4)], occurrence: occurrence)
    case 3: operation = .replaceClause(text: hostileText())
    default: operation = .newClause(text: hostileText(), before: random.next() % 2 == 0)
    }
  }
}

/// Whether `error` is one of the refusals tabling words for people (the CLI has a line for each).
func isTablingRefusal(_ error: any Error) -> Bool {
  error is TablingError || error is ClauseTextError || error is LookupError || error is NameError
}

/// What must hold for any text tabling lets through: put where `next` puts it, the draft reads back
/// with every other clause as it was (same id, same text) and the proposal's text where it goes.
/// Nil when it holds, else what went wrong.
func tablingOracle(_ proposal: HostileProposal, in version: DraftVersion) -> String? {
  let checked: CheckedProposal
  do {
    checked = try Workspace.check(proposal.operation, on: proposal.clause, in: version)
  } catch {
    return isTablingRefusal(error) ? nil : "refused with \(type(of: error)), not one of tabling's refusals: \(error)"
  }
  var draft = version.draft
  let target = proposal.clause
  let others = version.draft.clauses.filter { $0.key != target.key }
  do {
    switch checked.operation {
    case .newClause(_, let before):
      // next writes the text as proposed (trimmed), as for every other operation.
      let text = checked.textProposed ?? ""
      _ = before ? try draft.insertClause(text, before: target.key) : try draft.insertClause(text, after: target.key)
    case .replaceWords, .deleteWords, .insertWords, .replaceClause:
      try draft.replaceText(of: target.key, with: checked.textProposed ?? "")
    default:
      return nil
    }
  } catch {
    return "tabled, but the draft refuses it: \(error)"
  }
  _ = draft.renumber()
  guard let again = try? Draft(parsing: draft.render()) else { return "the edited draft does not parse" }
  let texts = again.clauses.map(\.text)
  // Every other clause keeps its words, in order; only the target's words (or the new clause) differ.
  var remaining = texts[...]
  for clause in others {
    guard let found = remaining.firstIndex(of: clause.text) else {
      return "\(clause.id.display) lost its words: \(clause.text.debugDescription)"
    }
    remaining = remaining[(found + 1)...]
  }
  guard let tabled = checked.textProposed else { return "tabled with no text" }
  // After an article's own text a new clause is an unnumbered line (Draft.insertUnnumbered).
  if case .newClause(_, before: false) = checked.operation, target.kind == .articleText {
    guard again.clauses.count == version.draft.clauses.count else { return "a new unnumbered line changed the clauses read back" }
    return again.unnumberedLines.contains { $0.text == tabled } ? nil : "the new line \(tabled.debugDescription) does not read back as a line"
  }
  // A new clause may be tabled with its points, on the lines after its first (Draft.subItems).
  let (proposed, points) = proposal.operation.isNewClause ? Draft.subItems(of: tabled, ownKind: target.labelKind) : (tabled, [])
  let expectedCount = version.draft.clauses.count + (proposal.operation.isNewClause ? 1 + points.count : 0)
  guard again.clauses.count == expectedCount else {
    return "\(again.clauses.count) clauses read back, \(expectedCount) expected"
  }
  if let lost = points.first(where: { !texts.contains($0) }) { return "the point \(lost.debugDescription) does not read back" }
  guard texts.contains(proposed) else {
    let near = texts.filter { $0.contains(String(proposed.prefix(4))) }.map(\.debugDescription)
    return "the proposed text \(proposed.debugDescription) does not read back as one clause's text; near: \(near)"
  }
  return nil
}

@Suite("Tabling fuzz: hostile texts never break the draft's structure")
struct TablingFuzzTests {
  /// The seed and two real texts of other shapes: (a)/(i) lists with preambular paragraphs, and articles.
  static func versions() throws -> [DraftVersion] {
    let names = ["un_ga_A-RES-80-51_pdf-extract.md", "paris_04_adopted_2015-12-12.md"]
    let paths = [Shared.seed] + Shared.realCases.filter { path in names.contains { path.hasSuffix($0) } }
    try #require(paths.count == 3, "the seed and the real cases are needed: \(Shared.root.path)")
    return try paths.map { path in
      let text = try String(contentsOfFile: path, encoding: .utf8)
      return DraftVersion(file: DraftFile(number: 7), text: text, draft: try Draft(parsing: text))
    }
  }

  /// AMEND_FUZZ_RUNS sets the count (a million outside CI: docs/RELIABILITY.md), AMEND_FUZZ_SEED the seed.
  @Test("what tabling lets through keeps every other clause and reads back as one clause")
  func hostileTexts() throws {
    let environment = ProcessInfo.processInfo.environment
    let runs = environment["AMEND_FUZZ_RUNS"].flatMap(Int.init) ?? 150
    let seed = environment["AMEND_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_130
    var failures: [String] = []
    var tabled = 0
    for (index, version) in try Self.versions().enumerated() {
      for run in 0..<runs {
        var mix = SeededRandom(seed: seed &+ UInt64(index) &* 1_000_003 &+ UInt64(run))
        let proposal = HostileProposal(seed: mix.next(), draft: version.draft)
        if (try? Workspace.check(proposal.operation, on: proposal.clause, in: version)) != nil { tabled += 1 }
        if let problem = tablingOracle(proposal, in: version) {
          failures.append("text \(index) run \(run): \(proposal.clause.id.display) \(proposal.operation): \(problem)")
        }
      }
    }
    if runs >= 100_000 { print("tabling fuzz: \(runs * 3) inputs from seed \(seed), \(tabled) tabled, \(failures.count) failing") }
    #expect(tabled > runs / 10, "so few inputs were tabled that the oracle proves little: \(tabled)")
    #expect(failures.isEmpty, "\(failures.count) failing, first: \(failures.prefix(5).joined(separator: "\n"))")
  }

  @Test("hostile proposals tabled, all accepted that accept allows, and the next draft keeps every untouched clause")
  func endToEnd() throws {
    let folder = try ScratchFolder()
    let workspace = try makeNegotiation(in: folder)
    let before = try workspace.snapshot().currentDraft()
    var ids: [String] = []
    for run in 0..<40 {
      let proposal = HostileProposal(seed: 7_000 + UInt64(run), draft: before.draft)
      let tip = try workspace.tip
      do {
        let record = try workspace.table(
          ProposalRequest(clause: proposal.clause.id.rawValue, delegation: "Delegation \(run % 7)", operation: proposal.operation))
        ids.append(record.id)
      } catch {
        #expect(isTablingRefusal(error), "\(error)")
        #expect(try workspace.tip == tip, "a refused proposal moved the branch")
      }
    }
    try #require(ids.count >= 10, "too few hostile proposals were tabled to prove anything: \(ids.count)")
    _ = try workspace.openSession(name: "Fuzz", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
    var accepted: [String] = []
    for id in ids {
      if (try? workspace.decide(.accept, on: ProposalID(id))) != nil { accepted.append(id) }
    }
    _ = try workspace.closeSession()
    let next = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 14), dryRun: false, allowEmpty: true)
    #expect(Set(next.applied) == Set(accepted))
    let after = try Draft(parsing: next.text)
    #expect(after.render() == next.text)
    // Every clause no applied proposal touched comes out with the same words.
    let ledger = try workspace.snapshot().ledger.get()
    let touched = Set(accepted.compactMap { try? ledger.proposal(ProposalID($0)).record.clause })
    let newTexts = after.clauses.map(\.text)
    for clause in before.draft.clauses where !touched.contains(clause.id.rawValue) {
      #expect(newTexts.contains(clause.text), "\(clause.id.display) lost its words in the next draft")
    }
    #expect(try git(["fsck", "--strict", "--no-dangling"], in: folder.path).isEmpty)
  }
}
