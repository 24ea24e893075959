/// Why a document could not be made.
public enum DocumentError: Error, Equatable, Sendable {
  /// The format is not made for this kind of content (for example a PDF of one proposal).
  case formatNotOffered(format: DocumentFormat, content: String, offered: [DocumentFormat])
  /// No program to print HTML to PDF: none of chromium, chromium-browser, google-chrome on PATH, or the
  /// program `AMEND_CHROMIUM` names (`named`) is not there.
  case noPDFEngine(named: String?)
  /// The PDF engine ran but gave no PDF: it failed, or did not finish within the time allowed.
  case pdfEngineFailed(engine: String, reason: String)
}
