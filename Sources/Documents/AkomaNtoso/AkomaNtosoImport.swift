import AmendKit
import Foundation

/// Reads an Akoma Ntoso document as a draft's text, for `amend init --from FILE.xml`.
///
/// Its own export (`amend show --format akn`) comes back byte for byte: the words are read from the
/// structure and the layout from the `amend:layout` hints in `meta/proprietary`. Any other Akoma
/// Ntoso document (3.0, or 2.0 such as the UN's draft resolutions: the namespace is not checked)
/// becomes a plain text draft: the preface (or cover page) one line a paragraph, then the preamble's
/// paragraphs and recitals, then the body's numbered paragraphs and points with their `num`, a blank
/// line between each; footnotes (`authorialNote`) are left out and `omissis` reads "…".
public enum AkomaNtosoImport {
  /// Whether `path` is to be read as an Akoma Ntoso document: its name ends in `.xml` or `.akn`, or
  /// it begins with an XML declaration.
  public static func isDocument(path: String) -> Bool {
    let lower = path.lowercased()
    if lower.hasSuffix(".xml") || lower.hasSuffix(".akn") { return true }
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 64)) ?? Data()
    return String(decoding: head, as: UTF8.self).drop { $0 == "\u{FEFF}" || $0.isWhitespace }.hasPrefix("<?xml")
  }

  /// The draft's text in the Akoma Ntoso document at `path`.
  ///
  /// - Throws: what ``text(from:path:)`` throws, and ``InitError/sourceMissing(_:)``,
  ///   ``InitError/sourceUnreadable(_:)``, ``InitError/sourceEmpty(_:)``.
  public static func text(path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FileManager.default.fileExists(atPath: path) ? InitError.sourceUnreadable(path) : InitError.sourceMissing(path)
    }
    guard !data.isEmpty else { throw InitError.sourceEmpty(path) }
    return try text(from: data, path: path)
  }

  /// The draft's text in the Akoma Ntoso document `data`, read from `path`.
  ///
  /// - Throws: ``InitError/sourceNotXML(_:reason:)``, ``InitError/sourceNotAkomaNtoso(_:root:)``,
  ///   ``InitError/sourceWithoutBody(_:)``.
  public static func text(from data: Data, path: String) throws -> String {
    let root: XMLTree
    do {
      root = try XMLTree.parse(data)
    } catch let failure as XMLTree.Failure {
      throw InitError.sourceNotXML(path, reason: failure.reason)
    }
    guard root.name == "akomaNtoso" else { throw InitError.sourceNotAkomaNtoso(path, root: root.name) }
    guard let document = root.elements.first(where: { $0.first("mainBody") != nil || $0.first("body") != nil }),
      let body = document.first("mainBody") ?? document.first("body")
    else { throw InitError.sourceWithoutBody(path) }
    var reader = Reader()
    for part in document.elements {
      switch part.name {
      case "coverPage", "preface", "preamble": reader.region(part)
      case "mainBody", "body": reader.region(body)
      default: continue
      }
    }
    guard reader.pieces.contains(where: { $0.region > 0 }) else { throw InitError.sourceWithoutBody(path) }
    if let layout = document.first("meta")?.elements.filter({ $0.name == "proprietary" })
      .flatMap(\.elements).first(where: { $0.name == "layout" && $0.namespace == AkomaNtosoNames.layoutNamespace }),
      let hints = LayoutHints.read(layout), hints.hints.count == reader.pieces.count
    {
      return exact(reader.pieces, hints)
    }
    return plain(reader.pieces)
  }

  /// A piece of text read from the structure: a clause (with its number, if any) or a line.
  struct Piece {
    var num: String?
    var lines: [String]
    var isClause: Bool
    /// Which part of the document it came from (0 cover page and preface, 1 preamble, 2 body).
    var region: Int
  }

  /// The text of the document's own export, with its layout.
  static func exact(_ pieces: [Piece], _ layout: LayoutHints) -> String {
    var text = ""
    for (piece, hint) in zip(pieces, layout.hints) {
      let lines = hint.raw ?? piece.lines
      let made = DraftPieces.Piece(
        kind: .line, num: piece.num, lines: lines,
        layout: DraftPieces.Layout(gap: hint.gap, lead: hint.lead, separator: hint.separator, endings: hint.endings))
      text += made.source
    }
    return text + layout.tail
  }

  /// The text of any other document: one line a preface paragraph, a blank line between the others.
  static func plain(_ pieces: [Piece]) -> String {
    var text = ""
    var previous: Piece?
    for piece in pieces {
      let words = normalised(piece.lines.joined(separator: " "))
      guard !words.isEmpty || piece.num != nil else { continue }
      if let previous {
        text += previous.region == 0 && piece.region == 0 ? "\n" : "\n\n"
      }
      text += [normalised(piece.num ?? ""), words].filter { !$0.isEmpty }.joined(separator: " ")
      previous = piece
    }
    return text + "\n"
  }

  /// Runs of whitespace as one space, none at either end.
  static func normalised(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Walks the structure in document order, collecting pieces.
  struct Reader {
    var pieces: [Piece] = []
    private var region = 0

    /// Elements that hold a numbered or unnumbered clause of a hierarchy.
    static let hierarchical: Set<String> = [
      "article", "paragraph", "subparagraph", "point", "list", "sublist", "indent", "alinea", "clause", "subclause",
      "section", "subsection", "part", "subpart", "chapter", "subchapter", "title", "subtitle", "book", "tome",
      "division", "subdivision", "rule", "subrule", "proviso", "transitional", "hcontainer", "level",
    ]

    mutating func region(_ element: XMLTree) {
      switch element.name {
      case "preamble": region = 1
      case "mainBody", "body": region = 2
      default: region = 0
      }
      children(of: element)
    }

    private mutating func children(of element: XMLTree) {
      for child in element.elements { walk(child) }
    }

    private mutating func walk(_ element: XMLTree) {
      switch element.name {
      case "p" where region == 0 && Self.titleParts(element).count > 1:
        // "United Nations / Economic and Social Council", a proponent and a title: each its own line.
        for part in Self.titleParts(element) { line(Self.lines(part)) }
      case "p", "crossHeading", "heading", "subheading",
        "longTitle" where !Self.hasBlocks(element):
        line(Self.lines(element))
      case "recital":
        clause(num: element.first("num").map { Self.lines($0).joined(separator: " ") }, Self.blockLines(element, skipping: ["num"]))
      case _ where Self.hierarchical.contains(element.name):
        hierarchy(element)
      case "authorialNote", "meta", "num", "componentRef", "toc":
        return
      default:
        if Self.holdsStructure(element) {
          children(of: element)
        } else {
          line(Self.lines(element))
        }
      }
    }

    private mutating func hierarchy(_ element: XMLTree) {
      let num = element.first("num").map { Self.lines($0).joined(separator: " ") }
      let heading = element.first("heading").map { Self.lines($0).joined(separator: " ") }
      let text = (element.first("content") ?? element.first("intro")).map { Self.blockLines($0, skipping: []) }
      if element.name == "article" {
        if num != nil || heading != nil {
          line([num.map { "## " + $0 + (heading.map { " " + $0 } ?? "") } ?? heading ?? ""])
        }
        if let text { clause(num: nil, text) }
      } else if element.name == "list" {
        if let text { line(text) }
      } else {
        if let heading { line([num.map { $0 + " " + heading } ?? heading]) }
        if let text {
          clause(num: heading == nil ? num : nil, text)
        } else if heading == nil, let num {
          clause(num: num, [""])
        }
      }
      for child in element.elements where !["num", "heading", "subheading", "content", "intro"].contains(child.name) {
        walk(child)
      }
    }

    private mutating func line(_ lines: [String]) {
      guard !lines.joined().isEmpty else { return }
      pieces.append(Piece(num: nil, lines: lines, isClause: false, region: region))
    }

    private mutating func clause(num: String?, _ lines: [String]) {
      pieces.append(Piece(num: num, lines: lines.isEmpty ? [""] : lines, isClause: true, region: region))
    }

    /// Whether paragraphs, recitals or hierarchical elements stand anywhere inside an element:
    /// then it is walked, else its text is one line.
    static func holdsStructure(_ element: XMLTree) -> Bool {
      element.elements.contains { child in
        child.name == "p" || child.name == "recital" || hierarchical.contains(child.name) || holdsStructure(child)
      }
    }

    /// The title-block parts a preface paragraph is made of, when it is made of nothing else.
    static func titleParts(_ element: XMLTree) -> [XMLTree] {
      let names: Set<String> = [
        "docType", "docTitle", "docNumber", "docProponent", "docDate", "docStage", "docStatus", "docIntroducer",
        "docAuthority", "docCommittee", "docPurpose", "session", "legislature", "docketNumber", "shortTitle",
      ]
      var parts: [XMLTree] = []
      for child in element.children {
        switch child {
        case .text(let text): if !normalised(text).isEmpty { return [] }
        case .element(let inner):
          if names.contains(inner.name) {
            parts.append(inner)
          } else if inner.name != "authorialNote" {
            return []
          }
        }
      }
      return parts
    }

    /// Whether an element holds block elements (paragraphs), rather than text.
    static func hasBlocks(_ element: XMLTree) -> Bool {
      element.elements.contains { ["p", "blockList", "ul", "ol", "table", "block", "tblock", "blockContainer", "container"].contains($0.name) }
    }

    /// The lines of the blocks in a container (a clause's `content`, a recital): the lines of each
    /// paragraph, paragraphs after the first running on after a space.
    static func blockLines(_ element: XMLTree, skipping: Set<String>) -> [String] {
      var lines: [String] = []
      for child in element.elements where !skipping.contains(child.name) && child.name != "authorialNote" {
        let more = hasBlocks(child) ? blockLines(child, skipping: []) : Self.lines(child)
        guard !more.isEmpty else { continue }
        if lines.isEmpty {
          lines = more
        } else {
          lines[lines.count - 1] += " " + more[0]
          lines += more.dropFirst()
        }
      }
      return lines
    }

    /// The text of an inline element, cut at each `<eol/>`; notes left out, `omissis` as "…".
    static func lines(_ element: XMLTree) -> [String] {
      var lines = [""]
      func add(_ node: XMLTree) {
        for child in node.children {
          switch child {
          case .text(let text): lines[lines.count - 1] += text
          case .element(let inner):
            switch inner.name {
            case "eol", "br": lines.append("")
            case "authorialNote", "noteRef": continue
            case "omissis": lines[lines.count - 1] += "…"
            default: add(inner)
            }
          }
        }
      }
      add(element)
      return lines
    }
  }
}
