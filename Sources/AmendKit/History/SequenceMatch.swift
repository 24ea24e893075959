/// The longest common subsequence of two sequences, as the pairs of positions it keeps: what a line
/// diff keeps, and what this module keeps of clauses and of a clause's lines.
enum SequenceMatch {
  /// Positions `(i, j)` with `a[i] == b[j]`, increasing in both.
  static func pairs<Element: Equatable>(_ a: [Element], _ b: [Element]) -> [(Int, Int)] {
    // Common ends first: one step of a negotiation changes a few clauses of a long text.
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    var result = (0..<prefix).map { ($0, $0) }
    let n = a.count - prefix - suffix
    let m = b.count - prefix - suffix
    if n > 0 && m > 0 {
      // table[i][j]: length of the LCS of a[prefix + i...] and b[prefix + j...] within the middle.
      var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          table[i][j] = a[prefix + i] == b[prefix + j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
      }
      var i = 0
      var j = 0
      while i < n && j < m {
        if a[prefix + i] == b[prefix + j] {
          result.append((prefix + i, prefix + j))
          i += 1
          j += 1
        } else if table[i + 1][j] >= table[i][j + 1] {
          i += 1
        } else {
          j += 1
        }
      }
    }
    result += (0..<suffix).map { (a.count - suffix + $0, b.count - suffix + $0) }
    return result
  }
}
