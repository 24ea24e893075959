/// A clause's text cut into the pieces a word-level comparison works on.
///
/// Words (runs of letters and digits), runs of white space and single punctuation marks are separate
/// tokens, so that joining the tokens gives back the text exactly.
public struct Words: Equatable, Sendable {
  /// The tokens in order; joined, they are the text exactly.
  public let tokens: [Substring]

  /// `text` cut into words, runs of white space and punctuation marks.
  public init(_ text: String) {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      tokens = Self.asciiTokens(text)
      return
    }
    var tokens: [Substring] = []
    var start = text.startIndex
    var index = text.startIndex
    var currentClass: CharacterClass?
    while index < text.endIndex {
      let kind = CharacterClass(text[index])
      if let current = currentClass, current != kind || kind == .punctuation {
        tokens.append(text[start..<index])
        start = index
      }
      currentClass = kind
      index = text.index(after: index)
    }
    if start < text.endIndex { tokens.append(text[start..<text.endIndex]) }
    self.tokens = tokens
  }

  /// The same cut for a text of ASCII only, over its bytes: every byte is then a character (but "\r\n",
  /// which is one character of white space, as its two bytes are), and the classes below are
  /// `Character`'s for ASCII. Most texts are ASCII, and deciding classes character by character was
  /// most of the time `proposals` and `compile` took.
  static func asciiTokens(_ text: String) -> [Substring] {
    var tokens: [Substring] = []
    let bytes = text.utf8
    var start = bytes.startIndex
    var current: CharacterClass?
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let kind = CharacterClass(ascii: bytes[index])
      if let current, current != kind || kind == .punctuation {
        tokens.append(text[start..<index])
        start = index
      }
      current = kind
      index = bytes.index(after: index)
    }
    if start < bytes.endIndex { tokens.append(text[start..<bytes.endIndex]) }
    return tokens
  }

  /// The number of tokens.
  public var count: Int { tokens.count }

  /// The text of tokens `range`, exactly as written.
  public func text(_ range: Range<Int>) -> String {
    tokens[range].joined()
  }

  /// Whether the token at `index` is a word (not space or punctuation).
  public func isWord(_ index: Int) -> Bool {
    tokens[index].first.map { CharacterClass($0) == .word } ?? false
  }

  enum CharacterClass: Equatable {
    case word, space, punctuation

    init(ascii byte: UInt8) {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): self = .word
      case 0x09...0x0D, 0x20: self = .space
      default: self = .punctuation
      }
    }

    init(_ character: Character) {
      if let ascii = character.asciiValue, character.utf8.count == 1 {
        self.init(ascii: ascii)
      } else if character.isLetter || character.isNumber {
        self = .word
      } else if character.isWhitespace {
        self = .space
      } else {
        self = .punctuation
      }
    }
  }
}
