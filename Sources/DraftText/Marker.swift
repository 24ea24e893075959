/// The marker in front of a clause's text ("- b) ", "(ii) ", "7. "), split so that a new label
/// can be written in exactly the same style.
///
/// `indent + opening + label + closing + spacing` is the marker as it stands in the source.
/// Preambular paragraphs and an article's own text have only an indent.
struct Marker: Equatable, Sendable {
  /// Leading spaces, tabs or form feeds (a page break before a paragraph is kept here).
  var indent: String
  /// What stands before the label: "", "- ", "(", "- (".
  var opening: String
  /// The label as written: "b", "3bis", "b bis".
  var label: String
  /// What closes the label: "." or ")".
  var closing: String
  /// The whitespace between the marker and the text: spaces, tabs, no-break spaces.
  var spacing: String

  /// A marker with no label, for text that is identified by position.
  static func unlabelled(indent: String) -> Marker {
    Marker(indent: indent, opening: "", label: "", closing: "", spacing: "")
  }

  var rendered: String { indent + opening + label + closing + spacing }

  /// The same marker with another label, keeping every other character.
  func relabelled(_ newLabel: String) -> Marker {
    var copy = self
    copy.label = newLabel
    return copy
  }

  /// What the label counts with, judged from its characters alone; a lone "i", "v" or "x"
  /// reads as a numeral here, and the parser decides from context whether it is a letter.
  var apparentKind: LabelKind {
    guard let parsed = Label(label) else { return .none }
    if LabelSequence.value(of: parsed.base, as: .number) != nil { return .number }
    if LabelSequence.value(of: parsed.base, as: .roman) != nil { return .roman }
    if LabelSequence.value(of: parsed.base, as: .letter) != nil { return .letter }
    return .none
  }

  /// Whether the label may count with `kind`: its apparent kind, or a letter for a lone "c", "i",
  /// "v" or "x", which is a letter in a lettered list.
  func reads(as kind: LabelKind) -> Bool {
    apparentKind == kind || (kind == .letter && apparentKind == .roman && label.count == 1)
  }

  /// Reads a numbered marker ("7. ", "12) ") or a lettered one ("- b) ", "b) ", "(b) ", "(ii) ")
  /// at the start of `line`; nil when the line does not start with one.
  ///
  /// Reads the line's UTF-8 bytes in place: the parser asks for every line of every version of a
  /// draft, and most lines are not markers. `scanScalars` is the same reading over Unicode scalars
  /// (the tests hold the two to the same answers).
  static func scan(_ line: String) -> (marker: Marker, text: String)? {
    if let found = line.utf8.withContiguousStorageIfAvailable({ scan(bytes: $0) }) { return found }
    return scanScalars(line)
  }

  /// `scan` over a line's UTF-8 bytes. Every position it stops at starts a scalar: it steps over
  /// whole scalars only (ASCII, and the three-byte and two-byte spaces it knows), so every slice it
  /// turns into a string is the same scalars `scanScalars` would take.
  private static func scan(bytes: UnsafeBufferPointer<UInt8>) -> (marker: Marker, text: String)? {
    let count = bytes.count
    func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
    /// The length of the horizontal space (space, tab, form feed, byte-order mark) at `index`, or 0.
    func horizontalSpace(_ index: Int) -> Int {
      guard index < count else { return 0 }
      switch bytes[index] {
      case 0x20, 0x09, 0x0C: return 1
      case 0xEF where index + 2 < count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF: return 3
      default: return 0
      }
    }
    /// The length of the marker space (space, tab, no-break space, narrow no-break space) at `index`, or 0.
    func markerSpace(_ index: Int) -> Int {
      guard index < count else { return 0 }
      switch bytes[index] {
      case 0x20, 0x09: return 1
      case 0xC2 where index + 1 < count && bytes[index + 1] == 0xA0: return 2
      case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF: return 3
      default: return 0
      }
    }
    func skip(_ space: (Int) -> Int, from start: Int) -> Int {
      var index = start
      while true {
        let length = space(index)
        if length == 0 { return index }
        index += length
      }
    }
    func isDigit(_ index: Int) -> Bool { index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
    func isLower(_ index: Int) -> Bool { index < count && bytes[index] >= 0x61 && bytes[index] <= 0x7A }

    var index = 0
    index = skip(horizontalSpace, from: index)
    let indentEnd = index
    let openingStart = index
    var dashed = false
    if index < count, bytes[index] == 0x2D, markerSpace(index + 1) > 0 {
      dashed = true
      index += 1
      index = skip(markerSpace, from: index)
    }
    var parenthesised = false
    if index < count, bytes[index] == 0x28 {
      parenthesised = true
      index += 1
    }
    let openingEnd = index
    let labelStart = index
    let numeric = isDigit(index)
    if numeric {
      // Any number of digits: a draft may run to tens of thousands of paragraphs.
      while isDigit(index) { index += 1 }
    } else {
      while isLower(index) { index += 1 }
      guard index > labelStart else { return nil }
    }
    // A glued or spaced Latin suffix: "3bis.", "b bis)".
    var labelEnd = index
    var probe = index
    if probe < count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
    let suffixStart = probe
    while isLower(probe) { probe += 1 }
    if probe > suffixStart, Label.isSuffix(string(suffixStart..<probe)) {
      labelEnd = probe
    }
    index = labelEnd
    guard index < count else { return nil }
    let closing: String
    switch bytes[index] {
    case 0x2E where numeric && !dashed && !parenthesised:
      closing = "."
    case 0x29 where !(numeric && (dashed || parenthesised)):
      closing = ")"
    default:
      return nil
    }
    index += 1
    let spacingStart = index
    index = skip(markerSpace, from: index)
    // "7.5 tonnes" or "b)text" are not markers: a marker is followed by space or ends the line.
    guard index > spacingStart || index == count else { return nil }
    let marker = Marker(
      indent: string(0..<indentEnd), opening: string(openingStart..<openingEnd), label: string(labelStart..<labelEnd),
      closing: closing, spacing: string(spacingStart..<index))
    guard marker.apparentKind != .none else { return nil }
    return (marker, string(index..<count))
  }

  /// `scan` over Unicode scalars: for strings whose bytes are not contiguous, and for the tests.
  static func scanScalars(_ line: String) -> (marker: Marker, text: String)? {
    let scalars = Array(line.unicodeScalars)
    var index = 0
    while index < scalars.count, scalars[index].isHorizontalSpace { index += 1 }
    let indent = String(String.UnicodeScalarView(scalars[0..<index]))
    let openingStart = index
    var dashed = false
    if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1].isMarkerSpace {
      dashed = true
      index += 1
      while index < scalars.count, scalars[index].isMarkerSpace { index += 1 }
    }
    var parenthesised = false
    if index < scalars.count, scalars[index] == "(" {
      parenthesised = true
      index += 1
    }
    let opening = String(String.UnicodeScalarView(scalars[openingStart..<index]))
    let labelStart = index
    let isDigit: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }
    let isLower: (Unicode.Scalar) -> Bool = { $0 >= "a" && $0 <= "z" }
    let numeric = index < scalars.count && isDigit(scalars[index])
    if numeric {
      // Any number of digits: a draft may run to tens of thousands of paragraphs.
      while index < scalars.count, isDigit(scalars[index]) { index += 1 }
    } else {
      while index < scalars.count, isLower(scalars[index]) { index += 1 }
      guard index > labelStart else { return nil }
    }
    // A glued or spaced Latin suffix: "3bis.", "b bis)".
    var labelEnd = index
    var probe = index
    if probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
    let suffixStart = probe
    while probe < scalars.count, isLower(scalars[probe]) { probe += 1 }
    if probe > suffixStart,
      Label.isSuffix(String(String.UnicodeScalarView(scalars[suffixStart..<probe])))
    {
      labelEnd = probe
    }
    index = labelEnd
    guard index < scalars.count else { return nil }
    let closing: String
    switch scalars[index] {
    case "." where numeric && !dashed && !parenthesised:
      closing = "."
    case ")" where !(numeric && (dashed || parenthesised)):
      closing = ")"
    default:
      return nil
    }
    index += 1
    let spacingStart = index
    while index < scalars.count, scalars[index].isMarkerSpace { index += 1 }
    // "7.5 tonnes" or "b)text" are not markers: a marker is followed by space or ends the line.
    guard index > spacingStart || index == scalars.count else { return nil }
    let label = String(String.UnicodeScalarView(scalars[labelStart..<labelEnd]))
    let marker = Marker(
      indent: indent, opening: opening, label: label, closing: closing,
      spacing: String(String.UnicodeScalarView(scalars[spacingStart..<index])))
    guard marker.apparentKind != .none else { return nil }
    return (marker, String(String.UnicodeScalarView(scalars[index...])))
  }
}

extension Unicode.Scalar {
  /// What separates a dash from its label and a marker from its text: a space, a tab, or the
  /// no-break space that word processors put after a number. Kept as written in the marker.
  var isMarkerSpace: Bool { self == " " || self == "\t" || self == "\u{A0}" || self == "\u{202F}" }
}
