import Documents

extension Messages {
  static func document(_ error: DocumentError) -> String {
    switch error {
    case .formatNotOffered(let format, let content, let offered):
      let others = offered.isEmpty ? "" : "; \(content) is made as \(offered.map(\.rawValue).joined(separator: ", "))"
      return "\(content) is not made as \(format.rawValue)\(others)"
    case .noPDFEngine(nil):
      return "no PDF engine found: install Debian's chromium package (apt-get install chromium), or set AMEND_CHROMIUM"
    case .noPDFEngine(let named?):
      return "no PDF engine found: AMEND_CHROMIUM names '\(pdfLine(named))', which is not a program here; "
        + "install Debian's chromium package (apt-get install chromium), or set AMEND_CHROMIUM to its path"
    case .pdfEngineFailed(let engine, let reason):
      return "the PDF engine \(pdfLine(engine)) failed: \(pdfLine(reason)); "
        + "try again, or set AMEND_CHROMIUM to another Chromium"
    }
  }

  /// An engine's path or reason on one line (a refusal is one line).
  private static func pdfLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
