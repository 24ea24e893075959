/// One change between two texts: base tokens `base` replaced by `replacement`.
public struct WordEdit: Equatable, Sendable {
  /// Token positions in the older text.
  public var base: Range<Int>
  /// Token positions in the newer text.
  public var replacement: Range<Int>

  /// Whether this edit and `other` (both against the same base) touch the same words.
  public func collides(with other: WordEdit) -> Bool {
    if base.isEmpty && other.base.isEmpty {
      return base.lowerBound == other.base.lowerBound
    }
    if base.isEmpty {
      return other.base.lowerBound < base.lowerBound && base.lowerBound < other.base.upperBound
    }
    if other.base.isEmpty {
      return base.lowerBound < other.base.lowerBound && other.base.lowerBound < base.upperBound
    }
    return base.lowerBound < other.base.upperBound && other.base.lowerBound < base.upperBound
  }
}

/// Word-level difference between two texts (longest common subsequence of tokens).
public enum WordDiff {
  /// The edits that turn `old` into `new`, in order.
  public static func edits(from old: Words, to new: Words) -> [WordEdit] {
    let a = old.tokens
    let b = new.tokens
    // Common prefix and suffix first: amendments usually touch a few words of a long clause.
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix,
      a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
    {
      suffix += 1
    }
    let aMid = Array(a[prefix..<(a.count - suffix)])
    let bMid = Array(b[prefix..<(b.count - suffix)])
    if aMid.isEmpty && bMid.isEmpty { return [] }
    let n = aMid.count
    let m = bMid.count
    // lcs[i][j]: length of the LCS of aMid[i...] and bMid[j...].
    var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
    if n > 0 && m > 0 {
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          lcs[i][j] = aMid[i] == bMid[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
      }
    }
    var edits: [WordEdit] = []
    var i = 0
    var j = 0
    var pending: (Int, Int)?
    func flush(_ i: Int, _ j: Int) {
      if let (si, sj) = pending {
        edits.append(WordEdit(base: (prefix + si)..<(prefix + i), replacement: (prefix + sj)..<(prefix + j)))
        pending = nil
      }
    }
    while i < n || j < m {
      if i < n, j < m, aMid[i] == bMid[j] {
        flush(i, j)
        i += 1
        j += 1
      } else {
        if pending == nil { pending = (i, j) }
        if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
          j += 1
        } else {
          i += 1
        }
      }
    }
    flush(i, j)
    return joiningAcrossSpaces(edits, old: old, new: new)
  }

  /// Joins edits that only a run of white space separates, on both sides, so that ", smuggling"
  /// reads as one insertion rather than "," and "smuggling" around a kept space.
  static func joiningAcrossSpaces(_ edits: [WordEdit], old: Words, new: Words) -> [WordEdit] {
    var joined: [WordEdit] = []
    for edit in edits {
      if let last = joined.last,
        isSpace(old, last.base.upperBound..<edit.base.lowerBound),
        isSpace(new, last.replacement.upperBound..<edit.replacement.lowerBound)
      {
        joined[joined.count - 1] = WordEdit(
          base: last.base.lowerBound..<edit.base.upperBound,
          replacement: last.replacement.lowerBound..<edit.replacement.upperBound)
      } else {
        joined.append(edit)
      }
    }
    return joined
  }

  static func isSpace(_ words: Words, _ range: Range<Int>) -> Bool {
    range.allSatisfy { words.tokens[$0].allSatisfy(\.isWhitespace) }
  }

  /// The edits that turn `old` into `new`, word by word.
  public static func edits(from old: String, to new: String) -> [WordEdit] {
    edits(from: Words(old), to: Words(new))
  }
}
