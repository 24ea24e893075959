import DraftText
import Wording

/// How many brackets remain in a draft, clause by clause and in all: what a secretariat reports as a
/// text moves towards agreement.
public struct BracketReport: Codable, Equatable, Sendable {
  /// One clause with brackets.
  public struct ClauseBrackets: Codable, Equatable, Sendable {
    /// The clause's id and its name as negotiators write it.
    public var clause: String
    public var name: String
    /// Every pair of brackets, as it stands, in the order they open (what `--occurrence` counts).
    public var brackets: [String]
    /// Groups of alternatives side by side, each as the occurrences (from 1) of its brackets.
    public var alternatives: [[Int]]
  }

  /// The draft's number.
  public var draft: Int
  /// The clauses with brackets, in the draft's order.
  public var clauses: [ClauseBrackets]
  /// Pairs of brackets in the whole text, clauses and other lines (headings, options) alike.
  public var total: Int
  /// Of them, those in no clause.
  public var outsideClauses: Int

  /// The brackets of `version`, or of `only` that clause.
  public init(_ version: DraftVersion, only: Clause? = nil) {
    self.init(version.draft, text: version.text, number: version.number, only: only)
  }

  /// The brackets of `draft` (whose whole text is `text`), numbered `number`.
  public init(_ draft: Draft, text: String, number: Int, only: Clause? = nil) {
    self.draft = number
    clauses = (only.map { [$0] } ?? draft.clauses).compactMap { clause in
      let spans = Brackets.spans(in: clause.text)
      guard !spans.isEmpty else { return nil }
      let groups = Brackets.alternatives(in: clause.text).map { group in
        group.compactMap { member in spans.firstIndex { $0.range == member.range }.map { $0 + 1 } }
      }
      return ClauseBrackets(
        clause: clause.id.rawValue, name: clause.id.display, brackets: spans.map { String(clause.text[$0.range]) },
        alternatives: groups)
    }
    let inClauses = draft.clauses.reduce(0) { $0 + Brackets.count(in: $1.text) }
    total = only == nil ? Brackets.count(in: text) : clauses.reduce(0) { $0 + $1.brackets.count }
    outsideClauses = only == nil ? max(0, total - inClauses) : 0
  }

  /// "77 brackets remain: 70 in 25 clauses, 7 outside clauses", or "No brackets remain".
  public var summary: String {
    guard total > 0 else { return "No brackets remain" }
    let inClauses = clauses.reduce(0) { $0 + $1.brackets.count }
    var line =
      "\(total) bracket\(total == 1 ? "" : "s") remain\(total == 1 ? "s" : ""): \(inClauses) in \(clauses.count) clause\(clauses.count == 1 ? "" : "s")"
    if outsideClauses > 0 { line += ", \(outsideClauses) outside clauses" }
    return line
  }
}
