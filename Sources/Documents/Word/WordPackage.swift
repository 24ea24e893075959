import Foundation
import ZIPFoundation

/// The .docx package: the parts of a WordprocessingML document, zipped in memory with fixed entry
/// dates, so that the same record always gives the same bytes.
enum WordPackage {
  static let footerRelationship = "rIdFooter1"

  /// Every entry's modification date: the DOS epoch, 1 January 1980 00:00 UTC (never the clock).
  static let entryDate = Date(timeIntervalSince1970: 315_532_800)

  /// The parts, in the order they are zipped ([Content_Types].xml first, as Word writes it).
  static func parts(_ body: WordBody) -> [(path: String, xml: String)] {
    let comments = body.commentsXML()
    var parts: [(path: String, xml: String)] = [
      ("[Content_Types].xml", contentTypes(comments: comments != nil)),
      ("_rels/.rels", packageRelationships),
      ("docProps/core.xml", core(title: body.title)),
      ("word/document.xml", body.documentXML()),
      ("word/_rels/document.xml.rels", documentRelationships(comments: comments != nil)),
      ("word/styles.xml", WordPagedDraft.uses(body) ? WordPagedDraft.adding(to: WordStyles.xml) : WordStyles.xml),
      ("word/settings.xml", settings),
      ("word/footer1.xml", footer),
    ]
    if let comments { parts.append(("word/comments.xml", comments)) }
    return parts
  }

  /// The zipped package.
  static func zip(_ body: WordBody) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for part in parts(body) {
      let data = Data(part.xml.utf8)
      try archive.addEntry(
        with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
        permissions: 0o644, compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw WordPackageError.notWritten }
    return [UInt8](data)
  }

  static func contentTypes(comments: Bool) -> String {
    let wordML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    var overrides: [(String, String)] = [
      ("/word/document.xml", wordML + "document.main+xml"),
      ("/word/styles.xml", wordML + "styles+xml"),
      ("/word/settings.xml", wordML + "settings+xml"),
      ("/word/footer1.xml", wordML + "footer+xml"),
      ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ]
    if comments { overrides.append(("/word/comments.xml", wordML + "comments+xml")) }
    let defaults =
      WordXML.element("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
      + WordXML.element("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
    let listed = overrides.map { WordXML.element("Override", [("PartName", $0.0), ("ContentType", $0.1)]) }.joined()
    return WordXML.declaration
      + WordXML.element("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")], defaults + listed)
  }

  static func relationships(_ list: [(id: String, type: String, target: String)]) -> String {
    let items = list.map { WordXML.element("Relationship", [("Id", $0.id), ("Type", $0.type), ("Target", $0.target)]) }
    return WordXML.declaration
      + WordXML.element("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")], items.joined())
  }

  static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

  static let packageRelationships = relationships([
    ("rId1", officeRelationships + "officeDocument", "word/document.xml"),
    ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
  ])

  static func documentRelationships(comments: Bool) -> String {
    var list: [(id: String, type: String, target: String)] = [
      ("rIdStyles", officeRelationships + "styles", "styles.xml"),
      ("rIdSettings", officeRelationships + "settings", "settings.xml"),
      (footerRelationship, officeRelationships + "footer", "footer1.xml"),
    ]
    if comments { list.append(("rIdComments", officeRelationships + "comments", "comments.xml")) }
    return relationships(list)
  }

  /// docProps/core.xml: the title, and amend as the creator.
  static func core(title: String) -> String {
    WordXML.declaration
      + WordXML.element(
        "cp:coreProperties",
        [
          ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
          ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ],
        WordXML.text("dc:title", [], title) + WordXML.text("dc:creator", [], "amend"))
  }

  /// word/settings.xml: Word 2013+ layout, a half-inch default tab, changes shown as they are.
  static let settings =
    WordXML.declaration
    + WordXML.element(
      "w:settings", [("xmlns:w", WordXML.main)],
      WordXML.element("w:zoom", [("w:percent", "100")])
        + WordXML.element("w:defaultTabStop", [("w:val", "720")])
        + WordXML.element("w:characterSpacingControl", [("w:val", "doNotCompress")])
        + WordXML.element(
          "w:compat", [],
          WordXML.element(
            "w:compatSetting",
            [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])))

  /// word/footer1.xml: the page number, centred (a PAGE field, which Word and LibreOffice fill in).
  static let footer =
    WordXML.declaration
    + WordXML.element(
      "w:ftr", [("xmlns:w", WordXML.main)],
      WordXML.element(
        "w:p", [],
        WordXML.element("w:pPr", [], WordXML.element("w:pStyle", [("w:val", "Footer")]))
          + WordXML.element("w:r", [], WordXML.element("w:fldChar", [("w:fldCharType", "begin")]))
          + WordXML.element("w:r", [], WordXML.text("w:instrText", [("xml:space", "preserve")], " PAGE "))
          + WordXML.element("w:r", [], WordXML.element("w:fldChar", [("w:fldCharType", "separate")]))
          + WordXML.element("w:r", [], WordXML.text("w:t", [], "1"))
          + WordXML.element("w:r", [], WordXML.element("w:fldChar", [("w:fldCharType", "end")]))))
}

/// The in-memory archive gave back no bytes (ZIPFoundation's memory mode failed).
enum WordPackageError: Error {
  case notWritten
}
