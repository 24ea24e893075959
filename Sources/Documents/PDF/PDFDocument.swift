/// PDF documents: the HTML page of a draft, the compilation or a redline between drafts, printed on A4
/// by headless Chromium (``ChromiumEngine``). The other views are pages to read on screen, made as HTML.
public enum PDFDocument {
  /// The PDF of `content`, printed by `engine` (by default the one found on the machine).
  public static func render(
    _ content: DocumentContent, engine: ChromiumEngine? = nil, options: DocumentOptions = DocumentOptions()
  ) throws -> [UInt8] {
    switch content {
    case .draft, .compilation, .comparison: break
    case .proposal: throw DocumentError.formatNotOffered(format: .pdf, content: content.kind, offered: [.html, .akn])
    case .history, .blame: throw DocumentError.formatNotOffered(format: .pdf, content: content.kind, offered: [.html])
    }
    // Find the engine before making the page: a machine without one is told so at once.
    let printer = try engine ?? ChromiumEngine.find()
    // With line numbers the draft is printed on amend's own pages, numbered from 1 on each (PagedDraftPage).
    if options.lineNumbers, case .draft(let version, _) = content { return try printer.printToPDF(html: PagedDraftPage.page(version)) }
    return try printer.printToPDF(html: HTMLDocument.page(for: content, options: options))
  }

  static func render(_ content: DocumentContent, options: DocumentOptions) throws -> [UInt8] {
    try render(content, engine: nil, options: options)
  }
}
