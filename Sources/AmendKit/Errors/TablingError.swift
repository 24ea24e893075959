import DraftText

/// A proposal refused when it is tabled or withdrawn.
public enum TablingError: Error, Equatable, Sendable {
  /// No delegation was named to table the proposal.
  case noDelegation
  /// The proposer is also named as its co-sponsor.
  case cosponsorIsProposer(String)
  /// A co-sponsor is named twice.
  case cosponsorTwice(String)
  /// The words to change do not occur in the clause.
  case wordsNotFound(words: String, clause: ClauseID)
  /// The words to change occur `count` times in the clause, and no occurrence was chosen.
  case wordsAmbiguous(words: String, count: Int, clause: ClauseID)
  /// The occurrence chosen is past the `count` there are.
  case noSuchOccurrence(words: String, occurrence: Int, count: Int, clause: ClauseID)
  /// The words would be replaced with themselves.
  case replacedWithItself(words: String, clause: ClauseID)
  /// The words to insert are empty.
  case nothingToInsert(clause: ClauseID)
  /// The proposal would leave the clause's text as it is.
  case noChange(clause: ClauseID)
  /// The proposal would leave the clause with no text (a deletion of the clause is its own proposal).
  case leavesNoText(clause: ClauseID)
  /// The clause's new text is empty.
  case emptyText(clause: ClauseID)
  /// The clause's new text is its current text.
  case sameText(clause: ClauseID)
  /// The new clause's text is empty.
  case emptyNewClause(next: ClauseID)
  /// A clause cannot move next to itself or to a clause listed under it.
  case moveOutsideList(clause: ClauseID, destination: ClauseID)
  /// No delegation was named to withdraw the proposal.
  case noWithdrawer
  /// `delegation` is neither the proposer nor a co-sponsor of `proposal`.
  case cannotWithdraw(delegation: String, proposal: String, proposer: String, cosponsors: [String])
  /// The clause has no brackets (no group of alternatives, when `alternatives`).
  case noBrackets(clause: ClauseID, alternatives: Bool)
  /// The clause has `count` brackets (or groups of alternatives) and none was chosen.
  case bracketsAmbiguous(count: Int, clause: ClauseID, alternatives: Bool)
  /// The bracket (or group) chosen is past the `count` there are.
  case noSuchBracket(occurrence: Int, count: Int, clause: ClauseID, alternatives: Bool)
  /// The group has `count` alternatives; `option` is not one.
  case noSuchOption(option: Int, count: Int, clause: ClauseID)
  /// An article operation (new, delete, retitle) named a clause that is neither an article's heading nor its own text.
  case notAnArticle(clause: ClauseID)
  /// A clause operation named an article's heading: only the article operations apply to it.
  case headingNotAClause(clause: ClauseID)
  /// Choose an option (--choose-option alone) named something that is not an option line.
  case notAnOption(clause: ClauseID)
  /// A new clause, a move or an article operation named an unnumbered line (an option, a title, an
  /// unnumbered paragraph), which can only be reworded, replaced, deleted or (an option) chosen.
  case unnumberedLine(clause: ClauseID)
  /// The article edit could never be applied: `reason` says why (the draft would have no clause left, …).
  case articleEditRefused(clause: ClauseID, reason: String)
  /// The new title is the title the heading already has.
  case sameTitle(clause: ClauseID)
  /// The proposal has a decision (`status`) and can no longer be withdrawn.
  case alreadyDecided(proposal: String, status: ProposalStatus)
}
