import Foundation

/// Text pasted from a word processor looks like what a delegate types but is not the same: non-breaking
/// spaces, soft hyphens, curly quotes, en and em dashes, and runs of spaces. Words are compared with
/// those folded away; what is matched is always a range of the clause's own text.
enum PastedText {
  /// One folded scalar and the range of original scalars it stands for.
  struct Folded {
    var scalar: Unicode.Scalar
    var range: Range<String.Index>
  }

  /// Where `words` occur in `text` once both are folded, as ranges of `text`.
  static func occurrences(of words: String, in text: String) -> [Range<String.Index>] {
    let needle = fold(words).map(\.scalar)
    let haystack = fold(text)
    guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
    var found: [Range<String.Index>] = []
    for start in 0...(haystack.count - needle.count)
    where haystack[start].scalar == needle[0]
      && zip(haystack[start..<(start + needle.count)], needle).allSatisfy({ $0.scalar == $1 })
    {
      let range = haystack[start].range.lowerBound..<haystack[start + needle.count - 1].range.upperBound
      // Ranges must fall on character boundaries to be cut out of the text.
      guard range.lowerBound.samePosition(in: text) != nil, range.upperBound.samePosition(in: text) != nil
      else { continue }
      found.append(range)
    }
    return found
  }

  /// `text` with every run of white space as one space, soft hyphens dropped, and quotes and dashes
  /// made plain.
  static func fold(_ text: String) -> [Folded] {
    var folded: [Folded] = []
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      if scalar.properties.isWhitespace {
        if let last = folded.last, last.scalar == " ", last.range.upperBound == index {
          folded[folded.count - 1].range = last.range.lowerBound..<next
        } else {
          folded.append(Folded(scalar: " ", range: index..<next))
        }
      } else if scalar != softHyphen {
        folded.append(Folded(scalar: plain(scalar), range: index..<next))
      } else if let last = folded.last, last.range.upperBound == index {
        // A soft hyphen belongs to the word it breaks: keep it inside any match that spans it.
        folded[folded.count - 1].range = last.range.lowerBound..<next
      }
      index = next
    }
    return folded
  }

  static let softHyphen: Unicode.Scalar = "\u{00AD}"

  static func plain(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar {
    case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": "'"
    case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": "\""
    case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": "-"
    default: scalar
    }
  }

  /// Says how the clause's `found` text differs from the `typed` words, place by place, e.g. "the words
  /// occur with a non-breaking space where you typed a space".
  static func difference(typed: String, found: String) -> String {
    var phrases: [String] = []
    for (mine, theirs) in zip(fold(typed), fold(found)) {
      let typedPiece = String(typed.unicodeScalars[mine.range])
      let foundPiece = String(found.unicodeScalars[theirs.range])
      guard typedPiece != foundPiece else { continue }
      let phrase =
        foundPiece.unicodeScalars.contains(softHyphen)
        ? "a soft hyphen inside a word" : "\(name(foundPiece)) where you typed \(name(typedPiece))"
      if !phrases.contains(phrase) { phrases.append(phrase) }
    }
    let listed =
      phrases.count <= 1
      ? phrases.first ?? "different spacing" : phrases.dropLast().joined(separator: ", ") + " and " + (phrases.last ?? "")
    return "the words occur with \(listed); they were matched as they stand in the clause"
  }

  /// What a delegate would call a piece of text that folding made plain.
  static func name(_ piece: String) -> String {
    let scalars = Array(piece.unicodeScalars)
    if scalars.allSatisfy(\.properties.isWhitespace) {
      if scalars.contains(where: { ["\u{00A0}", "\u{202F}", "\u{2007}"].contains($0) }) { return "a non-breaking space" }
      if scalars.contains("\t") { return "a tab" }
      return scalars.count == 1 ? "a space" : "\(scalars.count) spaces"
    }
    switch scalars.first ?? " " {
    case "\u{2018}", "\u{2019}", "\u{201A}": return "a curly quote"
    case "\u{201C}", "\u{201D}", "\u{201E}": return "curly double quotes"
    case "'": return "a straight quote"
    case "\"": return "straight double quotes"
    case "\u{2013}": return "an en dash"
    case "\u{2014}": return "an em dash"
    case "\u{2212}": return "a minus sign"
    case "\u{2010}", "\u{2011}", "\u{2012}": return "a typographic hyphen"
    case "-": return "a hyphen"
    default: return "'\(piece)'"
    }
  }
}
