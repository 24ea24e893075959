import DraftText

/// Brackets around an article's heading ("## [Article 3bis] *(REDD-plus)*"): the article as a whole is
/// not agreed. `--remove-brackets` tabled on the heading lifts them; its title is the retitle's
/// (docs/TREATIES.md).
enum HeadingBrackets {
  /// Whether `operation`, tabled on `clause`, lifts the brackets of an article's heading.
  static func lifts(_ operation: ProposalOperation, on clause: Clause) -> Bool {
    guard clause.id.isHeading, case .brackets(.removeBrackets, nil) = operation else { return false }
    return true
  }

  /// The heading as it reads: "[Article 3bis] *(REDD-plus)*".
  static func line(_ heading: Clause) -> String {
    String((heading.marker + heading.text).drop { $0 == "#" || $0 == " " })
  }

  /// The heading with its brackets lifted; nil when its number is not bracketed.
  static func lifted(_ heading: Clause) -> String? { Draft.unbracketed(line(heading)) }
}
