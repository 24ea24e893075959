import AmendKit

/// What a document shows: one of the record's views, with the snapshot it was read from (for the
/// metadata a format wants: the other drafts, the numbering tables, who tabled what and when).
public enum DocumentContent {
  /// A numbered draft, clean (`amend show`).
  case draft(DraftVersion, in: Snapshot)
  /// The current draft with every pending proposal under its clause (`amend compile`).
  case compilation(DraftVersion, proposals: [MarshalledProposal], in: Snapshot)
  /// The redline between two drafts, each change attributed (`amend diff`).
  case comparison(DraftComparison, in: Snapshot)
  /// One proposal with the redline of its effect (`amend proposal`).
  case proposal(MarshalledProposal, in: Snapshot)
  /// Every version of a clause (`amend history`).
  case history(ClauseHistory, in: Snapshot)
  /// Who wrote which words of a clause (`amend blame`).
  case blame(ClauseBlame, in: Snapshot)

  /// The content's kind in words, for a refusal.
  public var kind: String {
    switch self {
    case .draft: "a draft"
    case .compilation: "the compilation"
    case .comparison: "a redline between drafts"
    case .proposal: "a proposal"
    case .history: "a clause's history"
    case .blame: "a clause's blame"
    }
  }
}

/// How a document is laid out, beyond what it shows.
public struct DocumentOptions: Sendable {
  /// Line numbers, as parliaments print them: the draft's own line numbers beside each line in HTML (and
  /// in the compilation printed as PDF); the draft as PDF or Word on amend's numbered pages (`PagedLayout`,
  /// numbering from 1 on each page, Word's line numbering restarting on each page); in a compilation, each
  /// proposal cited by page and line of that printed draft.
  public var lineNumbers: Bool

  public init(lineNumbers: Bool = false) { self.lineNumbers = lineNumbers }
}

/// The one entry point: a view of the record as a document's bytes.
public enum Documents {
  public static func render(
    _ content: DocumentContent, as format: DocumentFormat, options: DocumentOptions = DocumentOptions()
  ) throws -> [UInt8] {
    switch format {
    case .html: try HTMLDocument.render(content, options: options)
    case .pdf: try PDFDocument.render(content, options: options)
    case .docx: try WordDocument.render(content, options: options)
    case .akn: try AkomaNtosoDocument.render(content)
    }
  }
}
