extension WordBody {
  /// word/document.xml: the paragraphs, then the section (A4, margins, the footer with the page number).
  func documentXML() -> String {
    var ids = RevisionIDs(next: comments.count)
    var body = ""
    for paragraph in paragraphs { body += paragraph.xml(&ids) }
    let section = WordXML.element(
      "w:sectPr", [],
      WordXML.element("w:footerReference", [("w:type", "default"), ("r:id", WordPackage.footerRelationship)])
        + WordXML.element("w:pgSz", [("w:w", "11906"), ("w:h", "16838")])
        + WordXML.element(
          "w:pgMar",
          [
            ("w:top", "1418"), ("w:right", "1418"), ("w:bottom", "1418"), ("w:left", "1418"),
            ("w:header", "709"), ("w:footer", "709"), ("w:gutter", "0"),
          ])
        + (lineNumbers ? WordXML.element("w:lnNumType", [("w:countBy", "1"), ("w:distance", "284"), ("w:restart", "newPage")]) : ""))
    return WordXML.declaration
      + WordXML.element(
        "w:document", [("xmlns:w", WordXML.main), ("xmlns:r", WordXML.relationships)],
        WordXML.element("w:body", [], body + section))
  }

  /// word/comments.xml, or nil without comments.
  func commentsXML() -> String? {
    guard !comments.isEmpty else { return nil }
    var out = ""
    for comment in comments {
      var attributes = [("w:id", String(comment.id)), ("w:author", comment.author)]
      if let date = comment.date { attributes.append(("w:date", date)) }
      attributes.append(("w:initials", comment.initials))
      var paragraphs = ""
      for (index, text) in comment.paragraphs.enumerated() {
        let style = WordXML.element("w:pPr", [], WordXML.element("w:pStyle", [("w:val", "CommentText")]))
        // The first paragraph carries the mark that ties the comment to its reference in the text.
        let mark =
          index == 0
          ? WordXML.element(
            "w:r", [], WordXML.element("w:rPr", [], WordXML.element("w:rStyle", [("w:val", "CommentReference")])) + "<w:annotationRef/>")
          : ""
        paragraphs += WordXML.element("w:p", [], style + mark + WordRun.xml(text, revision: nil))
      }
      out += WordXML.element("w:comment", attributes, paragraphs)
    }
    return WordXML.declaration + WordXML.element("w:comments", [("xmlns:w", WordXML.main)], out)
  }
}

/// The ids of tracked changes, after the comments' (one counter: every annotation id is unique).
struct RevisionIDs {
  var next: Int

  mutating func take() -> Int {
    defer { next += 1 }
    return next
  }
}

extension WordRevision {
  /// The attributes Word reads the change's author and date from.
  func attributes(_ ids: inout RevisionIDs) -> [(String, String)] {
    var attributes = [("w:id", String(ids.take())), ("w:author", author)]
    if let date { attributes.append(("w:date", date)) }
    return attributes
  }

  var elementName: String { kind == .inserted ? "w:ins" : "w:del" }
}

extension WordParagraph {
  func xml(_ ids: inout RevisionIDs) -> String {
    var properties = WordXML.element("w:pStyle", [("w:val", style)])
    if let mark {
      properties += WordXML.element("w:rPr", [], WordXML.element(mark.elementName, mark.attributes(&ids)))
    }
    var content = ""
    for inline in merged {
      switch inline {
      case let .text(text, revision):
        guard let revision else {
          content += WordRun.xml(text, revision: nil)
          continue
        }
        content += WordXML.element(revision.elementName, revision.attributes(&ids), WordRun.xml(text, revision: revision))
      case .commentStart(let id):
        content += WordXML.element("w:commentRangeStart", [("w:id", String(id))])
      case .commentEnd(let id):
        content += WordXML.element("w:commentRangeEnd", [("w:id", String(id))])
      case .commentReference(let id):
        content += WordXML.element(
          "w:r", [],
          WordXML.element("w:rPr", [], WordXML.element("w:rStyle", [("w:val", "CommentReference")]))
            + WordXML.element("w:commentReference", [("w:id", String(id))]))
      }
    }
    return WordXML.element("w:p", [], WordXML.element("w:pPr", [], properties) + content)
  }

  /// Neighbouring texts with the same revision as one run (one change, as Word itself writes it);
  /// empty texts left out.
  var merged: [WordInline] {
    var out: [WordInline] = []
    for inline in inlines {
      if case .text(let text, let revision) = inline {
        if text.isEmpty { continue }
        if case .text(let previous, let previousRevision)? = out.last, previousRevision == revision {
          out[out.count - 1] = .text(previous + text, revision)
          continue
        }
      }
      out.append(inline)
    }
    return out
  }
}

/// One run of text: `w:t` (or `w:delText` in a deletion) cut at tabs and line breaks.
enum WordRun {
  static func xml(_ text: String, revision: WordRevision?) -> String {
    let tag = revision?.kind == .deleted ? "w:delText" : "w:t"
    var inner = ""
    var pending = ""
    func flush() {
      if !pending.isEmpty { inner += WordXML.text(tag, [("xml:space", "preserve")], pending) }
      pending = ""
    }
    for character in text {
      switch character {
      case "\t":
        flush()
        inner += "<w:tab/>"
      case "\n", "\r\n":
        flush()
        inner += "<w:br/>"
      case "\r":
        continue
      default:
        pending.append(character)
      }
    }
    flush()
    return WordXML.element("w:r", [], inner)
  }
}
