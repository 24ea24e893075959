import AmendKit
import DraftText

extension Messages {
  /// A global amendment (`propose --throughout`) refused.
  static func throughout(_ error: GlobalAmendmentError) -> String {
    switch error {
    case .wordsNowhere(let words, let draft):
      return "the words '\(words)' occur nowhere in the \(ordinal(draft)) draft: copy them exactly from 'amend show' "
        + "(whole words, matching upper and lower case)"
    case .replacedWithItself(let words):
      return "'\(words)' would be replaced with itself throughout the text: give different words with --with"
    case .leavesNoText(let words, let clause):
      return "deleting '\(words)' throughout the text would leave \(clause.display) with no text: "
        + "table the deletion of \(clause.display) with --delete-clause, and narrower words for the rest"
    case .oralRevision(let proposal):
      return "\(proposal) is a global amendment: it cannot be accepted as orally revised, since it changes many clauses; "
        + "accept it as tabled, or reject it and have the new wording tabled"
    case .cannotRevise(let proposal):
      return "\(proposal) is a global amendment: withdraw it ('amend withdraw \(proposal)') and table the new wording "
        + "with 'amend propose --throughout'"
    }
  }
}
