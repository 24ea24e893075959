import AmendKit
import DraftText
import Foundation
import Wording

/// The redline between two drafts as Akoma Ntoso 3.0: the later draft's `statement` (the one `amend
/// show --format akn` writes) with every change marked in its text, `<del>` for words struck and `<ins>`
/// for words put in, each mark referring to who made it (`refersTo` a `TLCOrganization` for a
/// delegation's proposal, a `TLCPerson` for the chair's oral revision, `#secretariat` for the title
/// block and renumbering); clauses deleted or moved away stand struck where they were; and each change
/// is a `textualMod` in `analysis/passiveModifications` whose `source` is who made it (and the
/// proposal's amendment), whose `destination` is the clause, and whose `old` and `new` are its marks.
/// Words are followed through a clause's chain of changes with ``AttributedRedline``, as the HTML does.
enum AkomaNtosoRedline {
  static func render(_ comparison: DraftComparison, in snapshot: Snapshot) throws -> [UInt8] {
    let earlier = try snapshot.draft(number: comparison.from)
    let later = try snapshot.draft(number: comparison.to)
    let names = try AkomaNtosoNames(snapshot, upTo: comparison.to)
    var people = People()
    var marks = BodyMarks()
    var mods: [Mod] = []
    let previous = names.main(comparison.from)

    // The title block: the secretariat's.
    let secretariat = ChangeAuthor.secretariat("the secretariat, \(Ordinal.words(later.number)) draft (title block)")
    let pieces = DraftPieces(text: later.text, draft: later.draft)
    let oldBlock = earlier.draft.titleBlock
    for (index, piece) in pieces.pieces.enumerated() {
      guard case .title(let part) = piece.kind else { continue }
      let before: String?
      switch part {
      case .subject: before = oldBlock?.subject
      case .title: before = oldBlock?.title
      case .dateLine: before = oldBlock?.dateLine
      }
      let after = piece.lines.joined(separator: " ")
      guard let before, before != after else { continue }
      var counter = Counter(prefix: "preface__p_\(index + 1)")
      let line = inline(AttributedRedline.between(before, after, by: secretariat), &counter, &people)
      marks.preface[index] = line
      mods.append(
        Mod(
          type: "substitution", who: ["secretariat"], proposal: nil, destination: "#" + (counter.first ?? "preface"), old: counter.deleted,
          new: counter.inserted))
    }

    // Where clauses that are gone stood: before the first clause after them that is still there.
    let layout = ComparisonLayout(comparison, earlier: earlier, later: later)
    let byLater = layout.byLater
    let goneEntries = layout.gone

    let earlierClauses = Dictionary(earlier.draft.clauses.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    let laterClauses = Dictionary(later.draft.clauses.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

    // The clauses gone from where they stood.
    for (entry, anchor) in goneEntries {
      guard let from = entry.from, let old = earlierClauses[from] else { continue }
      let moved = entry.kind == .moved
      let kind: ClauseChange.Kind = moved ? .moved : .deleted
      let change = entry.changes.last { $0.kind == kind }
      let author = change.flatMap { ChangeAuthor($0.source) }
      let eId = old.eId + (moved ? "-moved" : "-deleted")
      var counter = Counter(prefix: eId)
      let marker = old.marker.trimmingCharacters(in: .whitespaces)
      let num = marker.isEmpty ? nil : inline([RedlineSegment(marker, .deleted, by: author)], &counter, &people)
      let text = inline([RedlineSegment(entry.textBefore ?? "", .deleted, by: author)], &counter, &people)
      let gone = BodyMarks.Gone(kind: old.kind, eId: eId, wId: old.eId, num: num, text: text)
      if let anchor, let clause = laterClauses[anchor] {
        marks.goneBefore[clause.eId, default: []].append(gone)
      } else {
        marks.goneAtEnd.append(gone)
      }
      if let change {
        mods.append(
          Mod(
            type: moved ? "renumbering" : "repeal", who: people.references(change.source), proposal: change.source.proposal,
            destination: "#" + eId, old: counter.deleted, new: moved ? entry.to.map { ["#" + ClauseID(rawValue: $0).eId] } ?? [] : []))
      }
    }

    // The clauses of the later draft that changed.
    for current in later.draft.clauses {
      guard let entry = byLater[current.id.rawValue] else { continue }
      var segments = AttributedRedline.through(HTMLDocument.steps(entry.changes), from: entry.textBefore ?? "")
      if entry.textBefore == nil {
        segments = HTMLDocument.introduced(entry.changes, text: entry.textAfter ?? "")
      } else if entry.kind == .moved {
        let author = entry.changes.last { $0.kind == .moved }.flatMap { ChangeAuthor($0.source) }
        segments = [RedlineSegment(entry.textAfter ?? "", .inserted, by: author)]
      }
      var counter = Counter(prefix: current.eId)
      // The number first: the secretariat renumbers, whichever change moved the clauses.
      let newMarker = current.marker.trimmingCharacters(in: .whitespaces)
      if let from = entry.from, let old = earlierClauses[from] {
        if old.eId != current.eId { marks.wId[current.eId] = old.eId }
        let oldMarker = old.marker.trimmingCharacters(in: .whitespaces)
        if oldMarker != newMarker {
          let cause = entry.changes.last { $0.clauseBefore != $0.clauseAfter || $0.kind == .renumbered || $0.kind == .restyled }
          let renumbering = ChangeAuthor.secretariat(
            "the secretariat, renumbering" + (cause.map { " (after \($0.source.attribution))" } ?? ""))
          var numbers = Counter(prefix: current.eId + "__num")
          marks.num[current.eId] = inline(
            [RedlineSegment(oldMarker, .deleted, by: renumbering), RedlineSegment(newMarker, .inserted, by: renumbering)], &numbers, &people)
          mods.append(
            Mod(
              type: "renumbering", who: ["secretariat"], proposal: nil, destination: "#" + current.eId,
              old: numbers.deleted + [previous + "#" + old.eId], new: numbers.inserted))
        }
      } else if !newMarker.isEmpty {
        let author = entry.changes.first.flatMap { ChangeAuthor($0.source) }
        var numbers = Counter(prefix: current.eId + "__num")
        marks.num[current.eId] = inline([RedlineSegment(newMarker, .inserted, by: author)], &numbers, &people)
        counter.marks += numbers.marks
      }
      marks.text[current.eId] = inline(segments, &counter, &people)
      // One modification for each change of its words, whose marks are those of its author.
      for change in entry.changes where change.kind != .received && change.kind != .renumbered && change.kind != .restyled {
        let author = ChangeAuthor(change.source)
        let own = counter.marks.filter { $0.author == author }
        let type: String =
          switch change.kind {
          case .introduced: "insertion"
          case .deleted: "repeal"
          case .moved: "renumbering"
          default: "substitution"
          }
        mods.append(
          Mod(
            type: type, who: people.references(change.source), proposal: change.source.proposal, destination: "#" + current.eId,
            old: own.filter { !$0.inserted }.map { "#" + $0.eId }, new: own.filter(\.inserted).map { "#" + $0.eId }))
      }
    }

    let count = comparison.entries.count
    marks.prefaceAfter.append(
      Inline(
        "Changes from the \(Ordinal.words(comparison.from)) draft to the \(Ordinal.words(comparison.to)) draft: "
          + "\(count == 0 ? "no" : String(count)) clause\(count == 1 ? "" : "s") changed"))
    for note in comparison.notes { marks.prefaceAfter.append(Inline(AkomaNtosoAmendment.plain(note))) }

    let ledger = try? snapshot.ledger.get()
    let redline = AkomaNtosoDraft.Redline(
      manifestation: "/!main.redline-draft-\(comparison.from)", marks: marks,
      modifications: { xml in
        guard !mods.isEmpty else { return }
        xml.start("analysis", ["source": "#secretariat"])
        xml.start("passiveModifications")
        for (position, mod) in mods.enumerated() {
          xml.start("textualMod", ["eId": "pmod_\(position + 1)", "type": mod.type])
          for who in mod.who { xml.empty("source", ["href": "#" + who]) }
          if let proposal = mod.proposal {
            let tabled = (ledger?.proposals[proposal.id]?.record.tabled ?? proposal.tabled).map { String($0.prefix(10)) } ?? names.workDate
            xml.empty("source", ["href": AkomaNtosoNames.amendment(proposal.id, tabled: tabled) + "/!main"])
          }
          xml.empty("destination", ["href": mod.destination])
          for old in mod.old { xml.empty("old", ["href": old]) }
          for new in mod.new { xml.empty("new", ["href": new]) }
          xml.end()
        }
        xml.end()
        xml.end()
      },
      references: { xml in people.write(&xml) })
    var xml = XMLWriter()
    xml.start("akomaNtoso", ["xmlns": AkomaNtosoNames.namespace])
    try AkomaNtosoDraft.write(later, in: snapshot, into: &xml, redline: redline)
    xml.end()
    return Array(xml.output.utf8)
  }

  /// One change as a passive modification.
  struct Mod {
    var type: String
    /// The references of who made it (without `#`).
    var who: [String]
    var proposal: ChangeSource.ProposalSource?
    var destination: String
    var old: [String]
    var new: [String]
  }

  /// The marks of one clause (or title line): their eIds, in order, with who made each.
  struct Counter {
    struct Mark {
      var eId: String
      var inserted: Bool
      var author: ChangeAuthor?
    }

    let prefix: String
    var marks: [Mark] = []
    private var insertions = 0
    private var deletions = 0

    init(prefix: String) { self.prefix = prefix }

    var first: String? { marks.first?.eId }
    var deleted: [String] { marks.filter { !$0.inserted }.map { "#" + $0.eId } }
    var inserted: [String] { marks.filter(\.inserted).map { "#" + $0.eId } }

    mutating func next(inserted: Bool, by author: ChangeAuthor?) -> String {
      let eId: String
      if inserted {
        insertions += 1
        eId = "\(prefix)__ins_\(insertions)"
      } else {
        deletions += 1
        eId = "\(prefix)__del_\(deletions)"
      }
      marks.append(Mark(eId: eId, inserted: inserted, author: author))
      return eId
    }
  }

  /// Everyone who made a change, each with one reference id: delegations as `TLCOrganization`s, the
  /// chair and hand-made commits' authors as `TLCPerson`s, the secretariat as `#secretariat`.
  struct People {
    struct Person {
      var eId: String
      var name: String
      var person: Bool
    }

    private(set) var list: [Person] = []
    /// The reference id by the name a ``ChangeAuthor`` carries.
    private var byAuthor: [String: String] = ["Secretariat": "secretariat"]
    private var used: Set<String> = ["secretariat"]

    mutating func id(_ name: String, person: Bool, author: String) -> String {
      if let known = byAuthor[author] { return known }
      let candidate = AkomaNtosoNames.uniqueReference(name, among: &used)
      byAuthor[author] = candidate
      list.append(Person(eId: candidate, name: name, person: person))
      return candidate
    }

    /// The references of who made a change recorded in the history.
    mutating func references(_ source: ChangeSource) -> [String] {
      switch source.kind {
      case .received: return []
      case .secretariat: return ["secretariat"]
      case .handMade: return [id(source.author, person: true, author: "\(source.author) (hand-made commit)")]
      case .proposal:
        if let oral = source.oralRevision { return [id(oral.chair, person: true, author: "\(oral.chair) (chair)")] }
        if let proposal = source.proposal { return [id(proposal.delegation, person: false, author: proposal.delegation)] }
        return [id(source.author, person: false, author: source.author)]
      }
    }

    /// The references of a mark's author: one, or each of a chain's authors ("A; B").
    mutating func references(_ author: ChangeAuthor) -> [String] {
      author.name.components(separatedBy: "; ").map { name in
        if let known = byAuthor[name] { return known }
        let person = name.hasSuffix(" (chair)") || name.hasSuffix(" (hand-made commit)")
        let bare = name.replacingOccurrences(of: " (chair)", with: "").replacingOccurrences(of: " (hand-made commit)", with: "")
        return id(bare, person: person, author: name)
      }
    }

    func write(_ xml: inout XMLWriter) {
      for person in list {
        if person.person {
          xml.empty("TLCPerson", ["eId": person.eId, "href": "/akn/ontology/person/un/\(person.eId)", "showAs": person.name])
        } else {
          xml.empty("TLCOrganization", ["eId": person.eId, "href": AkomaNtosoAmendment.organization(person.name), "showAs": person.name])
        }
      }
    }
  }

  /// A redline's runs as inline markup: kept words as text, struck words in `<del>` and new ones in
  /// `<ins>`, each with its eId, `refersTo` who made it and `title` the whole attribution; white space
  /// at a run's edges outside the mark.
  static func inline(_ segments: [RedlineSegment], _ counter: inout Counter, _ people: inout People) -> Inline {
    var result = Inline()
    for segment in segments {
      let text = AkomaNtosoAmendment.plain(segment.text)
      let words = text.trimmingCharacters(in: .whitespaces)
      guard segment.mark != .kept, !words.isEmpty else {
        result.append(text)
        continue
      }
      let inserted = segment.mark == .inserted
      let eId = counter.next(inserted: inserted, by: segment.author)
      let refersTo = segment.author.map { people.references($0).map { "#" + $0 }.joined(separator: " ") }
      result.append(String(text.prefix { $0 == " " || $0 == "\t" }))
      result.element(inserted ? "ins" : "del", ["eId": eId, "refersTo": refersTo, "title": segment.author?.detail], Inline(words))
      result.append(String(String(text.reversed().prefix { $0 == " " || $0 == "\t" }).reversed()))
    }
    return result
  }
}
