import AmendKit
import DraftText
import Foundation

/// A numbered draft as an Akoma Ntoso 3.0 `statement`: title block in the preface, preambular
/// paragraphs as recitals in the preamble, operative paragraphs and their points in the main body,
/// each with the eId DraftText gives its clause; FRBR identification, the lifecycle of drafts, the
/// numbering table as passive modifications, and the layout hints that make the text come back
/// byte for byte (`amend init --from`).
enum AkomaNtosoDraft {
  static func render(_ version: DraftVersion, in snapshot: Snapshot) throws -> [UInt8] {
    var xml = XMLWriter()
    xml.start("akomaNtoso", ["xmlns": AkomaNtosoNames.namespace, "xmlns:amend": AkomaNtosoNames.layoutNamespace])
    try write(version, in: snapshot, into: &xml)
    xml.end()
    return Array(xml.output.utf8)
  }

  /// What a redline changes in the draft's document: its manifestation, its passive modifications and
  /// references (who made the changes), and the marks in its text; no layout hints, since the text then
  /// holds deleted words too.
  struct Redline {
    /// The manifestation's name after the expression ("/!main.redline-draft-7.xml").
    var manifestation: String
    var marks: BodyMarks
    var modifications: (inout XMLWriter) -> Void
    var references: (inout XMLWriter) -> Void
  }

  /// The `statement` of draft `version`, written into `xml` (a document of its own, or a collection's
  /// component); with `redline`, the later draft of a comparison with its changes marked.
  static func write(_ version: DraftVersion, in snapshot: Snapshot, into xml: inout XMLWriter, redline: Redline? = nil) throws {
    let names = try AkomaNtosoNames(snapshot, upTo: version.number)
    let pieces = DraftPieces(text: version.text, draft: version.draft)
    xml.start("statement", ["name": names.name, "contains": version.number == names.draftDates.keys.min() ? "originalVersion" : "singleVersion"])
    let body = Body(pieces)
    try meta(&xml, version, snapshot, names, layout: body.layoutOrder.map { pieces.pieces[$0] }, tail: pieces.tail, redline: redline)
    body.write(&xml, version: version, marks: redline?.marks ?? BodyMarks())
    xml.end()
  }

  // MARK: Metadata

  private static func meta(
    _ xml: inout XMLWriter, _ version: DraftVersion, _ snapshot: Snapshot, _ names: AkomaNtosoNames,
    layout: [DraftPieces.Piece], tail: String, redline: Redline?
  ) throws {
    let number = version.number
    let date = names.draftDates[number] ?? names.workDate
    let expression = names.expression(number)
    xml.start("meta")
    xml.start("identification", ["source": "#secretariat"])
    xml.start("FRBRWork")
    xml.empty("FRBRthis", ["value": names.work + "/!main"])
    xml.empty("FRBRuri", ["value": names.work])
    xml.empty("FRBRdate", ["date": names.workDate, "name": "firstDraft"])
    xml.empty("FRBRauthor", ["href": "#secretariat"])
    xml.empty("FRBRcountry", ["value": AkomaNtosoNames.country])
    if let subject = version.draft.titleBlock?.subject { xml.empty("FRBRname", ["value": subject]) }
    xml.end()
    xml.start("FRBRExpression")
    xml.empty("FRBRthis", ["value": expression + "/!main"])
    xml.empty("FRBRuri", ["value": expression])
    xml.empty("FRBRdate", ["date": date, "name": "draft"])
    xml.empty("FRBRauthor", ["href": "#secretariat"])
    xml.empty("FRBRversionNumber", ["value": "draft-\(number)"])
    xml.empty("FRBRlanguage", ["language": AkomaNtosoNames.language])
    xml.end()
    if let redline {
      xml.manifestation(this: expression + redline.manifestation + ".xml", uri: expression + redline.manifestation + ".akn", date: date)
    } else {
      xml.manifestation(this: expression + "/!main.xml", uri: expression + ".akn", date: date)
    }
    xml.end()
    let numbers = names.draftDates.keys.sorted()
    xml.start("lifecycle", ["source": "#secretariat"])
    for (position, draft) in numbers.enumerated() {
      xml.empty(
        "eventRef",
        [
          "eId": "lifecycle__evt_\(draft)", "date": names.draftDates[draft], "source": "#secretariat",
          "refersTo": "#" + AkomaNtosoNames.draftEvent(draft), "type": position == 0 ? "generation" : "amendment",
        ])
    }
    xml.end()
    if let redline {
      redline.modifications(&xml)
    } else if let table = try snapshot.numbering(for: number), !table.changes.isEmpty {
      let ledger = try? snapshot.ledger.get()
      let previous = names.main(table.from)
      xml.start("analysis", ["source": "#secretariat"])
      xml.start("passiveModifications")
      for (position, change) in table.changes.enumerated() {
        let type = change.old == nil ? "insertion" : change.new == nil ? "repeal" : "renumbering"
        xml.start("textualMod", ["eId": "pmod_\(position + 1)", "type": type])
        if let proposal = change.proposal, let record = ledger?.proposals[proposal]?.record {
          xml.empty("source", ["href": AkomaNtosoNames.amendment(proposal, tabled: String(record.tabled.prefix(10))) + "/!main"])
        } else {
          xml.empty("source", ["href": previous])
        }
        let newID = change.new.map { ClauseID(rawValue: $0).eId }
        let oldID = change.old.map { ClauseID(rawValue: $0).eId }
        xml.empty("destination", ["href": newID.map { "#" + $0 } ?? previous + "#" + (oldID ?? "")])
        if let oldID { xml.empty("old", ["href": previous + "#" + oldID]) }
        if let newID { xml.empty("new", ["href": "#" + newID]) }
        xml.end()
      }
      xml.end()
      xml.end()
    }
    xml.start("references", ["source": "#secretariat"])
    if let first = numbers.first {
      xml.empty("original", ["eId": "original", "href": names.main(first), "showAs": names.draftTitles[first] ?? ""])
    }
    for draft in numbers {
      xml.empty(
        "TLCEvent",
        [
          "eId": AkomaNtosoNames.draftEvent(draft), "href": "/akn/ontology/event/\(AkomaNtosoNames.country)/draft-\(draft)",
          "showAs": names.draftTitles[draft] ?? "Draft \(draft)",
        ])
    }
    xml.empty("TLCOrganization", ["eId": "secretariat", "href": "/akn/ontology/organization/un/secretariat", "showAs": "Secretariat"])
    redline?.references(&xml)
    xml.end()
    if redline == nil {
      xml.start("proprietary", ["source": "#secretariat"])
      LayoutHints(pieces: layout, tail: tail).write(&xml)
      xml.end()
    }
    xml.end()
  }
}

/// What a redline marks in a draft's body: clause texts and numbers with `<ins>`/`<del>`, the id a
/// clause had in the earlier draft (`wId`), clauses deleted or moved away where they stood, the title
/// block lines, and lines added at the end of the preface.
struct BodyMarks {
  /// A clause of the earlier draft that is not in the later one where it stood.
  struct Gone {
    /// `paragraph` or `point` (`recital` in the preamble).
    var kind: Clause.Kind
    var eId: String
    var wId: String
    var num: Inline?
    var text: Inline
  }

  /// By the later clause's eId.
  var text: [String: Inline] = [:]
  var num: [String: Inline] = [:]
  var wId: [String: String] = [:]
  /// Gone clauses, before the later clause (by eId) that follows them.
  var goneBefore: [String: [Gone]] = [:]
  var goneAtEnd: [Gone] = []
  /// Title block lines by piece index.
  var preface: [Int: Inline] = [:]
  var prefaceAfter: [Inline] = []
}

/// The parts of a draft's body in Akoma Ntoso, built from its pieces in document order.
struct Body {
  /// A node of the main body: a clause with the clauses and lines listed under it, a line, or an
  /// article grouping its paragraphs.
  final class Node {
    enum Kind {
      case clause(Int)
      case line(Int)
      case article(eId: String, heading: Int?, text: Int?)
    }

    var kind: Kind
    var children: [Node] = []

    init(_ kind: Kind) { self.kind = kind }
  }

  let pieces: DraftPieces
  /// Pieces `0..<prefaceEnd` make the preface, then the preamble up to `preambleEnd`, then the body.
  let prefaceEnd: Int
  let preambleEnd: Int
  let main: [Node]
  /// The pieces in the order the document holds them (the order of the layout hints).
  let layoutOrder: [Int]

  init(_ pieces: DraftPieces) {
    self.pieces = pieces
    let all = pieces.pieces
    let firstClause = all.firstIndex { $0.clause != nil } ?? all.count
    var prefaceEnd = firstClause
    if let lastTitle = all.lastIndex(where: { if case .title = $0.kind { true } else { false } }) {
      prefaceEnd = min(lastTitle + 1, firstClause)
    } else if firstClause < all.count, all[firstClause].clause?.kind == .preambular,
      let formula = all[..<firstClause].lastIndex(where: { $0.lines.joined().trimmingCharacters(in: .whitespaces).hasSuffix(",") })
    {
      // "The General Assembly," opens the preamble.
      prefaceEnd = formula
    }
    self.prefaceEnd = prefaceEnd
    let lastRecital = all.lastIndex { $0.clause?.kind == .preambular }
    preambleEnd = max(prefaceEnd, lastRecital.map { $0 + 1 } ?? prefaceEnd)
    main = Self.tree(all, from: preambleEnd)
    var order = Array(0..<preambleEnd)
    func walk(_ node: Node) {
      switch node.kind {
      case .clause(let index), .line(let index): order.append(index)
      case .article(_, let heading, let text):
        if let heading { order.append(heading) }
        if let text { order.append(text) }
      }
      node.children.forEach(walk)
    }
    main.forEach(walk)
    layoutOrder = order
  }

  /// The main body's nodes: each clause under its parent, each line where the next clause goes
  /// (inside the list that clause belongs to, or at the top), paragraphs of an article in it.
  private static func tree(_ all: [DraftPieces.Piece], from start: Int) -> [Node] {
    var top: [Node] = []
    var stack: [(key: ClauseKey, node: Node)] = []
    var article: (prefix: String, node: Node)?
    var pending: [Int] = []
    for index in all.indices.dropFirst(start) {
      guard let clause = all[index].clause else {
        pending.append(index)
        continue
      }
      while let last = stack.last, last.key != clause.parentKey { stack.removeLast() }
      let articlePrefix = clause.article == nil ? nil : clause.eId.components(separatedBy: "__").first
      if let parent = stack.last {
        parent.node.children += pending.map { Node(.line($0)) }
        pending = []
      } else if let articlePrefix {
        if articlePrefix != article?.prefix {
          // A new article: the heading line above its first clause heads it.
          let heading = pending.lastIndex { all[$0].lines.first?.lowercased().contains("article") == true }
          let before = heading.map { Array(pending[..<$0]) } ?? pending
          let after = heading.map { Array(pending[($0 + 1)...]) } ?? []
          top += before.map { Node(.line($0)) }
          let node = Node(.article(eId: articlePrefix, heading: heading.map { pending[$0] }, text: nil))
          node.children += after.map { Node(.line($0)) }
          top.append(node)
          article = (articlePrefix, node)
        } else if let open = article?.node {
          open.children += pending.map { Node(.line($0)) }
        }
        pending = []
      } else {
        top += pending.map { Node(.line($0)) }
        pending = []
        article = nil
      }
      if clause.kind == .articleText, stack.isEmpty, let open = article?.node,
        case .article(let eId, let heading, nil) = open.kind, open.children.isEmpty, clause.eId == eId
      {
        open.kind = .article(eId: eId, heading: heading, text: index)
        continue
      }
      let node = Node(.clause(index))
      if let parent = stack.last {
        parent.node.children.append(node)
      } else if articlePrefix != nil, let open = article?.node {
        open.children.append(node)
      } else {
        top.append(node)
      }
      stack.append((clause.key, node))
    }
    top += pending.map { Node(.line($0)) }
    return top
  }

  // MARK: Writing

  func write(_ xml: inout XMLWriter, version: DraftVersion, marks: BodyMarks = BodyMarks()) {
    let all = pieces.pieces
    if prefaceEnd > 0 || !marks.prefaceAfter.isEmpty {
      xml.start("preface")
      let date = version.draft.titleBlock?.writtenDate.flatMap(AkomaNtosoNames.day)
      for (index, piece) in all[..<prefaceEnd].enumerated() {
        xml.inline("p", [:], Self.prefaceLine(piece, titleDate: date, words: marks.preface[index]))
      }
      for line in marks.prefaceAfter { xml.inline("p", ["class": "redline"], line) }
      xml.end()
    }
    if preambleEnd > prefaceEnd {
      xml.start("preamble")
      var recitals = 0
      var open = false
      for piece in all[prefaceEnd..<preambleEnd] {
        if let clause = piece.clause {
          if !open {
            recitals += 1
            xml.start("recitals", ["eId": "preamble__recitals_\(recitals)"])
            open = true
          }
          for gone in marks.goneBefore[clause.eId] ?? [] { Self.write(gone, in: "recital", &xml) }
          xml.start("recital", ["eId": clause.eId, "wId": marks.wId[clause.eId] ?? clause.eId])
          if let num = marks.num[clause.eId] {
            xml.inline("num", [:], num)
          } else if let num = piece.num {
            xml.text("num", [:], num)
          }
          xml.inline("p", [:], marks.text[clause.eId] ?? Self.words(piece))
          xml.end()
        } else {
          if open { xml.end() }
          open = false
          xml.inline("p", [:], Self.words(piece))
        }
      }
      if open { xml.end() }
      xml.end()
    }
    xml.start("mainBody")
    if main.isEmpty, marks.goneAtEnd.isEmpty { xml.empty("p") }
    for node in main { write(node, top: true, marks, &xml) }
    for gone in marks.goneAtEnd { Self.write(gone, in: nil, &xml) }
    xml.end()
  }

  /// A clause the later draft no longer has where it stood: its number and words struck.
  private static func write(_ gone: BodyMarks.Gone, in element: String?, _ xml: inout XMLWriter) {
    let name =
      element
      ?? {
        switch gone.kind {
        case .paragraph, .preambular, .articleText, .option, .title, .unnumbered: "paragraph"
        case .subparagraph, .item: "point"
        }
      }()
    xml.start(name, ["eId": gone.eId, "wId": gone.wId, "class": "deleted"])
    if let num = gone.num { xml.inline("num", [:], num) }
    if name == "recital" {
      xml.inline("p", [:], gone.text)
    } else {
      xml.start("content")
      xml.inline("p", [:], gone.text)
      xml.end()
    }
    xml.end()
  }

  private func write(_ node: Node, top: Bool, _ marks: BodyMarks, _ xml: inout XMLWriter) {
    let all = pieces.pieces
    switch node.kind {
    case .line(let index):
      xml.inline(top ? "p" : "crossHeading", [:], Self.words(all[index]))
    case .article(let eId, let heading, let text):
      // Clauses gone from before an article's own text stand before the article.
      for gone in marks.goneBefore[eId] ?? [] { Self.write(gone, in: nil, &xml) }
      xml.start("article", ["eId": eId, "wId": eId])
      if let heading { xml.inline("heading", [:], Self.words(all[heading])) }
      hierarchy(text: text, children: node.children, list: nil, marks, &xml)
      xml.end()
    case .clause(let index):
      let piece = all[index]
      guard let clause = piece.clause else { return }
      let name =
        switch clause.kind {
        case .paragraph, .preambular, .articleText, .option, .title, .unnumbered: "paragraph"
        case .subparagraph, .item: "point"
        }
      for gone in marks.goneBefore[clause.eId] ?? [] { Self.write(gone, in: nil, &xml) }
      xml.start(name, ["eId": clause.eId, "wId": marks.wId[clause.eId] ?? clause.eId])
      if let num = marks.num[clause.eId] {
        xml.inline("num", [:], num)
      } else if let num = piece.num {
        xml.text("num", [:], num)
      }
      hierarchy(text: index, children: node.children, list: clause.eId + "__list_1", marks, &xml)
      xml.end()
    }
  }

  /// `content` for a clause with nothing under it; else `intro`, then the clauses under it (in a
  /// `list` for a paragraph or point, directly in an article), lines between them as `crossHeading`.
  private func hierarchy(text: Int?, children: [Node], list: String?, _ marks: BodyMarks, _ xml: inout XMLWriter) {
    let all = pieces.pieces
    func words(_ index: Int) -> Inline { all[index].clause.flatMap { marks.text[$0.eId] } ?? Self.words(all[index]) }
    guard !children.isEmpty else {
      xml.start("content")
      xml.inline("p", [:], text.map(words) ?? Inline())
      xml.end()
      return
    }
    if let text {
      xml.start("intro")
      xml.inline("p", [:], words(text))
      xml.end()
    }
    if let list { xml.start("list", ["eId": list, "wId": list]) }
    for child in children { write(child, top: false, marks, &xml) }
    if list != nil { xml.end() }
  }

  /// A piece's words: its lines with `<eol/>` between them; characters XML cannot carry become
  /// U+FFFD here and the piece's hint keeps the exact text.
  static func words(_ piece: DraftPieces.Piece) -> Inline {
    var inline = Inline()
    for (index, line) in piece.lines.enumerated() {
      if index > 0 { inline.element("eol") }
      inline.append(XMLText.replacingIllegal(line))
    }
    return inline
  }

  /// A preface line: the title block's parts marked as such.
  static func prefaceLine(_ piece: DraftPieces.Piece, titleDate: String?, words marked: Inline? = nil) -> Inline {
    let words = marked ?? words(piece)
    var inline = Inline()
    switch piece.kind {
    case .title(.subject): inline.element("docTitle", [:], words)
    case .title(.title): inline.element("docStage", [:], words)
    case .title(.dateLine):
      guard let titleDate else { return words }
      inline.element("docDate", ["date": titleDate], words)
    default: return words
    }
    return inline
  }
}
