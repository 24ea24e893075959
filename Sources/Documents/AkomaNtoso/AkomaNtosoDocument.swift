// SKELETON: replaced by the helper who owns this format before it merges.
enum AkomaNtosoDocument {
  static func render(_ content: DocumentContent) throws -> [UInt8] {
    throw DocumentError.formatNotOffered(format: .akn, content: content.kind, offered: [])
  }
}
