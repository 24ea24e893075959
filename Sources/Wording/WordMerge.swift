/// Why two changes to one clause cannot both apply.
public struct WordConflict: Error, Equatable, Sendable {
  /// The words of the common base that both changes touch.
  public var words: String
}

/// Word-level three-way merge: the changes from `base` to `ours` and from `base` to `theirs`, applied
/// together where they touch different words.
public enum WordMerge {
  /// `base` with the changes of both `ours` and `theirs`, or the words where they collide.
  public static func merge(base: String, ours: String, theirs: String) throws(WordConflict) -> String {
    if ours == theirs { return ours }
    if base == ours { return theirs }
    if base == theirs { return ours }
    let baseWords = Words(base)
    let ourWords = Words(ours)
    let theirWords = Words(theirs)
    let ourEdits = WordDiff.edits(from: baseWords, to: ourWords)
    let theirEdits = WordDiff.edits(from: baseWords, to: theirWords)
    for mine in ourEdits {
      for other in theirEdits where mine.collides(with: other) {
        let same =
          mine.base == other.base
          && ourWords.text(mine.replacement) == theirWords.text(other.replacement)
        if !same {
          let lower = min(mine.base.lowerBound, other.base.lowerBound)
          let upper = max(mine.base.upperBound, other.base.upperBound)
          throw WordConflict(words: baseWords.text(lower..<upper))
        }
      }
    }
    // Walk the base once, taking each edit from whichever side made it.
    var tagged: [(edit: WordEdit, words: Words)] = ourEdits.map { ($0, ourWords) }
    for edit in theirEdits where !ourEdits.contains(where: { $0.base == edit.base }) {
      tagged.append((edit, theirWords))
    }
    tagged.sort {
      ($0.edit.base.lowerBound, $0.edit.base.upperBound) < ($1.edit.base.lowerBound, $1.edit.base.upperBound)
    }
    var result = ""
    var position = 0
    for (edit, words) in tagged {
      result += baseWords.text(position..<edit.base.lowerBound)
      result += words.text(edit.replacement)
      position = edit.base.upperBound
    }
    result += baseWords.text(position..<baseWords.count)
    return result
  }
}
