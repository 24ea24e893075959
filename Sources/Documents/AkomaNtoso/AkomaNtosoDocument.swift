/// Akoma Ntoso 3.0 (AKN4UN naming): a draft as a `statement`, a proposal as an `amendment`, the
/// compilation as an `amendmentList`, a redline as the later draft's `statement` with its changes marked.
enum AkomaNtosoDocument {
  static func render(_ content: DocumentContent) throws -> [UInt8] {
    switch content {
    case .draft(let version, let snapshot): return try AkomaNtosoDraft.render(version, in: snapshot)
    case .proposal(let proposal, let snapshot): return try AkomaNtosoAmendment.render(proposal, in: snapshot)
    case .compilation(let version, let proposals, let snapshot):
      return try AkomaNtosoCompilation.render(version, proposals: proposals, in: snapshot)
    case .comparison(let comparison, let snapshot): return try AkomaNtosoRedline.render(comparison, in: snapshot)
    case .history, .blame:
      throw DocumentError.formatNotOffered(format: .akn, content: content.kind, offered: [.html])
    }
  }
}
