import AmendKit
import DraftText
import Foundation
import Wording

/// The compilation (`amend compile --format docx`): the current draft with every pending proposal as
/// Word tracked changes authored by its delegation at its tabling time, and a comment on each.
///
/// On one clause, in tabling order:
/// - the first deletion or move of the clause is shown on the clause itself: a deleted paragraph (and,
///   for a move, the same paragraph inserted where it is to go);
/// - otherwise every change of words that does not touch words an earlier one already changes is
///   shown inline, word by word (several delegations' changes side by side in one paragraph);
/// - a change of words that competes with one shown inline (or that meets a deleted or moved clause)
///   is an alternative: the whole clause as that delegation proposes it, an inserted paragraph right
///   after the clause, with a comment naming what it competes with; accept one, reject the others;
/// - a new clause is an inserted paragraph after the clause (and its subparagraphs), or before it;
/// - what cannot be shown as a change (a second deletion of the same clause, a proposal that needs
///   revision) is a comment on the clause only.
enum WordCompilation {
  /// With `pages`, each proposal's comment cites where it is printed in the draft on numbered pages.
  static func body(_ version: DraftVersion, proposals: [MarshalledProposal], pages: PagedLayout? = nil) -> WordBody {
    var builder = Builder(draft: version.draft)
    builder.pages = pages
    builder.body.title = "Compilation of proposals: " + WordDraft.title(of: version.draft, number: version.number)
    let groups = CompilationGroups(proposals, foldingHeadingsIn: version.draft)
    let (byClause, orphans) = (groups.byClause, groups.gone)
    // Moves are shown twice: deleted where the clause stands, inserted after the clause it is to follow.
    var plans: [ClauseKey: ClausePlan] = [:]
    for clause in version.draft.clauses {
      plans[clause.key] = ClausePlan(clause: clause, items: byClause[clause.key] ?? [])
    }
    var after: [ClauseKey: [WordParagraph]] = [:]
    var before: [ClauseKey: [WordParagraph]] = [:]
    var clauseParagraphs: [ClauseKey: [WordParagraph]] = [:]
    for clause in version.draft.clauses {
      guard let plan = plans[clause.key] else { continue }
      let made = builder.paragraphs(for: plan)
      clauseParagraphs[clause.key] = made.clause
      before[clause.key, default: []] += made.before
      after[clause.key, default: []] += made.after
      if let (destination, copy) = made.moved { after[destination, default: []].append(copy) }
    }
    let pending = proposals.count
    var introduced = false
    var open: [ClauseKey] = []
    func close(keeping keep: Set<ClauseKey>) {
      while let last = open.last, !keep.contains(last) {
        builder.body.paragraphs += after[last] ?? []
        open.removeLast()
      }
    }
    for item in WordDraftItem.items(of: version.draft) {
      switch item {
      case let .title(part, text):
        builder.body.paragraphs.append(WordParagraph(style: part.wordStyle, [.text(text, nil)]))
      case .line(let text):
        introduce(&builder, pending: pending, version: version, throughout: groups.throughout, done: &introduced)
        close(keeping: [])
        builder.body.paragraphs.append(WordParagraph(style: "Text", [.text(text, nil)]))
      case .clause(let clause):
        introduce(&builder, pending: pending, version: version, throughout: groups.throughout, done: &introduced)
        close(keeping: ancestors(of: clause, in: version.draft))
        builder.body.paragraphs += before[clause.key] ?? []
        builder.body.paragraphs += clauseParagraphs[clause.key] ?? []
        open.append(clause.key)
      }
    }
    close(keeping: [])
    if !orphans.isEmpty {
      builder.body.paragraphs.append(WordParagraph(style: "Heading", [.text("Proposals whose clause no longer exists", nil)]))
      for item in orphans {
        let summary = ProposalSummary(item)
        var paragraph = WordParagraph(style: "Text", [.text("[\(summary.id)] \(summary.sponsors): \(summary.description)", nil)])
        paragraph.anchor(builder.comment(item, extra: []))
        builder.body.paragraphs.append(paragraph)
      }
    }
    return builder.body
  }

  /// The line that says what the document is, once, after the title block; then the global amendments.
  static func introduce(
    _ builder: inout Builder, pending: Int, version: DraftVersion, throughout: [MarshalledProposal], done: inout Bool
  ) {
    guard !done else { return }
    done = true
    let line =
      "Compilation of proposals: \(pending) pending on the \(Ordinal.words(version.number)) draft. "
      + "Each proposal is a tracked change under its delegation's name, with a comment giving its id, co-sponsors and explanatory statement."
    builder.body.paragraphs.append(WordParagraph(style: "Note", [.text(line, nil)]))
    guard !throughout.isEmpty else { return }
    builder.body.paragraphs.append(WordParagraph(style: "Heading", [.text("Throughout the text", nil)]))
    for item in throughout { builder.body.paragraphs += builder.globalParagraphs(item) }
  }

  static func ancestors(of clause: Clause, in draft: Draft) -> Set<ClauseKey> {
    var keys: Set<ClauseKey> = []
    var parent = clause.parentKey
    while let key = parent, !keys.contains(key) {
      keys.insert(key)
      parent = draft.clause(key: key)?.parentKey
    }
    return keys
  }

  /// How the proposals on one clause are shown.
  struct ClausePlan {
    var clause: Clause
    /// The deletion or move shown on the clause itself.
    var structural: MarshalledProposal?
    /// Changes of words shown inline, with their edits against the clause's text.
    var inline: [(MarshalledProposal, [TokenEdit])] = []
    /// Changes of words shown as the whole clause, inserted after it.
    var alternatives: [MarshalledProposal] = []
    /// New clauses before and after it.
    var newBefore: [MarshalledProposal] = []
    var newAfter: [MarshalledProposal] = []
    /// Shown by a comment on the clause only, with the reason.
    var commentOnly: [(MarshalledProposal, String)] = []

    init(clause: Clause, items: [MarshalledProposal]) {
      self.clause = clause
      // Tabling order decides which change is shown inline (ISO 8601 UTC times sort as text).
      let ordered = items.enumerated().sorted { ($0.element.record.tabled, $0.offset) < ($1.element.record.tabled, $1.offset) }.map(\.element)
      let old = Words(clause.text)
      var taken: [WordEdit] = []
      for item in ordered {
        if let reason = item.placement.needsRevision {
          commentOnly.append((item, "Needs revision: \(reason). Not shown as a change."))
          continue
        }
        switch item.operation {
        case .newClause(_, let before):
          if before { newBefore.append(item) } else { newAfter.append(item) }
        case .newClauseUnder, .newArticle(_, _, false):
          newAfter.append(item)
        case .newArticle(_, _, true):
          newBefore.append(item)
        case .retitleArticle, .deleteArticle:
          let heading = item.placement.clauseName(item.record)
          commentOnly.append((item, "Not shown as a change: it changes the article as a whole (its heading: \(heading))."))
        case .deleteClause, .moveClause, .moveClauseBefore:
          if item.operation == .deleteClause || item.placement.follow != nil, structural == nil {
            structural = item
          } else {
            commentOnly.append(
              (
                item,
                "Not shown as a change: \(structural.map { "[\($0.id)] \($0.record.delegation)" } ?? "another proposal") already \(structural?.operation == .deleteClause ? "deletes" : "moves") this clause."
              ))
          }
        default:
          guard let wanted = item.wanted else {
            commentOnly.append((item, "Not shown as a change: it gives no text for the clause."))
            continue
          }
          let new = Words(wanted)
          let edits = WordDiff.edits(from: old, to: new)
          if edits.isEmpty {
            commentOnly.append((item, "Not shown as a change: the clause already reads as proposed."))
          } else if structural == nil, !taken.contains(where: { earlier in edits.contains { $0.collides(with: earlier) } }) {
            taken += edits
            inline.append((item, WordTokens.tidy(edits, old, new)))
          } else {
            alternatives.append(item)
          }
        }
      }
      // A deletion or move tabled after changes of words still takes the clause: those become alternatives.
      if structural != nil, !inline.isEmpty {
        alternatives = inline.map(\.0) + alternatives
        inline = []
      }
    }
  }

  struct Builder {
    var draft: Draft
    var body = WordBody(title: "")
    var pages: PagedLayout?

    init(draft: Draft) { self.draft = draft }

    /// The comment on a proposal: its id, sponsors and operation, then `extra`, then its statement.
    mutating func comment(_ item: MarshalledProposal, extra: [String], bisIndex: Int = 1) -> Int {
      let summary = ProposalSummary(item, bisIndex: bisIndex)
      let cited = pages?.citationNote(item).map { " " + $0 } ?? ""
      var lines = ["[\(summary.id)] \(summary.sponsors), on \(summary.clauseName)\(cited): \(summary.description)."]
      lines += extra
      if let conflict = summary.conflictLine { lines.append(conflict) }
      let statement = summary.rationale.trimmingSpace
      if !statement.isEmpty { lines.append("Explanatory statement: \(statement)") }
      return body.comment(author: item.record.delegation, date: item.record.tabled, lines)
    }

    func inserted(_ item: MarshalledProposal) -> WordRevision { .inserted(by: item.record.delegation, at: item.record.tabled) }
    func deleted(_ item: MarshalledProposal) -> WordRevision { .deleted(by: item.record.delegation, at: item.record.tabled) }

    /// The paragraphs of one clause: before it, itself (with its alternatives), after its subtree, and
    /// a moved copy for the clause it is to follow.
    mutating func paragraphs(
      for plan: ClausePlan
    ) -> (
      before: [WordParagraph], clause: [WordParagraph], after: [WordParagraph], moved: (ClauseKey, WordParagraph)?
    ) {
      let clause = plan.clause
      var own: WordParagraph
      var moved: (ClauseKey, WordParagraph)?
      if let structural = plan.structural {
        own = WordParagraph(style: clause.wordStyle, mark: deleted(structural), [.text(clause.markerText + clause.text, deleted(structural))])
        if structural.operation.isMove, let follow = structural.placement.follow {
          var copy = WordParagraph(
            style: clause.wordStyle, mark: inserted(structural), [.text(clause.markerText + clause.text, inserted(structural))])
          copy.anchor(comment(structural, extra: ["Shown struck out where it stands and inserted after \(follow.id.display)."]))
          moved = (follow.key, copy)
        } else {
          own.anchor(comment(structural, extra: []))
        }
      } else {
        own = WordParagraph(style: clause.wordStyle, inlineContent(clause, plan.inline))
      }
      for (item, reason) in plan.commentOnly {
        own.anchor(comment(item, extra: [reason]))
      }
      var paragraphs = [own]
      for item in plan.alternatives {
        let competing = alternativeNote(item, plan: plan)
        var paragraph = WordParagraph(
          style: clause.wordStyle, mark: inserted(item), [.text(clause.markerText + (item.wanted ?? ""), inserted(item))])
        paragraph.anchor(comment(item, extra: [competing]))
        paragraphs.append(paragraph)
      }
      var before: [WordParagraph] = []
      for item in plan.newBefore {
        var paragraph = WordParagraph(
          style: clause.wordStyle, mark: inserted(item), [.text(newMarker(clause, label: "new") + (item.wanted ?? ""), inserted(item))])
        paragraph.anchor(comment(item, extra: []))
        before.append(paragraph)
      }
      var after: [WordParagraph] = []
      for (index, item) in plan.newAfter.enumerated() {
        let bis = clause.id.bis(index + 1)
        let label = clause.label + " " + String((bis.components.last ?? "").dropFirst(clause.label.count))
        var paragraph = WordParagraph(
          style: clause.wordStyle, mark: inserted(item), [.text(newMarker(clause, label: label) + (item.wanted ?? ""), inserted(item))])
        paragraph.anchor(comment(item, extra: [], bisIndex: index + 1))
        after.append(paragraph)
      }
      return (before, paragraphs, after, moved)
    }

    /// The comment line of an alternative: what it competes with and what to do.
    func alternativeNote(_ item: MarshalledProposal, plan: ClausePlan) -> String {
      let name = plan.clause.id.display
      if let structural = plan.structural {
        let what = structural.operation == .deleteClause ? "deletes" : "moves"
        return
          "An alternative: [\(structural.id)] \(structural.record.delegation) \(what) \(name), so this change of words is shown as the whole clause as proposed, inserted after it."
      }
      let rivals = plan.inline.map(\.0).filter { item.collidesWith.contains($0.id) }
      let named = (rivals.isEmpty ? plan.inline.map(\.0) : rivals).map { "[\($0.id)] \($0.record.delegation)" }
      return
        "An alternative: it changes words of \(name) that \(named.joined(separator: ", ")) also changes (shown in the clause), so it is shown as the whole clause as proposed, inserted after it. Accept one and reject the others."
    }

    /// The clause's text with the inline changes, each deletion and insertion authored by its
    /// delegation, each proposal's comment around its changes.
    mutating func inlineContent(_ clause: Clause, _ inline: [(MarshalledProposal, [TokenEdit])]) -> [WordInline] {
      let old = Words(clause.text)
      var edits: [(edit: TokenEdit, owner: Int, new: Words)] = []
      var comments: [Int] = []
      for (owner, (item, list)) in inline.enumerated() {
        comments.append(comment(item, extra: []))
        let new = Words(item.wanted ?? "")
        edits += list.map { ($0, owner, new) }
      }
      edits.sort { ($0.edit.base.lowerBound, $0.edit.base.isEmpty ? 0 : 1) < ($1.edit.base.lowerBound, $1.edit.base.isEmpty ? 0 : 1) }
      var first: [Int: Int] = [:]
      var last: [Int: Int] = [:]
      for (index, entry) in edits.enumerated() {
        if first[entry.owner] == nil { first[entry.owner] = index }
        last[entry.owner] = index
      }
      var out: [WordInline] = [.text(clause.markerText, nil)]
      var position = 0
      for (index, entry) in edits.enumerated() {
        let item = inline[entry.owner].0
        // Edits shown inline never overlap (they were chosen so); the clamp keeps a range valid regardless.
        let start = max(position, entry.edit.base.lowerBound)
        out.append(.text(old.text(position..<start), nil))
        if first[entry.owner] == index { out.append(.commentStart(comments[entry.owner])) }
        out.append(.text(old.text(start..<max(start, entry.edit.base.upperBound)), deleted(item)))
        out.append(.text(entry.new.text(entry.edit.replacement), inserted(item)))
        if last[entry.owner] == index {
          out += [.commentEnd(comments[entry.owner]), .commentReference(comments[entry.owner])]
        }
        position = max(start, entry.edit.base.upperBound)
      }
      out.append(.text(old.text(position..<old.count), nil))
      return out
    }

    /// A global amendment: its line with its comment, then each clause it changes as that clause with the
    /// changes tracked under the delegation's name.
    mutating func globalParagraphs(_ item: MarshalledProposal) -> [WordParagraph] {
      let summary = ProposalSummary(item)
      var head = WordParagraph(style: "Text", [.text("[\(summary.id)] \(summary.sponsors): \(summary.description)", nil)])
      head.anchor(comment(item, extra: ["A global amendment: each clause below shows the change where its words occur."]))
      var paragraphs = [head]
      for place in item.placement.throughout ?? [] {
        let old = Words(place.clause.text)
        let new = Words(place.proposedText)
        var content: [WordInline] = [.text(place.clause.markerText, nil)]
        var position = 0
        for edit in WordTokens.tidy(WordDiff.edits(from: old, to: new), old, new) {
          let start = max(position, edit.base.lowerBound)
          content.append(.text(old.text(position..<start), nil))
          content.append(.text(old.text(start..<max(start, edit.base.upperBound)), deleted(item)))
          content.append(.text(new.text(edit.replacement), inserted(item)))
          position = max(start, edit.base.upperBound)
        }
        content.append(.text(old.text(position..<old.count), nil))
        paragraphs.append(WordParagraph(style: place.clause.wordStyle, content))
      }
      return paragraphs
    }

    /// The marker of a new clause: the clause's own, its label replaced ("- b)" → "- b bis)").
    func newMarker(_ clause: Clause, label: String) -> String {
      let marker = clause.typedMarker
      guard !marker.isEmpty else { return "" }
      guard !clause.label.isEmpty, let range = marker.range(of: clause.label) else { return marker + "\t" }
      return marker.replacingCharacters(in: range, with: label) + "\t"
    }
  }
}
