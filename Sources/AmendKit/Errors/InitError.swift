import DraftText
import GitStore

/// A draft text given to `initialise` is refused, or the repository cannot be made.
public enum InitError: Error, Equatable, Sendable {
  /// There is no file at `path`.
  case sourceMissing(String)
  /// The file at `path` exists but cannot be read.
  case sourceUnreadable(String)
  /// The file at `path` is empty.
  case sourceEmpty(String)
  /// The file at `path` is binary or not UTF-8.
  case sourceNotText(String)
  /// The file at `path` does not parse as a draft.
  case sourceNotDraft(String, DraftError)
  /// The file at `path` was to be read as XML (Akoma Ntoso) and is not well-formed; `reason` is the parser's.
  case sourceNotXML(String, reason: String)
  /// The XML file at `path` is not an Akoma Ntoso document: its root element is `root`.
  case sourceNotAkomaNtoso(String, root: String)
  /// The Akoma Ntoso document at `path` has no body (`mainBody` or `body`) with text to negotiate.
  case sourceWithoutBody(String)
  /// The draft number asked for is outside 1…999.
  case numberOutOfRange(Int)
  /// The folder could not be created; `reason` is the file system's.
  case cannotCreateFolder(String, reason: String)
  /// The folder could not be made a git repository.
  case cannotCreateRepository(String, GitError)
  /// The repository already holds a negotiation, whose draft is at `existing`.
  case alreadyNegotiation(existing: String)
}
