import AmendKit

extension Messages {
  /// A refused sub-amendment (`amend propose --to`), or a decision refused because of one.
  static func subAmendment(_ error: SubAmendmentError) -> String {
    switch error {
    case .notOnText(let kind):
      return "a sub-amendment changes the words a proposal proposes, so --\(flag(kind)) cannot be one: "
        + "use --replace/--with, --delete, --insert or --text (or table it against the clause, without --to)"
    case .parentNotPending(let parent, let status):
      return "\(parent) is \(status.rawValue): only a pending proposal can be amended ('amend proposal \(parent)' shows it)"
    case .parentIsSubAmendment(let parent, let itsParent):
      return "\(parent) is itself a sub-amendment (to \(itsParent)): amendments go one level deep; amend \(itsParent) instead (--to \(itsParent))"
    case .parentProposesNoText(let parent, let kind):
      return "\(parent) proposes no text to amend (it is a \(kind)): table a separate amendment against the clause instead"
    case .parentClauseGone(let parent):
      return "\(parent)'s clause is gone from the current draft: it must be revised ('amend revise \(parent)') before it can be amended"
    case .wordsNotInParent(let words, let parent):
      return "the words '\(words)' are not in the text \(parent) proposes: copy them exactly from 'amend proposal \(parent)'"
    case .wordsAmbiguousInParent(let words, let count, let parent):
      return "the words '\(words)' occur \(count) times in the text \(parent) proposes: say which with --occurrence 1…\(count)"
    case .noSuchOccurrenceInParent(let words, let occurrence, let count, let parent):
      return
        "the words '\(words)' occur \(count) time\(count == 1 ? "" : "s") in the text \(parent) proposes, so there is no occurrence \(occurrence)"
    case .noChangeToParent(let parent):
      return "that would leave the text \(parent) proposes as it is: say what the sub-amendment changes"
    case .subAmendmentsUndecided(let parent, let pending, let delegations):
      let named = zip(pending, delegations).map { "\($0) (\($1))" }.joined(separator: ", ")
      return "\(parent) has undecided sub-amendments, decided before it: \(named); accept or reject \(pending.count == 1 ? "it" : "them") first"
    case .fallen(let proposal, let parent, let how):
      return "\(proposal) fell when its parent \(parent) was \(how): there is nothing to decide"
    case .parentDecided(let proposal, let parent, let status):
      return "\(proposal) amends \(parent), which is \(status.rawValue): there is no pending text left to amend"
    case .noLongerInParent(let proposal, let parent, let words):
      return "the words \(proposal) changes ('\(words)') are no longer in the text \(parent) proposes: reject it, or withdraw it and table it again"
    case .parentDecidedFirst(let proposal, let parent):
      return "\(proposal)'s words are part of \(parent), which is decided: take back \(parent)'s decision first"
    case .laterChangeToParent(let proposal, let parent, let by):
      return "\(parent)'s text changed after \(proposal) was accepted (\(by)): take that back first, or table a new sub-amendment"
    case .noOralRevision(let proposal, let parent):
      return
        "\(proposal) is a sub-amendment: accept it as tabled, and read out the chair's words when deciding \(parent) ('amend accept \(parent) --as-revised …')"
    case .notForSubAmendments(let command, let proposal, let parent):
      return
        "\(proposal) is a sub-amendment (to \(parent)) and cannot be \(command): withdraw it and table a new one with 'amend propose --to \(parent)'"
    }
  }

  /// The flag that asks for an operation of `kind`.
  private static func flag(_ kind: String) -> String {
    switch kind {
    case "move-clause": "move-after"
    default: kind
    }
  }
}
