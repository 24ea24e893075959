import Foundation

/// A first draft written for the benchmarks: a title block, then numbered paragraphs, some with a
/// chapeau and lettered subparagraphs ("- a) …;"), one clause a line, as UN secretariats lay them out.
public enum SyntheticDraft {
  /// A draft with exactly `clauses` clauses (paragraphs and subparagraphs together).
  public static func text(clauses: Int, using random: inout SeededRandom) -> String {
    let topic = random.pick(Phrases.topics) ?? "Migration"
    var lines = [
      "", "Working Group on \(topic)", "First draft of conclusions and recommendations on \(topic.lowercased())",
      "as of 4 March 2024", "",
    ]
    var count = 0
    var paragraph = 0
    let subject = random.pick(Phrases.subjects) ?? "The Working Group"
    while count < clauses {
      paragraph += 1
      count += 1
      let wanted = random.chance(0.35) ? 0 : Int.random(in: 2...8, using: &random)
      let subparagraphs = min(wanted, clauses - count)
      if subparagraphs == 0 {
        let verb = random.pick(Phrases.mainVerbs) ?? "recognizes that"
        lines.append("\(paragraph). \(subject) \(verb) \(sentence(using: &random)).")
        lines.append("")
        continue
      }
      lines.append("\(paragraph). \(subject) \(random.pick(Phrases.chapeaux) ?? "invites States:")")
      lines.append("")
      for index in 0..<subparagraphs {
        let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(index)))
        let end = index == subparagraphs - 1 ? "." : ";"
        lines.append("- \(letter)) to \(sentence(using: &random))\(end)")
      }
      lines.append("")
      count += subparagraphs
    }
    return lines.joined(separator: "\n")
  }

  /// One clause's words: "strengthen regional cooperation and share good practices, as a matter of priority".
  static func sentence(using random: inout SeededRandom) -> String {
    var words = "\(random.pick(Phrases.actions) ?? "adopt") \(random.pick(Phrases.objects) ?? "good practices")"
    if random.chance(0.6) {
      words += " and \(random.pick(Phrases.actions) ?? "share") \(random.pick(Phrases.objects) ?? "good practices")"
    }
    if random.chance(0.7) { words += ", \(random.pick(Phrases.qualifiers) ?? "as a matter of priority")" }
    return words
  }
}
