import Testing

@testable import DraftText

@Suite("Marker scan over UTF-8 bytes")
struct MarkerScanTests {
  /// The two readings of one line, as comparable values.
  func both(_ line: String) -> (String?, String?) {
    func shown(_ found: (marker: Marker, text: String)?) -> String? {
      found.map { [$0.marker.indent, $0.marker.opening, $0.marker.label, $0.marker.closing, $0.marker.spacing, $0.text].joined(separator: "|") }
    }
    return (shown(Marker.scan(line)), shown(Marker.scanScalars(line)))
  }

  @Test("reads every line as the scalar reading does: markers, near-markers and the spaces it knows")
  func sameAsScalars() {
    let lines = [
      "7. Decides", "12) text", "- b) text", "b) text", "(b) text", "(ii) text", "  (iii)\ttext", "\u{FEFF}1. text",
      "\u{0C}2. text", "3bis. text", "3 bis. text", "b bis) text", "b\tter) text", "7.5 tonnes", "b)text", "7.", "(b)",
      "- (c)\u{A0}text", "-\u{A0}c) text", "1.\u{202F}text", "1.\u{A0}\u{A0}text", "(7) text", "- 7) text", "7) text",
      "x) text", "vi) text", "é) text", "(é) text", "1é. text", "", " ", "-", "- ", "(", "12345678901234567890. many",
      "a", "ab", "a.", "abc) text", "1.\u{2003}text", "\u{FEFF}", "1.\u{202F}", "quater) x", "3quinquies. x",
    ]
    for line in lines {
      let (bytes, scalars) = both(line)
      #expect(bytes == scalars, "\(line.debugDescription)")
    }
    // Lines built from the characters a marker is made of, in every order up to length 5.
    let alphabet: [String] = ["1", "7", "b", "i", "v", ".", ")", "(", "-", " ", "\t", "\u{A0}", "\u{202F}", "\u{FEFF}", "é", "x"]
    var state: UInt64 = 7
    for _ in 0..<20_000 {
      var line = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      var bits = state
      for _ in 0..<(Int(bits % 7) + 1) {
        bits /= 7
        line += alphabet[Int(bits % UInt64(alphabet.count))]
        bits /= UInt64(alphabet.count)
      }
      line += " tail"
      let (bytes, scalars) = both(line)
      #expect(bytes == scalars, "\(line.debugDescription)")
    }
  }
}
