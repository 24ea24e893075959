/// Akoma Ntoso 3.0 (AKN4UN naming): a draft as a `statement`, a proposal as an `amendment`.
enum AkomaNtosoDocument {
  static func render(_ content: DocumentContent) throws -> [UInt8] {
    switch content {
    case .draft(let version, let snapshot): return try AkomaNtosoDraft.render(version, in: snapshot)
    case .proposal(let proposal, let snapshot): return try AkomaNtosoAmendment.render(proposal, in: snapshot)
    case .compilation, .comparison:
      throw DocumentError.formatNotOffered(format: .akn, content: content.kind, offered: [.html, .pdf, .docx])
    case .history, .blame:
      throw DocumentError.formatNotOffered(format: .akn, content: content.kind, offered: [.html])
    }
  }
}
