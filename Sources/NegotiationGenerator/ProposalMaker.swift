import AmendKit
import DraftText
import Foundation
import Wording

/// Writes the proposals of a generated negotiation: each against one clause of the current draft,
/// in the proportions delegations use (mostly word changes, some new and replaced clauses, a few
/// deletions and moves), with the words it names taken from the clause so that it can be tabled.
struct ProposalMaker {
  var delegations: [String]

  /// A proposal against `clause`, whose siblings in the draft are `siblings`; `hasChildren` when
  /// subparagraphs stand under it.
  func request(
    on clause: Clause, siblings: [Clause], hasChildren: Bool, using random: inout SeededRandom
  )
    -> ProposalRequest
  {
    let delegation = random.pick(delegations) ?? "European Union"
    var cosponsors: [String] = []
    if random.chance(0.15) {
      cosponsors = (0..<Int.random(in: 1...3, using: &random)).compactMap { _ in random.pick(delegations) }
        .filter { $0 != delegation }
    }
    return ProposalRequest(
      clause: clause.id.rawValue, delegation: delegation,
      operation: operation(on: clause, siblings: siblings, hasChildren: hasChildren, using: &random),
      cosponsors: Array(Set(cosponsors)).sorted(), rationale: random.pick(Phrases.rationales) ?? "")
  }

  func operation(
    on clause: Clause, siblings: [Clause], hasChildren: Bool, using random: inout SeededRandom
  )
    -> ProposalOperation
  {
    let roll = Double.random(in: 0..<1, using: &random)
    let words = Self.span(of: clause.text, using: &random)
    switch roll {
    case ..<0.30:
      if let words {
        return .replaceWords(
          words: words.text, with: random.pick(Phrases.replacements) ?? "consider", occurrence: words.occurrence)
      }
    case ..<0.50:
      if let words {
        return .insertWords(
          text: random.pick(Phrases.insertions) ?? "inter alia", anchor: .after(words.text),
          occurrence: words.occurrence)
      }
    case ..<0.65:
      if let words, words.text.count < clause.text.count / 2 {
        return .deleteWords(words: words.text, occurrence: words.occurrence)
      }
    case ..<0.75:
      return .replaceClause(text: "to \(SyntheticDraft.sentence(using: &random));")
    case ..<0.87:
      return .newClause(text: "to \(SyntheticDraft.sentence(using: &random));", before: false)
    case ..<0.90:
      // Only clauses with nothing under them: `amend next` cannot yet apply an accepted deletion of a
      // paragraph together with an accepted change to one of its subparagraphs (see BENCHMARKS.md).
      if !hasChildren { return .deleteClause }
    case ..<0.92:
      if let other = random.pick(siblings.filter { $0.key != clause.key }) {
        return .moveClause(after: other.id.rawValue)
      }
    default:
      break
    }
    return .insertWords(
      text: random.pick(Phrases.qualifiers) ?? "as a matter of priority", anchor: .atEnd, occurrence: nil)
  }

  /// One to three consecutive words of `text`, and which occurrence of them is meant when they
  /// stand more than once; nil when no such words stand alone in it.
  static func span(of text: String, using random: inout SeededRandom) -> (text: String, occurrence: Int?)? {
    let words = text.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
    guard words.count >= 3 else { return nil }
    let length = Int.random(in: 1...3, using: &random)
    let start = Int.random(in: 0...(words.count - length), using: &random)
    let phrase = words[start..<(start + length)].joined(separator: " ")
    let count = WordMatch.occurrences(of: phrase, in: text).count
    guard count > 0, !phrase.isEmpty else { return nil }
    return (phrase, count > 1 ? Int.random(in: 1...count, using: &random) : nil)
  }
}
