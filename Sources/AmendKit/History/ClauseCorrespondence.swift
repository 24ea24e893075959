import DraftText
import Wording

/// Which clause of one version of a draft is which clause of the next, read from the two texts alone.
///
/// Clauses whose words are unchanged are matched in order, whatever their numbers became; a clause
/// whose words are unchanged but that changed place is a move; what is left between two matched
/// clauses is paired by kind and likeness (an amended clause), and the rest is new or deleted. One
/// commit of `amend next` makes one change, so this pairing is what the commit did.
enum ClauseCorrespondence {
  /// For every clause of `after`, the index of its clause in `before` (-1 for a new one) and whether
  /// it moved; and the clauses of `before` left without one. Clauses are compared by their numbers
  /// in `strings`' table, which stand for equal strings only.
  static func links(
    from before: [ClauseSlot], to after: [ClauseSlot], strings: DraftClauseCache
  ) -> (origins: [Int32], moved: [Bool], dropped: [Int]) {
    let beforeKeys = before.map(\.matchKey)
    let afterKeys = after.map(\.matchKey)
    var origin = [Int32](repeating: -1, count: after.count)
    var moved = [Bool](repeating: false, count: after.count)
    var taken = [Bool](repeating: false, count: before.count)
    let kept = SequenceMatch.pairs(beforeKeys, afterKeys)
    for (old, new) in kept {
      origin[new] = Int32(old)
      taken[old] = true
    }
    // Unchanged words out of order: a clause moved.
    for new in after.indices where origin[new] < 0 {
      if let old = before.indices.first(where: { !taken[$0] && beforeKeys[$0] == afterKeys[new] }) {
        origin[new] = Int32(old)
        moved[new] = true
        taken[old] = true
      }
    }
    // Between two clauses kept in place, what is left on both sides was amended, added or deleted.
    let anchors = [(-1, -1)] + kept + [(before.count, after.count)]
    for (low, high) in zip(anchors, anchors.dropFirst()) where high.0 - low.0 > 1 && high.1 - low.1 > 1 {
      let olds = ((low.0 + 1)..<high.0).filter { !taken[$0] }
      let news = ((low.1 + 1)..<high.1).filter { origin[$0] < 0 }
      let pairs = pairAmended(
        olds.map { (kind: ClauseSlot.kinds[Int(before[$0].kind)], text: strings.string(before[$0].text)) },
        news.map { (kind: ClauseSlot.kinds[Int(after[$0].kind)], text: strings.string(after[$0].text)) })
      for (old, new) in pairs {
        origin[news[new]] = Int32(olds[old])
        taken[olds[old]] = true
      }
    }
    return (origin, moved, before.indices.filter { !taken[$0] })
  }

  /// Pairs amended clauses left in one gap: one for one when the gap holds as many on each side,
  /// else the most alike, in order, when they share at least a third of their words.
  static func pairAmended(_ olds: [(kind: Clause.Kind, text: String)], _ news: [(kind: Clause.Kind, text: String)]) -> [(Int, Int)] {
    guard !olds.isEmpty, !news.isEmpty else { return [] }
    if olds.count == news.count {
      return olds.indices.filter { olds[$0].kind == news[$0].kind }.map { ($0, $0) }
    }
    // best[i][j]: the most likeness pairing olds[i...] with news[j...] can keep.
    let n = olds.count
    let m = news.count
    var score = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
    for i in 0..<n {
      for j in 0..<m where olds[i].kind == news[j].kind {
        score[i][j] = likeness(olds[i].text, news[j].text)
      }
    }
    var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        let pair = score[i][j] >= 1.0 / 3 ? score[i][j] + best[i + 1][j + 1] : 0
        best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
      }
    }
    var pairs: [(Int, Int)] = []
    var i = 0
    var j = 0
    while i < n && j < m {
      if score[i][j] >= 1.0 / 3, best[i][j] == score[i][j] + best[i + 1][j + 1] {
        pairs.append((i, j))
        i += 1
        j += 1
      } else if best[i][j] == best[i + 1][j] {
        i += 1
      } else {
        j += 1
      }
    }
    return pairs
  }

  /// Words two texts share, as a share of all their words (Dice's coefficient).
  static func likeness(_ a: String, _ b: String) -> Double {
    let left = words(a)
    let right = words(b)
    guard !left.isEmpty || !right.isEmpty else { return 1 }
    var counts: [Substring: Int] = [:]
    for word in left { counts[word, default: 0] += 1 }
    var shared = 0
    for word in right where counts[word, default: 0] > 0 {
      counts[word, default: 0] -= 1
      shared += 1
    }
    return Double(2 * shared) / Double(left.count + right.count)
  }

  static func words(_ text: String) -> [Substring] {
    let tokens = Words(text)
    return tokens.tokens.indices.filter { tokens.isWord($0) }.map { tokens.tokens[$0] }
  }

  /// Which lines of `clause` stand word for word in `previous`. A moved clause is written anew at its
  /// new place, as a line diff sees it.
  static func lineOrigins(of clause: ClauseSlot, from previous: ClauseSlot?, moved: Bool, strings: DraftClauseCache) -> [Int?] {
    let lines = fileLines(clause, strings)
    guard let previous, !moved else { return [Int?](repeating: nil, count: lines.count) }
    // The same marker and words: every line is the line it was (what the match below finds).
    if previous.marker == clause.marker && previous.text == clause.text { return lines.indices.map { $0 } }
    var result = [Int?](repeating: nil, count: lines.count)
    for (old, new) in SequenceMatch.pairs(fileLines(previous, strings), lines) { result[new] = old }
    return result
  }

  /// A clause's lines as they stand in the file: marker and text, split at line ends.
  static func fileLines(_ clause: ClauseSlot, _ strings: DraftClauseCache) -> [Substring] {
    (strings.string(clause.marker) + strings.string(clause.text)).split(separator: "\n", omittingEmptySubsequences: false)
  }
}
