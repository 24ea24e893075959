import AmendKit
import Wording

/// Who made a change, as a document shows it: the name the legend lists (a delegation, the chair, the
/// secretariat) and the longer attribution a reader sees on the change itself (proposal id, co-sponsors).
public struct ChangeAuthor: Hashable, Sendable {
  /// The legend's entry and the colour's key: "European Union", "Ambassador Ndiaye (chair)", "Secretariat".
  public var name: String
  /// Everything said about the change: "European Union, proposal 3f2a1b0c (co-sponsors: Norway)".
  public var detail: String

  public init(name: String, detail: String) {
    self.name = name
    self.detail = detail
  }

  /// The secretariat, for the title block, the date and renumbering.
  public static func secretariat(_ detail: String) -> ChangeAuthor { ChangeAuthor(name: "Secretariat", detail: detail) }

  /// The delegation that tabled a proposal, with its co-sponsors and the proposal's id.
  public static func proposal(_ record: ProposalRecord) -> ChangeAuthor {
    ChangeAuthor(name: record.delegation, detail: proposalDetail(record.delegation, record.cosponsors, id: record.id, tabled: record.tabled))
  }

  /// The chair who read out an oral revision of a proposal.
  public static func chair(_ chair: String, revising record: ProposalRecord) -> ChangeAuthor {
    ChangeAuthor(name: "\(chair) (chair)", detail: "\(chair) (chair, oral revision of \(record.delegation)'s proposal \(record.id))")
  }

  /// Who made a change recorded in the history; nil for the text as first received (nobody changed it).
  public init?(_ source: ChangeSource) {
    switch source.kind {
    case .received:
      return nil
    case .proposal:
      if let oral = source.oralRevision {
        name = "\(oral.chair) (chair)"
        detail = source.who + (source.proposal.map { " [\($0.id)]" } ?? "")
      } else if let proposal = source.proposal {
        name = proposal.delegation
        detail = Self.proposalDetail(proposal.delegation, proposal.cosponsors, id: proposal.id, tabled: proposal.tabled)
        if let decision = proposal.decision {
          detail += "; \(decision.kind)" + (decision.date.map { " \($0)" } ?? "") + (decision.chair.map { ", chair \($0)" } ?? "")
        }
      } else {
        name = source.author
        detail = source.attribution
      }
    case .secretariat:
      name = "Secretariat"
      detail = source.attribution
    case .handMade:
      name = "\(source.author) (hand-made commit)"
      detail = source.attribution
    }
  }

  static func proposalDetail(_ delegation: String, _ cosponsors: [String], id: String, tabled: String?) -> String {
    var words = "\(delegation), proposal \(id)"
    if !cosponsors.isEmpty { words += " (co-sponsors: \(cosponsors.joined(separator: ", ")))" }
    if let tabled { words += ", tabled \(tabled)" }
    return words
  }
}

/// A run of a redline: words kept, or inserted or deleted by one author.
public struct RedlineSegment: Equatable, Sendable {
  /// What happened to the run.
  public enum Mark: Equatable, Sendable {
    case kept
    case inserted
    case deleted
  }

  /// The run's exact text.
  public var text: String
  public var mark: Mark
  /// Who inserted or deleted it; nil for kept words (and for changes nobody can be named for).
  public var author: ChangeAuthor?

  public init(_ text: String, _ mark: Mark, by author: ChangeAuthor? = nil) {
    self.text = text
    self.mark = mark
    self.author = author
  }
}

/// Redlines whose every insertion and deletion is attributed: one change by one author, or a chain of
/// changes (the proposals applied one after another while a draft was produced), each word owned by the
/// change that last touched it.
public enum AttributedRedline {
  /// `old` changed into `new` by `author`, word by word.
  public static func between(_ old: String, _ new: String, by author: ChangeAuthor?) -> [RedlineSegment] {
    through([(old, new, author)], from: old)
  }

  /// `start` changed by each step in turn. A word inserted by one step and deleted by a later one is
  /// not shown; a word of `start` deleted by a step is that step's deletion. When a step does not begin
  /// where the previous one ended (a hand-edited history), the whole difference from `start` to the
  /// last text is shown, attributed to every author of the chain.
  public static func through(_ steps: [(before: String, after: String, author: ChangeAuthor?)], from start: String) -> [RedlineSegment] {
    var items = Words(start).tokens.map { Item(text: String($0), mark: .kept, author: nil) }
    for step in steps {
      let live = items.filter { $0.mark != .deleted }
      guard live.map(\.text).joined() == step.before, let next = apply(step.after, by: step.author, to: items) else {
        let names = Array(Set(steps.compactMap(\.author)))
        let author = names.count == 1 ? names.first : names.isEmpty ? nil : combined(steps.compactMap(\.author))
        return between(start, steps.last?.after ?? start, by: author)
      }
      items = next
    }
    return merged(items)
  }

  struct Item {
    var text: String
    var mark: RedlineSegment.Mark
    var author: ChangeAuthor?
  }

  private static func combined(_ authors: [ChangeAuthor]) -> ChangeAuthor {
    var seen: [ChangeAuthor] = []
    for author in authors where !seen.contains(author) { seen.append(author) }
    return ChangeAuthor(name: seen.map(\.name).joined(separator: "; "), detail: seen.map(\.detail).joined(separator: "; "))
  }

  /// The items after one step; nil when the items cannot be cut into the step's words.
  private static func apply(_ after: String, by author: ChangeAuthor?, to items: [Item]) -> [Item]? {
    let before = Words(items.filter { $0.mark != .deleted }.map(\.text).joined())
    let new = Words(after)
    let edits = WordDiff.edits(from: before, to: new)
    var starts: [Int: WordEdit] = [:]
    for edit in edits { starts[edit.base.lowerBound] = edit }
    var out: [Item] = []
    func insert(_ edit: WordEdit) {
      for index in edit.replacement { out.append(Item(text: String(new.tokens[index]), mark: .inserted, author: author)) }
    }
    // The live items must be the tokens Words cuts their joined text into; words inserted next to kept
    // words without a space can join two tokens into one, and then the chain is shown as one change.
    let liveItems = items.filter { $0.mark != .deleted }
    guard liveItems.count == before.count, zip(liveItems, before.tokens).allSatisfy({ $0.text == $1 }) else { return nil }
    let source = items
    var position = 0
    var pending: WordEdit?
    for item in source {
      if item.mark == .deleted {
        out.append(item)
        continue
      }
      if let edit = starts[position] {
        if edit.base.isEmpty { insert(edit) } else { pending = edit }
      }
      if let edit = pending, edit.base.contains(position) {
        // A word this chain inserted and now deletes was never in the text: it goes.
        if item.mark == .kept { out.append(Item(text: item.text, mark: .deleted, author: author)) }
        if position == edit.base.upperBound - 1 {
          insert(edit)
          pending = nil
        }
      } else {
        out.append(item)
      }
      position += 1
    }
    if let edit = starts[position], edit.base.isEmpty { insert(edit) }
    return out
  }

  private static func merged(_ items: [Item]) -> [RedlineSegment] {
    var segments: [RedlineSegment] = []
    for item in items {
      if let last = segments.last, last.mark == item.mark, last.author == item.author {
        segments[segments.count - 1].text += item.text
      } else {
        segments.append(RedlineSegment(item.text, item.mark, by: item.author))
      }
    }
    return segments
  }
}
