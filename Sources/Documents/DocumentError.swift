/// Why a document could not be made.
public enum DocumentError: Error, Equatable, Sendable {
  /// The format is not made for this kind of content (for example a PDF of one proposal).
  case formatNotOffered(format: DocumentFormat, content: String, offered: [DocumentFormat])
}
