import AmendKit

extension Messages {
  /// A mistake in combining the fields that say what a proposal does (the CLI's flags, the API's keys).
  static func operationFields(_ error: OperationFieldsError) -> String {
    switch error {
    case .occurrenceBelowOne(let occurrence):
      "--occurrence counts from 1 (the first place the words occur), so \(occurrence) is not one"
    case .replaceWithoutWith(let words): "--replace needs --with NEW: the words that replace '\(words)'"
    case .withWithoutReplace: "--with goes with --replace OLD: say which words it replaces"
    case .beforeWithoutWords: "--before needs the words to insert before (words beginning with '-' are written --before=-WORDS)"
    case .insertNeedsOneAnchor: "--insert needs exactly one of --after WORDS, --before WORDS, --at-start, --at-end"
    case .anchorWithoutInsert: "--after, --before, --at-start and --at-end go with --insert TEXT"
    case .underWithoutNewClause: "--under goes with --new-clause TEXT, without --before"
    case .newArticleWithoutParagraphs: "--new-article TITLE needs at least one --paragraph TEXT, each with its text"
    case .paragraphWithoutNewArticle: "--paragraph goes with --new-article TITLE"
    case .chooseOptionBelowOne(let option): "--choose-option counts from 1 (the first alternative), so \(option) is not one"
    case .noOperation:
      "say what the amendment does: --replace/--with, --delete, --insert, --text, --delete-clause, --new-clause, --move-after, --move-before, "
        + "--remove-brackets, --delete-bracketed or --choose-option"
    case .severalOperations: "give one operation per proposal; table the others separately"
    case .throughoutNeedsWords:
      "--throughout goes with --replace OLD --with NEW or --delete WORDS: table other changes clause by clause"
    case .occurrenceWithThroughout: "--occurrence does not go with --throughout: a global amendment changes every occurrence"
    case .clauseWithThroughout(let clause):
      "--throughout changes every clause where the words occur: give no clause ('\(clause)'), or leave out --throughout"
    case .throughoutWithSubAmendment: "--throughout and --to do not go together: a global amendment changes the draft, not a proposal"
    case .clauseWithSubAmendment: "--to ID amends a proposal's text, not a clause: leave out CLAUSE"
    case .noClause: "Missing expected argument '<clause>' (or --to ID, to amend a proposal's text)"
    case .occurrenceWithoutWords: "--occurrence goes with --replace, --delete, --insert with --after/--before, or a bracket operation"
    }
  }
}
