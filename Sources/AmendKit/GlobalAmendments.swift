import DraftText
import Wording

/// Global amendments: "throughout the text, replace 'labor' with 'labour'" (`amend propose --throughout`).
///
/// One proposal, one decision, changing every clause where its words occur. The words are found as
/// `--replace` finds them in one clause (`WordMatch`: whole words, case-sensitive, or as text pasted from a
/// word processor), every occurrence, left to right, never two overlapping. Where it applies is worked out
/// afresh on the draft it is shown or applied against: the record keeps the clauses where the words stood
/// when it was tabled (`ProposalRecord.throughout`), for the record only.
///
/// Order at `next` (`AcceptedChange.apply`): the list changes, then each clause's wordings, then the global
/// amendments in the order accepted, each on the text the others left. A global amendment therefore
/// changes the words wherever they stand in that text, clauses inserted or re-worded this round included;
/// a clause deleted this round is not there to change. It never collides at `next` (it finds the words
/// where they are); while pending, it is flagged against other proposals that change the same words of a
/// clause, as any two proposals on one clause are.
public enum GlobalAmendment {
  /// `text` with every occurrence of `words` replaced with `with` (deleted, closing the gap, when nil),
  /// and how many there were.
  public static func applied(words: String, with: String?, to text: String) -> (text: String, count: Int) {
    var chosen: [Range<String.Index>] = []
    for range in WordMatch.occurrences(of: words, in: text) where chosen.last.map({ $0.upperBound <= range.lowerBound }) ?? true {
      chosen.append(range)
    }
    guard !chosen.isEmpty else { return (text, 0) }
    // Offsets in characters, shifted by what each earlier edit added or removed.
    var result = text
    var shift = 0
    for range in chosen {
      let lower = text.distance(from: text.startIndex, to: range.lowerBound) + shift
      let upper = text.distance(from: text.startIndex, to: range.upperBound) + shift
      let start = result.index(result.startIndex, offsetBy: lower)
      let end = result.index(result.startIndex, offsetBy: upper)
      let length = result.count
      if let with {
        result.replaceSubrange(start..<end, with: with)
      } else {
        result = WordMatch.closingGap(result, removing: start..<end)
      }
      shift += result.count - length
    }
    return (result, chosen.count)
  }

  /// Every clause of `draft` that the amendment changes, in the draft's order.
  public static func places(words: String, with: String?, in draft: Draft) -> [GlobalPlace] {
    draft.clauses.compactMap { clause in
      let (text, count) = applied(words: words, with: with, to: clause.text)
      guard count > 0, text != clause.text else { return nil }
      return GlobalPlace(clause: clause, proposedText: text, occurrences: count)
    }
  }

  /// Where a global amendment applies in `version`.
  static func placement(words: String, with: String?, in version: DraftVersion) -> Placement {
    var placement = Placement()
    let places = places(words: words, with: with, in: version.draft)
    placement.throughout = places
    if places.isEmpty {
      placement.needsRevision = "the words '\(words)' no longer occur in the \(Ordinal.words(version.number)) draft"
    }
    return placement
  }

  /// The redline of each clause it changes, one line each: "7 (b) … ~~labor~~ **labour** …".
  static func redline(_ placement: Placement) -> String {
    (placement.throughout ?? []).map(\.redlineLine).joined(separator: "\n")
  }

  /// How far it departs from the text, over every clause it changes.
  static func distance(_ placement: Placement) -> Int {
    (placement.throughout ?? []).reduce(0) { total, place in
      total
        + WordDiff.edits(from: Words(place.clause.text), to: Words(place.proposedText)).reduce(0) {
          $0 + $1.base.count + $1.replacement.count
        }
    }
  }

  /// Flags each global amendment against the listed proposals that change the same words of a clause it
  /// changes (and against another global amendment that does); clause-level pairs are flagged by
  /// `Snapshot.flagCollisions`.
  static func flagCollisions(_ listed: inout [MarshalledProposal]) {
    let globals = listed.indices.filter { listed[$0].operation.isThroughout }
    guard !globals.isEmpty else { return }
    var byClause: [ClauseKey: [Int]] = [:]
    for index in listed.indices where !listed[index].operation.isThroughout {
      guard let key = listed[index].placement.clause?.key else { continue }
      byClause[key, default: []].append(index)
    }
    func mark(_ i: Int, _ j: Int) {
      guard !listed[i].collidesWith.contains(listed[j].id) else { return }
      listed[i].collidesWith.append(listed[j].id)
      listed[j].collidesWith.append(listed[i].id)
    }
    for (position, g) in globals.enumerated() {
      let places = listed[g].placement.throughout ?? []
      for place in places {
        for other in byClause[place.clause.key] ?? [] where collides(place, listed[other]) { mark(g, other) }
      }
      for h in globals[(position + 1)...] {
        let theirs = Dictionary(
          (listed[h].placement.throughout ?? []).map { ($0.clause.key, $0.proposedText) }, uniquingKeysWith: { a, _ in a })
        let clash = places.contains { place in
          guard let text = theirs[place.clause.key] else { return false }
          return (try? WordMerge.merge(base: place.clause.text, ours: place.proposedText, theirs: text)) == nil
        }
        if clash { mark(g, h) }
      }
    }
  }

  /// Whether a clause-level proposal changes words the global amendment changes in that clause. A
  /// deletion, a move or a new clause does not: the global amendment applies to what they leave.
  static func collides(_ place: GlobalPlace, _ other: MarshalledProposal) -> Bool {
    switch other.operation {
    case .deleteClause, .moveClause, .newClause, .throughout: return false
    default:
      guard let text = other.placement.proposedText else { return false }
      return (try? WordMerge.merge(base: place.clause.text, ours: place.proposedText, theirs: text)) == nil
    }
  }
}

/// A clause a global amendment changes, in the draft it is placed in.
public struct GlobalPlace: Sendable {
  /// The clause.
  public var clause: Clause
  /// Its whole text with the amendment made.
  public var proposedText: String
  /// How many times the words occur in it.
  public var occurrences: Int

  /// "7 (b) … ~~labor~~ **labour** …".
  public var redline: String { Redline.render(from: clause.text, to: proposedText) }
  var redlineLine: String { "\(clause.id.display) \(redline)" }
}

extension Workspace {
  /// What tabling checks for a global amendment: the words occur somewhere in `version`, they are not
  /// replaced with themselves, and each clause's new text leaves a text that reads back as that clause.
  /// Returns the record's texts and the clauses it applies to, in the draft's order.
  static func checkThroughout(_ operation: ProposalOperation, in version: DraftVersion) throws -> (CheckedProposal, [String]) {
    guard case .throughout(let words, let with) = operation else {
      return (CheckedProposal(textBefore: "", textProposed: nil, operation: operation), [])
    }
    if let with, with == words { throw GlobalAmendmentError.replacedWithItself(words: words) }
    let places = GlobalAmendment.places(words: words, with: with, in: version.draft)
    guard !places.isEmpty else { throw GlobalAmendmentError.wordsNowhere(words: words, draft: version.number) }
    var edited = version.draft
    for place in places {
      guard !place.proposedText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw GlobalAmendmentError.leavesNoText(words: words, clause: place.clause.id)
      }
      let what = ClauseTextSubject.proposedText(place.clause.id)
      try ClauseText.checkCharacters(place.proposedText, lineBreaksAllowed: ClauseText.isMultiLine(place.clause.text), what: what)
      do {
        try edited.replaceText(of: place.clause.key, with: place.proposedText)
      } catch {
        throw ClauseTextError.edit(what, error)
      }
    }
    if !edited.readsBack {
      // Read back one at a time to name the clause whose new text does not stand as itself.
      for place in places {
        try ClauseText.checkWording(place.proposedText, of: place.clause, in: version.draft, what: .proposedText(place.clause.id))
      }
      if let first = places.first { throw ClauseText.refusal(first.proposedText, .proposedText(first.clause.id)) }
    }
    return (CheckedProposal(textBefore: "", textProposed: nil, operation: operation), places.map(\.clause.id.rawValue))
  }

  /// A global amendment is accepted as tabled: the chair's words replace one clause's text, and it has many.
  static func refuseOralRevision(of state: ProposalState, operation: ProposalOperation, asRevised: String?) throws {
    if operation.isThroughout, asRevised != nil { throw GlobalAmendmentError.oralRevision(proposal: state.id) }
  }
}

extension AcceptedChange {
  /// Applies the accepted global amendments among `changes`, in the order accepted, to the draft the
  /// other changes left: one edit (one commit of the chain) each, changing every clause where the words
  /// stand now. One that finds its words nowhere changes nothing.
  static func applyThroughout(
    _ changes: [AcceptedChange], draft: () -> Draft,
    edit: (AcceptedChange, (inout Draft) throws(DraftError) -> Void) throws -> Void
  ) throws -> (mayBreak: Bool, touched: [String: [ClauseID]]) {
    var mayBreak = false
    var touched: [String: [ClauseID]] = [:]
    for change in changes {
      guard case .throughout(let words, let with) = change.item.operation else { continue }
      let places = GlobalAmendment.places(words: words, with: with, in: draft())
      guard !places.isEmpty else { continue }
      touched[change.id] = places.map(\.clause.id)
      mayBreak = mayBreak || places.contains { ClauseText.mayBreak($0.proposedText) }
      try edit(change) { draft throws(DraftError) in
        for place in places { try draft.replaceText(of: place.clause.key, with: place.proposedText) }
      }
    }
    return (mayBreak, touched)
  }
}

extension ProposalSummary {
  /// A clause a global amendment changes, as `--json` shows it.
  public struct ThroughoutClause: Codable, Equatable, Sendable {
    /// The clause's id in the current draft ("7.b") and as people say it ("7 (b)").
    public var clause: String
    public var clauseName: String
    /// How many times the words occur in it.
    public var occurrences: Int
    /// The clause's text now and with the amendment made.
    public var textBefore: String
    public var textProposed: String
    /// The word redline (`~~deleted~~ **inserted**`).
    public var redline: String
    /// The line of the current draft where the clause begins.
    public var line: Int
  }

  /// The name a global amendment goes by where others name their clause.
  public static let throughoutName = "throughout the text"

  /// The fields of a global amendment: no single clause, each clause it changes listed.
  mutating func describeThroughout(_ item: MarshalledProposal) {
    clause = ""
    clauseName = Self.throughoutName
    tabledAgainst.clauses = item.record.throughout
    line = nil
    throughout = (item.placement.throughout ?? []).map {
      ThroughoutClause(
        clause: $0.clause.id.rawValue, clauseName: $0.clause.id.display, occurrences: $0.occurrences,
        textBefore: $0.clause.text, textProposed: $0.proposedText, redline: $0.redline, line: $0.clause.line)
    }
  }
}

extension Workspace {
  /// The tabling commit's message for a global amendment: no `Amend-Clause`, since it has no single clause.
  static func throughoutTablingMessage(_ record: ProposalRecord, _ operation: ProposalOperation) -> String {
    let clauses = (record.throughout ?? []).map { ClauseID(rawValue: $0).display }.joined(separator: ", ")
    return """
      Table \(record.id): \(CommitText.line(record.delegation)) throughout the text

      \(CommitText.line(operation.description(clause: "")))
      (where the words occur: \(CommitText.line(clauses)))

      Amend-Event: tabled
      Amend-Proposal: \(record.id)\(record.takenUpFrom.map { "\nAmend-Takes-Up: \($0)" } ?? "")\(record.late == true ? "\nAmend-Late: yes" : "")
      Amend-Draft: \(record.draft)
      """
  }
}

extension Compilation {
  /// The global amendments, listed once before the clauses ("horizontal" amendments come first), each
  /// with the redline of every clause it changes.
  static func throughoutSection(_ globals: [MarshalledProposal], format: Format, statements: Bool) -> [String] {
    guard !globals.isEmpty else { return [] }
    var out = ["", format == .markdown ? "**Throughout the text**" : "Throughout the text"]
    if format == .markdown { out.append("") }
    for item in globals {
      let summary = ProposalSummary(item)
      let lead = format == .markdown ? "> " : "    "
      var lines = ["\(lead)[\(summary.id)] \(summary.sponsors): \(summary.description)"]
      lines += (summary.throughout ?? []).map { "\(lead)\($0.clauseName) \($0.redline)" }
      if summary.late == true { lines.append("\(lead)LATE: tabled after the deadline; the chair decides whether to take it") }
      if !summary.collidesWith.isEmpty {
        lines.append("\(lead)COLLIDES with \(summary.collidesWith.joined(separator: ", ")): they change the same words")
      }
      if let conflict = summary.conflictLine { lines.append("\(lead)CONFLICT: \(conflict.dropFirst("conflict: ".count))") }
      if let reason = summary.needsRevision { lines.append("\(lead)NEEDS REVISION: \(reason)") }
      if statements && !summary.rationale.isEmpty {
        lines.append("\(lead)Explanatory statement: \(summary.rationale.split(whereSeparator: \.isNewline).joined(separator: " "))")
      }
      if format == .markdown {
        lines = lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + "  " : $0.element } + [""]
      }
      out += lines
    }
    return out
  }

  /// The global amendments that change each clause, in the order listed.
  static func globalReferences(_ globals: [MarshalledProposal]) -> [ClauseKey: [MarshalledProposal]] {
    var byClause: [ClauseKey: [MarshalledProposal]] = [:]
    for item in globals {
      for place in item.placement.throughout ?? [] { byClause[place.clause.key, default: []].append(item) }
    }
    return byClause
  }

  /// Under a clause a global amendment changes: one line pointing to it, listed with its redline above.
  static func reference(_ item: MarshalledProposal, format: Format, indent: String) -> [String] {
    let lead = format == .markdown ? "> " : indent + "    "
    let line = "\(lead)[\(item.id)] \(item.record.delegation): \(item.operation.description(clause: "")) (listed above)"
    return format == .markdown ? [line, ""] : [line]
  }
}
