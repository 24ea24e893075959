import DraftText
import Wording

/// Which clause of one version of a draft is which clause of the next, read from the two texts alone.
///
/// Clauses whose words are unchanged are matched in order, whatever their numbers became; a clause
/// whose words are unchanged but that changed place is a move; what is left between two matched
/// clauses is paired by kind and likeness (an amended clause), and the rest is new or deleted. One
/// commit of `amend next` makes one change, so this pairing is what the commit did.
enum ClauseCorrespondence {
  /// The link of every clause of `after` to `before`, and the clauses of `before` left without one.
  static func links(from before: [Clause], to after: [Clause]) -> (links: [ClauseLink], dropped: [Int]) {
    let key: (Clause) -> String = { "\($0.kind.rawValue)\u{0}\($0.text)" }
    let beforeKeys = before.map(key)
    let afterKeys = after.map(key)
    var origin = [Int?](repeating: nil, count: after.count)
    var moved = [Bool](repeating: false, count: after.count)
    var taken = Set<Int>()
    let kept = SequenceMatch.pairs(beforeKeys, afterKeys)
    for (old, new) in kept {
      origin[new] = old
      taken.insert(old)
    }
    // Unchanged words out of order: a clause moved.
    for new in after.indices where origin[new] == nil {
      if let old = before.indices.first(where: { !taken.contains($0) && beforeKeys[$0] == afterKeys[new] }) {
        origin[new] = old
        moved[new] = true
        taken.insert(old)
      }
    }
    // Between two clauses kept in place, what is left on both sides was amended, added or deleted.
    let anchors = [(-1, -1)] + kept + [(before.count, after.count)]
    for (low, high) in zip(anchors, anchors.dropFirst()) {
      let olds = ((low.0 + 1)..<high.0).filter { !taken.contains($0) }
      let news = ((low.1 + 1)..<high.1).filter { origin[$0] == nil }
      for (old, new) in pairAmended(olds.map { before[$0] }, news.map { after[$0] }) {
        origin[news[new]] = olds[old]
        taken.insert(olds[old])
      }
    }
    let links = after.indices.map { index in
      ClauseLink(
        origin: origin[index], moved: moved[index],
        lineOrigins: lineOrigins(of: after[index], from: origin[index].map { before[$0] }, moved: moved[index]))
    }
    return (links, before.indices.filter { !taken.contains($0) })
  }

  /// Pairs amended clauses left in one gap: one for one when the gap holds as many on each side,
  /// else the most alike, in order, when they share at least a third of their words.
  static func pairAmended(_ olds: [Clause], _ news: [Clause]) -> [(Int, Int)] {
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
  static func lineOrigins(of clause: Clause, from previous: Clause?, moved: Bool) -> [Int?] {
    let lines = clause.fileLines
    var result = [Int?](repeating: nil, count: lines.count)
    guard let previous, !moved else { return result }
    for (old, new) in SequenceMatch.pairs(previous.fileLines, lines) { result[new] = old }
    return result
  }
}
