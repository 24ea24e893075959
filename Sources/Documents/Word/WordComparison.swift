import AmendKit
import DraftText
import Wording

/// The redline between two drafts (`amend diff FROM TO --format docx`): the later draft, every change
/// since the earlier one a tracked change authored by whoever made it — the delegation whose proposal
/// it applied (at its tabling time), the chair for the words read out in an oral revision, the
/// secretariat for the title, the date and renumbering — found by following each clause's changes
/// word by word (DraftComparison's `changes`, oldest first).
enum WordComparison {
  static let secretariat = "Secretariat"

  static func body(_ comparison: DraftComparison, in snapshot: Snapshot) throws -> WordBody {
    let earlier = try snapshot.draft(number: comparison.from).draft
    let later = try snapshot.draft(number: comparison.to).draft
    let produced = (try? snapshot.ledger.get())?.producedDrafts[comparison.to]?.time
    let secretariatTime =
      produced ?? comparison.entries.flatMap(\.changes).last { $0.source.kind == .secretariat }?.source.time
    let office = WordAuthor(name: secretariat, date: secretariatTime)
    var body = WordBody(
      title: "Changes from the \(Ordinal.words(comparison.from)) to the \(Ordinal.words(comparison.to)) draft: "
        + WordDraft.title(of: later, number: comparison.to))
    let entries = comparison.entries
    var byTo: [String: DraftComparison.Entry] = [:]
    for entry in entries { if let to = entry.to { byTo[to] = entry } }
    let restricted = later.clauses.contains { clause in
      guard byTo[clause.id.rawValue] == nil else { return false }
      let old = earlier.clause(clause.id)
      return old?.text != clause.text || old?.typedMarker != clause.typedMarker
    }
    // Deleted clauses, and moved clauses where they stood, go before the clause that followed them.
    var goneBefore: [String: [DraftComparison.Entry]] = [:]
    var goneAtEnd: [DraftComparison.Entry] = []
    if !restricted {
      for entry in entries where entry.to == nil || entry.isMove {
        guard let from = entry.from else { continue }
        if let anchor = anchor(after: from, earlier: earlier, later: later, entries: entries) {
          goneBefore[anchor, default: []].append(entry)
        } else {
          goneAtEnd.append(entry)
        }
      }
    }
    var introduced = false
    func introduce() {
      guard !introduced else { return }
      introduced = true
      let line =
        "Changes from the \(Ordinal.words(comparison.from)) draft to the \(Ordinal.words(comparison.to)) draft, tracked: "
        + "each under the name of the delegation whose proposal made it, the chair's for words read out in an oral revision, "
        + "the secretariat's for the title, the date and renumbering."
      body.paragraphs.append(WordParagraph(style: "Note", [.text(line, nil)]))
    }
    var maker = EntryParagraphs(earlier: earlier, later: later, office: office)
    for item in WordDraftItem.items(of: later) {
      switch item {
      case let .title(part, text):
        let old = earlier.titleBlock.flatMap { block -> String? in
          switch part {
          case .subject: block.subject
          case .title: block.title
          case .dateLine: block.dateLine
          }
        }
        let inlines = old.map { WordTokens.redline(from: $0, to: text, by: office) } ?? [.text(text, office.inserted)]
        body.paragraphs.append(WordParagraph(style: part.wordStyle, inlines))
      case .line(let text):
        introduce()
        if !restricted { body.paragraphs.append(WordParagraph(style: "Text", [.text(text, nil)])) }
      case .clause(let clause):
        introduce()
        for gone in goneBefore[clause.id.rawValue] ?? [] { body.paragraphs.append(maker.removed(gone, &body)) }
        if let entry = byTo[clause.id.rawValue] {
          body.paragraphs.append(maker.present(entry, clause: clause, &body))
        } else if !restricted {
          body.paragraphs.append(WordParagraph(style: clause.wordStyle, [.text(clause.markerText + clause.text, nil)]))
        }
      }
    }
    introduce()
    if restricted {
      for entry in entries where entry.to == nil || entry.isMove { body.paragraphs.append(maker.removed(entry, &body)) }
    }
    for gone in goneAtEnd { body.paragraphs.append(maker.removed(gone, &body)) }
    return body
  }

  /// The later draft's id of the first clause after `from` (in the earlier draft) that stays where it
  /// was: the place a deleted or moved-away clause is shown.
  static func anchor(after from: String, earlier: Draft, later: Draft, entries: [DraftComparison.Entry]) -> String? {
    guard let start = earlier.clauses.firstIndex(where: { $0.id.rawValue == from }) else { return nil }
    for candidate in earlier.clauses[(start + 1)...] {
      if let entry = entries.first(where: { $0.from == candidate.id.rawValue }) {
        if let to = entry.to, !entry.isMove { return to }
        continue
      }
      if later.clause(candidate.id) != nil { return candidate.id.rawValue }
    }
    return nil
  }
}

extension DraftComparison.Entry {
  var isMove: Bool { from != nil && to != nil && changes.contains { $0.kind == .moved } }
}

/// Who a tracked change is by, and when.
struct WordAuthor: Equatable {
  var name: String
  var date: String?

  var inserted: WordRevision { .inserted(by: name, at: date) }
  var deleted: WordRevision { .deleted(by: name, at: date) }

  /// The author of a change: the chair for an oral revision, the delegation for a proposal applied (at
  /// its tabling time), the secretariat for amend's own drafting commits, the person for one by hand.
  init(_ source: ChangeSource) {
    if let oral = source.oralRevision {
      self.init(name: oral.chair, date: source.time)
      return
    }
    switch source.kind {
    case .proposal:
      self.init(name: source.proposal?.delegation ?? source.author, date: source.proposal?.tabled ?? source.time)
    case .secretariat, .received:
      self.init(name: WordComparison.secretariat, date: source.time)
    case .handMade:
      self.init(name: source.author, date: source.time)
    }
  }

  init(name: String, date: String?) {
    self.name = name
    self.date = date
  }
}

/// One edit of a word diff: tokens `base` of the old text replaced by tokens `replacement` of the new.
struct TokenEdit: Equatable {
  var base: Range<Int>
  var replacement: Range<Int>
}

/// Word-level redlines with an author for every word.
enum WordTokens {
  /// `old` changed into `new`, every change by `author`.
  static func redline(from old: String, to new: String, by author: WordAuthor) -> [WordInline] {
    let before = Words(old)
    let after = Words(new)
    var out: [WordInline] = []
    var position = 0
    for edit in WordTokens.edits(from: before, to: after) {
      out.append(.text(before.text(position..<edit.base.lowerBound), nil))
      out.append(.text(before.text(edit.base), author.deleted))
      out.append(.text(after.text(edit.replacement), author.inserted))
      position = edit.base.upperBound
    }
    out.append(.text(before.text(position..<before.count), nil))
    return out
  }

  /// The word diff's edits, each shrunk by the tokens its two sides share at either end, so that an
  /// insertion reads as one (", smuggling") rather than a space struck and ", smuggling " put in.
  static func edits(from old: Words, to new: Words) -> [TokenEdit] {
    tidy(WordDiff.edits(from: old, to: new), old, new)
  }

  /// `edits` shrunk as `edits(from:to:)` says.
  static func tidy(_ edits: [WordEdit], _ old: Words, _ new: Words) -> [TokenEdit] {
    edits.map { edit in
      var base = edit.base
      var replacement = edit.replacement
      while !base.isEmpty, !replacement.isEmpty, old.tokens[base.lowerBound] == new.tokens[replacement.lowerBound] {
        base = (base.lowerBound + 1)..<base.upperBound
        replacement = (replacement.lowerBound + 1)..<replacement.upperBound
      }
      while !base.isEmpty, !replacement.isEmpty, old.tokens[base.upperBound - 1] == new.tokens[replacement.upperBound - 1] {
        base = base.lowerBound..<(base.upperBound - 1)
        replacement = replacement.lowerBound..<(replacement.upperBound - 1)
      }
      return TokenEdit(base: base, replacement: replacement)
    }
  }

  /// Where each word of a clause's text came from, followed through its changes, oldest first.
  struct Trail {
    enum Origin: Equatable {
      /// The word of the earlier draft at this position.
      case original(Int)
      /// A word a change put in.
      case inserted(WordAuthor)
    }

    /// The text's tokens now, each with its origin.
    var tokens: [(text: Substring, origin: Origin)]
    /// Who removed each word of the earlier draft that is gone.
    var deletedBy: [Int: WordAuthor] = [:]

    init(_ text: String?) {
      tokens = Words(text ?? "").tokens.enumerated().map { ($1, .original($0)) }
    }

    var text: String { tokens.map(\.text).joined() }

    /// Applies one change: the clause now reads `new` (nil: deleted), by `author`.
    mutating func apply(_ new: String?, by author: WordAuthor) {
      guard let new else {
        for case (_, .original(let index)) in tokens where deletedBy[index] == nil { deletedBy[index] = author }
        tokens = []
        return
      }
      let current = Words(text)
      let next = Words(new)
      var rebuilt: [(text: Substring, origin: Origin)] = []
      var position = 0
      for edit in WordTokens.edits(from: current, to: next) {
        rebuilt += tokens[position..<edit.base.lowerBound]
        for case (_, .original(let index)) in tokens[edit.base] where deletedBy[index] == nil { deletedBy[index] = author }
        rebuilt += next.tokens[edit.replacement].map { ($0, .inserted(author)) }
        position = edit.base.upperBound
      }
      rebuilt += tokens[position...]
      tokens = rebuilt
    }
  }
}

/// The paragraphs of the comparison's entries.
struct EntryParagraphs {
  var earlier: Draft
  var later: Draft
  var office: WordAuthor

  /// The trail of an entry's text through its changes, and the author to fall back on.
  func trail(_ entry: DraftComparison.Entry) -> (WordTokens.Trail, WordAuthor) {
    var trail = WordTokens.Trail(entry.textBefore)
    var fallback = office
    for change in entry.changes {
      let author = WordAuthor(change.source)
      if change.kind == .deleted {
        trail.apply(nil, by: author)
        fallback = author
      } else if let after = change.textAfter, after != trail.text {
        trail.apply(after, by: author)
        fallback = author
      }
    }
    // A text the changes do not account for (a hand edit the history cannot see) is the fallback's.
    if let after = entry.textAfter, trail.text != after { trail.apply(after, by: fallback) }
    return (trail, fallback)
  }

  /// The author of the change of a given kind, else the fallback.
  func author(of kind: ClauseChange.Kind, in entry: DraftComparison.Entry, fallback: WordAuthor) -> WordAuthor {
    entry.changes.last { $0.kind == kind }.map { WordAuthor($0.source) } ?? fallback
  }

  /// A clause of the later draft with its changes.
  mutating func present(_ entry: DraftComparison.Entry, clause: Clause, _ body: inout WordBody) -> WordParagraph {
    let (trail, fallback) = trail(entry)
    let old = entry.from.flatMap { earlier.clause(ClauseID(rawValue: $0)) }
    var paragraph: WordParagraph
    if entry.textBefore == nil || entry.isMove {
      // New here: a new clause, or a clause moved here; every word inserted by whoever wrote it.
      let by = entry.isMove ? author(of: .moved, in: entry, fallback: fallback) : author(of: .introduced, in: entry, fallback: fallback)
      var inlines: [WordInline] = [.text(clause.markerText, by.inserted)]
      for token in trail.tokens {
        switch token.origin {
        case .original: inlines.append(.text(String(token.text), by.inserted))
        case .inserted(let who): inlines.append(.text(String(token.text), who.inserted))
        }
      }
      paragraph = WordParagraph(style: clause.wordStyle, mark: by.inserted, inlines)
    } else {
      var inlines: [WordInline] = []
      if let old, old.typedMarker != clause.typedMarker {
        // Renumbering is the secretariat's, whichever commit happened to move the number.
        inlines += WordTokens.redline(from: old.typedMarker, to: clause.typedMarker, by: office)
        inlines.append(.text(clause.typedMarker.isEmpty ? "" : "\t", nil))
      } else {
        inlines.append(.text(clause.markerText, nil))
      }
      inlines += words(entry, trail: trail, fallback: fallback)
      paragraph = WordParagraph(style: clause.wordStyle, inlines)
    }
    annotate(&paragraph, entry, &body)
    return paragraph
  }

  /// The text of an amended clause: the earlier draft's words, the words each change took out struck
  /// and the words it put in inserted, under its author.
  func words(_ entry: DraftComparison.Entry, trail: WordTokens.Trail, fallback: WordAuthor) -> [WordInline] {
    let before = Words(entry.textBefore ?? "")
    let after = Words(entry.textAfter ?? "")
    let traced = trail.tokens.map(\.text) == after.tokens
    var out: [WordInline] = []
    var position = 0
    for edit in WordTokens.edits(from: before, to: after) {
      out.append(.text(before.text(position..<edit.base.lowerBound), nil))
      for index in edit.base {
        out.append(.text(String(before.tokens[index]), (trail.deletedBy[index] ?? fallback).deleted))
      }
      for index in edit.replacement {
        var who = fallback
        if traced, case .inserted(let author) = trail.tokens[index].origin { who = author }
        out.append(.text(String(after.tokens[index]), who.inserted))
      }
      position = edit.base.upperBound
    }
    out.append(.text(before.text(position..<before.count), nil))
    return out
  }

  /// A clause of the earlier draft that is gone from here: deleted, or moved elsewhere.
  mutating func removed(_ entry: DraftComparison.Entry, _ body: inout WordBody) -> WordParagraph {
    let (trail, fallback) = trail(entry)
    let old = entry.from.flatMap { earlier.clause(ClauseID(rawValue: $0)) }
    let by = entry.isMove ? author(of: .moved, in: entry, fallback: fallback) : author(of: .deleted, in: entry, fallback: fallback)
    let words = Words(entry.textBefore ?? "")
    var inlines: [WordInline] = [.text(old?.markerText ?? "", by.deleted)]
    for index in 0..<words.count {
      let who = entry.isMove ? by : (trail.deletedBy[index] ?? by)
      inlines.append(.text(String(words.tokens[index]), who.deleted))
    }
    var paragraph = WordParagraph(style: old?.wordStyle ?? WordStyles.clause(level: 1), mark: by.deleted, inlines)
    if !entry.isMove { annotate(&paragraph, entry, &body) }
    return paragraph
  }

  /// A comment for each proposal that changed the clause: its id, what it asked, the decision.
  func annotate(_ paragraph: inout WordParagraph, _ entry: DraftComparison.Entry, _ body: inout WordBody) {
    var seen: Set<String> = []
    for change in entry.changes where [.introduced, .amended, .deleted].contains(change.kind) || (change.kind == .moved && entry.isMove) {
      guard let proposal = change.source.proposal, !seen.contains(proposal.id + (change.source.oralRevision == nil ? "" : "+oral")) else {
        continue
      }
      seen.insert(proposal.id + (change.source.oralRevision == nil ? "" : "+oral"))
      let sponsors =
        proposal.cosponsors.isEmpty ? proposal.delegation : "\(proposal.delegation) (co-sponsors: \(proposal.cosponsors.joined(separator: ", ")))"
      var lines = ["[\(proposal.id)] \(sponsors): \(proposal.operation ?? change.kind.rawValue)."]
      if let decision = proposal.decision {
        let session = decision.sessionName.map { "session \"\($0)\"" } ?? "session \(decision.session ?? "?")"
        let revised = decision.asRevised == nil ? "" : " as orally revised"
        lines.append("\(decision.kind.capitalizedFirstLetter)\(revised) in \(session) (\(decision.date ?? "?"), chair \(decision.chair ?? "?")).")
      }
      if let oral = change.source.oralRevision {
        lines.append("The words read out by \(oral.chair) (chair) are tracked under the chair's name.")
      }
      let author = WordAuthor(change.source)
      paragraph.anchor(body.comment(author: author.name, date: author.date, lines))
    }
  }
}
