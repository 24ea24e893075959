import Testing
import Wording

@Suite("Words: the ASCII cut is the character cut")
struct WordsTests {
  /// The cut character by character, with `Character`'s own classes: what `Words` did for every text.
  func characterCut(_ text: String) -> [Substring] {
    func kind(_ character: Character) -> Int { character.isLetter || character.isNumber ? 0 : character.isWhitespace ? 1 : 2 }
    var tokens: [Substring] = []
    var start = text.startIndex
    var current: Int?
    for index in text.indices {
      let now = kind(text[index])
      if let current, current != now || now == 2 {
        tokens.append(text[start..<index])
        start = index
      }
      current = now
    }
    if start < text.endIndex { tokens.append(text[start...]) }
    return tokens
  }

  @Test("every ASCII byte, CRLF, and 3,000 random texts (ASCII and not) cut as Character's classes cut them")
  func asciiCutIsCharacterCut() {
    var texts = ["", "\r\n", "a\r\nb", "forced labor, (b) 12bis.\t\u{0B}\u{0C}x", String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    let extra: [Character] = ["é", "\u{301}", "’", "“", "\u{A0}", "Ω", "٣", "\r\n"]
    for round in 0..<3_000 {
      let length = Int(next() % 40)
      texts.append(
        String(
          (0..<length).map { _ -> Character in
            round % 2 == 0 || next() % 5 != 0 ? Character(Unicode.Scalar(UInt8(next() % 128))) : extra[Int(next() % UInt64(extra.count))]
          }))
    }
    for text in texts {
      #expect(Words(text).tokens == characterCut(text), "\(text.debugDescription)")
    }
  }
}
