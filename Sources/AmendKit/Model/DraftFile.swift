import DraftText
import Foundation

/// Where a numbered draft lives in the repository: `drafts/07-seventh-draft.md`, with its numbering
/// table beside it.
public struct DraftFile: Equatable, Sendable {
  /// The draft's number.
  public var number: Int
  /// The file's path in the repository.
  public var path: String

  /// The file of draft `number`, at its usual path.
  public init(number: Int) {
    self.number = number
    self.path = "drafts/" + Ordinal.draftFileName(number)
  }

  init(number: Int, path: String) {
    self.number = number
    self.path = path
  }

  /// `drafts/08-eighth-draft.numbering.yaml`.
  public var numberingPath: String {
    String(path.dropLast(".md".count)) + ".numbering.yaml"
  }

  /// The draft a file name in `drafts/` stands for, if it is one: "07-seventh-draft.md" → 7.
  static func parse(name: String) -> DraftFile? {
    guard name.hasSuffix("-draft.md"), let dash = name.firstIndex(of: "-"),
      let number = Int(name[..<dash]), number > 0
    else { return nil }
    return DraftFile(number: number, path: "drafts/" + name)
  }
}
