import DraftText

/// Random drafts written the way negotiators write them, for property tests: paragraphs with or
/// without chapeaus, subparagraphs in mixed marker styles, numerals below them, wrapped lines,
/// blank or no blank separators, notes and page furniture, LF or CRLF, with or without a final
/// line ending. Built from one seed so a failing case can be replayed.
struct DraftSketch: CustomStringConvertible {
  private var state: UInt64
  private(set) var lineEnding = "\n"
  private(set) var text = ""

  init(seed: Int) {
    state = UInt64(truncatingIfNeeded: seed) &+ 0x9E37_79B9_7F4A_7C15
    lineEnding = chance(4) ? "\r\n" : "\n"
    text = build()
  }

  var description: String { text }

  /// SplitMix64: small, and the same on every platform.
  private mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(max(bound, 1)))
  }

  /// True one time in `n`.
  private mutating func chance(_ n: Int) -> Bool { next(n) == 0 }

  private static let words = [
    "States", "migrants", "measures", "adopt", "Working", "Group", "invites", "rights", "*inter alia*",
    "human", "labour", "trafficking", "cooperation", "Member", "Convention", "regardless", "status",
  ]
  private static let joiners = ["and", "the", "of", "to", "with", "for", "under"]
  private static let notes = ["**Option 1:**", "[^1]: See resolution 1653 (XVI).", "A", "* TOC", "Page 3 of 7"]

  private mutating func sentence(_ count: Int) -> String {
    (0..<count).map { index in
      index % 2 == 1 ? DraftSketch.joiners[next(DraftSketch.joiners.count)] : DraftSketch.words[next(DraftSketch.words.count)]
    }.joined(separator: " ")
  }

  /// A clause text, maybe wrapped over continuation lines that start in lower case.
  private mutating func clauseText(ending: String) -> String {
    var text = sentence(2 + next(8))
    for _ in 0..<(chance(3) ? 1 + next(2) : 0) {
      text += lineEnding + DraftSketch.joiners[next(DraftSketch.joiners.count)] + " " + sentence(1 + next(6))
    }
    return text + ending
  }

  private mutating func build() -> String {
    var out: [String] = []
    let end = lineEnding
    if chance(2) {
      out.append("Migration" + end + "Seventh draft of conclusions" + end + "as of 12 October 2010" + end + end)
    }
    let paragraphs = 1 + next(6)
    for number in 1...paragraphs {
      if chance(5) { out.append(DraftSketch.notes[next(DraftSketch.notes.count)] + end + end) }
      let subparagraphs = chance(2) ? 1 + next(10) : 0
      out.append("\(number). " + clauseText(ending: subparagraphs > 0 ? ":" : ".") + end)
      if subparagraphs > 0 && chance(2) { out.append(end) }
      let style = next(3)
      for index in 0..<subparagraphs {
        let letter = Character(Unicode.Scalar(UInt8(0x61 + index)))
        let itemStyle = chance(4) ? next(3) : style
        let marker = ["- \(letter)) ", "\(letter)) ", "(\(letter)) "][itemStyle]
        let romans = chance(6) ? 1 + next(3) : 0
        out.append(marker + clauseText(ending: romans > 0 ? ":" : ";") + end)
        for roman in ["i", "ii", "iii"].prefix(romans) {
          out.append("(\(roman)) " + clauseText(ending: ";") + end)
        }
        if chance(4) { out.append(end) }
      }
      if number < paragraphs { out.append(end) }
    }
    var text = out.joined()
    if chance(3) {
      while text.hasSuffix(end) { text.removeLast() }
    }
    return text
  }
}
