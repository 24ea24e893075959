/// A draft text built to break the parser: markers of every style, tabs and no-break spaces, CR/LF
/// and mixed line endings, blank lines, huge and repeated numbers, unicode, and lines that nearly
/// look like markers. The same seed always gives the same text.
public struct HostileDraft: Sendable {
  public var text: String
  /// The 1-based lines the generator wrote as clause markers.
  public var markerLines: [Int]

  public init(seed: UInt64) {
    var random = SplitMix(seed: seed)
    var builder = Builder()
    builder.build(&random)
    text = builder.text
    markerLines = builder.markerLines
  }
}

private struct Builder {
  var text = ""
  var markerLines: [Int] = []
  var line = 0
  var paragraph = 0
  var letter = 0
  var roman = 0

  static let separators = [" ", " ", " ", " ", "\t", "  ", "\u{A0}", "\u{202F}", " \t", "\t\t"]
  static let indents = ["", "", "", "", " ", "   ", "    ", "\t", "\u{0C}", " \t"]
  static let words = [
    "The", "Working", "Group", "recommends", "that", "States", "forced", "labour", "trafficking", "and",
    "Café", "naïve", "ﬁnance", "日本語", "مرحبا", "😀", "e\u{301}", "a\u{200D}b", "\u{FEFF}", "1990.", "7.5",
    "a)", "(b)", "**bold**", "[link]", "–", "—", "“quoted”", "x\u{A0}y", "soft\u{00AD}hyphen", "1.", "i)",
    "\u{202E}rtl", "ß", "Ω", "\u{1}", "\u{7F}",
  ]
  static let nearMisses = [
    "7.5 tonnes", "b)text", "(7) seven", "- 7. dashed number", "A) capital", "ab) two letters",
    "1 . spaced", "(a missing", "a.) odd", "#1. heading", "**Option 1:**", "[1] ref", "* a) bullet",
    "‐ a) unicode hyphen", "１. fullwidth", "\u{A0}1. indented by a no-break space", "1.\u{200B}zero width",
    "-a) no space", "(1) numeric in brackets", "- 1) dashed number", "iiii) bad roman", "ic) bad roman",
    "bis) suffix alone", "1.x", "(a)x", "1.\rcarriage return", "b  bis) two spaces", "| 1. | table |",
    "> 1. quoted", "[^1]: 1. footnote", "{1. brace}", "---", "...", "\u{0C}", "\u{0C}Page 2",
  ]
  static let shapes = [
    "The General Assembly,", "*The Parties to this Agreement*,", "Seventh draft of conclusions",
    "Eighth draft of conclusions and recommendations", "12 October 2010", "## Article 4",
    "## Article 2 bis", "## [Article 3bis] *(REDD-plus)*", "# Heading", "## Preamble",
    "Have agreed as follows:", "Recalling its resolution 1 (2010),", "---", "title: x",
  ]

  mutating func build(_ random: inout SplitMix) {
    let count = random.oneIn(2000) ? 500 + random.below(1500) : 1 + random.below(random.oneIn(4) ? 80 : 25)
    let endings: [String]
    switch random.below(7) {
    case 0: endings = ["\r\n"]
    case 1: endings = ["\n", "\r\n"]
    default: endings = ["\n"]
    }
    if random.oneIn(20) { text += "\u{FEFF}" }
    for index in 0..<count {
      line += 1
      text += index == 0 && random.oneIn(12) ? "---" : makeLine(&random)
      if index + 1 < count || !random.oneIn(3) { text += random.pick(endings) }
    }
  }

  mutating func makeLine(_ random: inout SplitMix) -> String {
    switch random.below(100) {
    case 0..<24: return marker(number: nextNumber(&random), &random)
    case 24..<44: return marker(letters: nextLetter(&random), &random)
    case 44..<50: return marker(letters: nextRoman(&random), &random)
    case 50..<64: return sentence(&random)
    case 64..<77: return random.pick(["", "", "", " ", "\t", "\u{0C}", "  \t "])
    case 77..<87: return random.pick(Builder.nearMisses) + (random.oneIn(2) ? " " + sentence(&random) : "")
    case 87..<93: return random.pick(Builder.shapes)
    case 93..<96: return random.pick(Builder.indents) + sentence(&random)
    default: return marker(letters: randomLabel(&random), &random)
    }
  }

  mutating func nextNumber(_ random: inout SplitMix) -> String {
    letter = 0
    roman = 0
    switch random.below(20) {
    case 0: return String(paragraph)
    case 1: return String(repeating: "9", count: 5 + random.below(30))
    case 2: return "0" + String(paragraph + 1)
    case 3: paragraph = random.below(100_000); return String(paragraph)
    case 4: return String(paragraph) + random.pick(["bis", " bis", "\tter", "quater"])
    default:
      paragraph += 1
      return String(paragraph)
    }
  }

  mutating func nextLetter(_ random: inout SplitMix) -> String {
    switch random.below(10) {
    case 0: break
    case 1: letter += 1 + random.below(30)
    default: letter += 1
    }
    let position = max(letter, 1)
    let base = String(repeating: Character(Unicode.Scalar(UInt8(0x61 + (position - 1) % 26))), count: (position - 1) / 26 + 1)
    return random.oneIn(12) ? base + random.pick(["bis", " bis", "\tbis", " ter", "pre"]) : base
  }

  mutating func nextRoman(_ random: inout SplitMix) -> String {
    roman = random.oneIn(10) ? random.below(3999) + 1 : roman + 1
    return MarkerGrammar.roman(roman)
  }

  /// A label that counts but is out of any order: "zz", "mcm", "iv".
  func randomLabel(_ random: inout SplitMix) -> String {
    if random.oneIn(2) { return MarkerGrammar.roman(1 + random.below(3999)) }
    let letter = Character(Unicode.Scalar(UInt8(0x61 + random.below(26))))
    return String(repeating: letter, count: 1 + random.below(random.oneIn(20) ? 40 : 3))
  }

  mutating func marker(number: String, _ random: inout SplitMix) -> String {
    let closing = random.oneIn(4) ? ")" : "."
    return markerLine(random.pick(Builder.indents) + number + closing, &random)
  }

  mutating func marker(letters: String, _ random: inout SplitMix) -> String {
    let dash = "-" + random.pick(Builder.separators)
    let opening = random.pick(["", "", dash, "(", dash + "("])
    return markerLine(random.pick(Builder.indents) + opening + letters + ")", &random)
  }

  mutating func markerLine(_ marker: String, _ random: inout SplitMix) -> String {
    markerLines.append(line)
    if random.oneIn(15) { return marker }
    return marker + random.pick(Builder.separators) + sentence(&random)
  }

  func sentence(_ random: inout SplitMix) -> String {
    var words: [String] = []
    for _ in 0..<(1 + random.below(12)) { words.append(random.pick(Builder.words)) }
    return words.joined(separator: random.oneIn(10) ? "\t" : " ") + random.pick(["", ";", ".", ":", ",", " "])
  }
}
