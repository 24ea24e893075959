import AmendKit

/// Word documents (WordprocessingML, .docx): the clean draft, the compilation with every pending
/// proposal as a tracked change, and the redline between two drafts. See docs/DOCUMENTS-word.md.
enum WordDocument {
  static func render(_ content: DocumentContent, options: DocumentOptions = DocumentOptions()) throws -> [UInt8] {
    var body: WordBody
    switch content {
    case let .draft(version, _):
      // With line numbers, the lines and pages are amend's (WordPagedDraft), so Word counts what citations name.
      body =
        options.lineNumbers
        ? WordPagedDraft.body(version) : WordDraft.body(version.draft, title: WordDraft.title(of: version.draft, number: version.number))
    case let .compilation(version, proposals, _):
      body = WordCompilation.body(version, proposals: proposals, pages: options.lineNumbers ? PagedLayout(version.draft) : nil)
    case let .comparison(comparison, snapshot):
      body = try WordComparison.body(comparison, in: snapshot)
    case .proposal:
      throw DocumentError.formatNotOffered(format: .docx, content: content.kind, offered: [.html, .akn])
    case .history, .blame:
      throw DocumentError.formatNotOffered(format: .docx, content: content.kind, offered: [.html])
    }
    body.lineNumbers = options.lineNumbers
    return try WordPackage.zip(body)
  }
}
