import DraftText
import Wording

/// The changes between two numbered drafts, clause by clause, each with the sources that made it:
/// `amend diff`.
public struct DraftComparison: Codable, Equatable, Sendable {
  /// One clause that differs between the two drafts.
  public struct Entry: Codable, Equatable, Sendable {
    /// `amended`, `introduced`, `deleted`, `moved` or `renumbered` (the most telling of its changes).
    public var kind: ClauseChange.Kind
    /// Its id in the earlier draft; nil for a new clause.
    public var from: String?
    /// Its id in the later draft; nil for a deleted clause.
    public var to: String?
    /// The clause's text in the earlier draft; nil when the later draft added it.
    public var textBefore: String?
    /// The clause's text in the later draft; nil when the later draft deleted it.
    public var textAfter: String?
    /// Deleted words ~~struck~~ and new words **bold**.
    public var redline: String
    /// Every change made to it between the two drafts, oldest first.
    public var changes: [ClauseChange]

    /// The clause as it reads with its changes marked in `format`.
    public func redline(_ format: RedlineFormat) -> String {
      Redline.render(from: textBefore ?? "", to: textAfter ?? "", style: format.style)
    }

    /// The name to show: "7 (c)", "7 (c) → 7 (d)".
    public var name: String {
      let old = from.map { ClauseID(rawValue: $0).display }
      let new = to.map { ClauseID(rawValue: $0).display }
      switch (old, new) {
      case let (old?, new?) where old != new: return "\(old) → \(new)"
      default: return new ?? old ?? ""
      }
    }
  }

  /// The number of the earlier draft.
  public var from: Int
  /// The number of the later draft.
  public var to: Int
  /// In the order of the later draft; deleted clauses where they stood.
  public var entries: [Entry]
  /// Things found in the history that did not stop the report.
  public var notes: [String]
}

/// How a redline marks deleted and inserted words.
public enum RedlineFormat: String, Sendable, CaseIterable {
  /// `[-deleted-]{+inserted+}`, as `git diff --word-diff` prints.
  case text
  /// `~~deleted~~ **inserted**`.
  case markdown

  var style: RedlineStyle {
    switch self {
    case .text: RedlineStyle(deletedOpen: "[-", deletedClose: "-]", insertedOpen: "{+", insertedClose: "+}")
    case .markdown: .markdown
    }
  }
}

extension DraftTimeline {
  func comparison(from earlier: Int?, to later: Int?, clause spelling: String?, ledger: Ledger?) throws -> DraftComparison {
    let numbers = latest.keys.sorted()
    guard let to = later ?? numbers.last else {
      throw LookupError.noDraftYet
    }
    guard let from = earlier ?? numbers.last(where: { $0 < to }) else {
      throw LookupError.nothingBefore(draft: to, drafts: numbers)
    }
    let toIndex = try latestVersion(of: to)
    let fromIndex = try latestVersion(of: from)
    guard from < to else {
      throw LookupError.outOfOrder(from: from, to: to)
    }
    let path = ancestry(of: toIndex)
    guard let laterWhole = whole[toIndex], let earlierWhole = whole[fromIndex] else { throw LookupError.noDraftYet }
    var wanted: Int32?
    if let spelling {
      let draft = try parsedDraft(toIndex)
      if let found = try? draft.resolve(spelling), let position = draft.clauses.firstIndex(where: { $0.key == found.key }),
        position < laterWhole.threads.count
      {
        wanted = laterWhole.threads[position]
      } else {
        wanted = Int32(truncatingIfNeeded: try thread(of: spelling, inDraft: from).thread)
      }
    }
    let earlierAt = Dictionary(earlierWhole.threads.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    let laterAt = Dictionary(laterWhole.threads.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    // A draft produced after `from` changed the clause when its version lies on the path past `from`;
    // only those versions' changes are listed.
    let changes = self.changes(onThreads: wanted.map { [$0] }, along: path)

    func entry(thread: Int32) -> DraftComparison.Entry? {
      let old = earlierAt[thread].flatMap { clause(fromIndex, $0) }
      let new = laterAt[thread].flatMap { clause(toIndex, $0) }
      let made = (changes[thread] ?? []).filter { entries[$0.version].number > from }
      let kind: ClauseChange.Kind
      switch (old, new) {
      case (nil, nil): return nil
      case (nil, _): kind = .introduced
      case (_, nil): kind = .deleted
      case let (old?, new?):
        if old.text != new.text {
          kind = .amended
        } else if made.contains(where: { $0.kind == .moved }) {
          kind = .moved
        } else if old.id != new.id {
          kind = .renumbered
        } else if old.marker != new.marker {
          kind = .restyled
        } else {
          return nil
        }
      }
      return DraftComparison.Entry(
        kind: kind, from: old?.id.rawValue, to: new?.id.rawValue, textBefore: old?.text, textAfter: new?.text,
        redline: Redline.render(from: old?.text ?? "", to: new?.text ?? ""),
        changes: made.map { report($0, ledger: ledger) })
    }

    // The later draft's order, each deleted clause placed before the first survivor that followed it.
    var order: [Int32] = []
    var placed = Set<Int32>()
    for thread in laterWhole.threads {
      if let position = earlierAt[thread] {
        for gone in earlierWhole.threads[..<position] where laterAt[gone] == nil && !placed.contains(gone) {
          order.append(gone)
          placed.insert(gone)
        }
      }
      order.append(thread)
      placed.insert(thread)
    }
    order += earlierWhole.threads.filter { !placed.contains($0) }
    let listed = order.filter { wanted == nil || $0 == wanted }.compactMap(entry(thread:))
    return DraftComparison(from: from, to: to, entries: listed, notes: problems)
  }
}
