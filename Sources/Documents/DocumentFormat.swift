/// The formats of the documents people circulate, beside the text and JSON every command prints.
public enum DocumentFormat: String, CaseIterable, Sendable {
  /// One standalone HTML file: anchors by Akoma Ntoso eId, `<ins>`/`<del>` with the delegation, an A4 print style.
  case html
  /// The HTML, printed to PDF by a real engine found on the machine.
  case pdf
  /// WordprocessingML, with pending proposals and redlines as real Word tracked changes.
  case docx
  /// Akoma Ntoso 3.0 (AKN4UN naming), valid against the official schema.
  case akn

  /// Whether the document is bytes that a terminal cannot show (written with `--output` only).
  public var isBinary: Bool { self == .pdf || self == .docx }

  /// The usual file extension.
  public var fileExtension: String {
    switch self {
    case .html: "html"
    case .pdf: "pdf"
    case .docx: "docx"
    case .akn: "xml"
    }
  }
}
