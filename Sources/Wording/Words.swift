/// A clause's text cut into the pieces a word-level comparison works on.
///
/// Words (runs of letters and digits), runs of white space and single punctuation marks are separate
/// tokens, so that joining the tokens gives back the text exactly.
public struct Words: Equatable, Sendable {
  /// The tokens in order; joined, they are the text exactly.
  public let tokens: [Substring]

  /// `text` cut into words, runs of white space and punctuation marks.
  public init(_ text: String) {
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

    init(_ character: Character) {
      if character.isLetter || character.isNumber {
        self = .word
      } else if character.isWhitespace {
        self = .space
      } else {
        self = .punctuation
      }
    }
  }
}
