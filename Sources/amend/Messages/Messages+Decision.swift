import AmendKit
import DraftText

extension Messages {
  /// A refused session or decision, naming the command that does what was meant.
  static func decision(_ error: DecisionError) -> String {
    switch error {
    case .sessionNeedsName:
      return "the session needs a name: amend session open NAME --chair NAME"
    case .sessionNeedsChair:
      return "the session needs a chair: add --chair NAME"
    case .sessionStillOpen(let name):
      return "session '\(name)' is still open: close it with 'amend session close' first"
    case .noSessionToClose:
      return "no session is open: 'amend session' shows the sessions held"
    case .noOpenSession:
      return "no session is open: decisions are taken in a session ('amend session open NAME --chair NAME')"
    case .withdrawn(let proposal, let by):
      return "\(proposal) was withdrawn by \(by): there is nothing to decide"
    case .applied(let proposal, let draft):
      return "\(proposal) was applied in the \(ordinal(draft)) draft: it can no longer change"
    case .nothingToTakeBack(let proposal):
      return "\(proposal) has no decision to take back"
    case .decidedInEarlierSession(let proposal, let session):
      return
        "\(proposal) was decided in session \(session): reopen takes back this session's decisions only; 'amend reconsider \(proposal)' "
        + "takes back an earlier session's, on the record"
    case .decidedInThisSession(let proposal):
      return "\(proposal) was decided in this session: 'amend reopen \(proposal)' takes the decision back"
    case .alreadyDecided(let proposal, let status, let session, let back):
      return "\(proposal) is already \(status.rawValue) in session \(session): \(takeBack(back, proposal)) takes the decision back"
    case .alreadyDeferred(let proposal):
      return "\(proposal) is already deferred"
    case .revisionWithoutAccept:
      return "--as-revised goes with accept only"
    case .emptyRevision:
      return "the revised text is empty: give the clause's whole text as the chair read it out"
    case .cannotAcceptAsTabled(let proposal, let problem, let revisable):
      return
        "\(proposal) cannot be accepted as tabled: \(applyProblem(problem)); "
        + "\(revisable ? "accept it with --as-revised TEXT or reject it" : "reject it")"
    case .acceptedNoLongerApplies(let accepted, let delegation, let problem, let back):
      return
        "\(accepted) (\(delegation)), already accepted, can no longer be applied (\(applyProblem(problem))): take it back first with "
        + "\(takeBack(back, accepted))"
    case .deletedByAccepted(let proposal, let clause, let deleted, let deletion, let delegation, let back):
      let what = deleted.map { "\($0.display), which \(clause.display) stands under," } ?? clause.display
      return
        "\(what) is already accepted for deletion (\(deletion), \(delegation)): \(proposal) cannot stand with it; take \(deletion) back "
        + "first with \(takeBack(back, deletion)), or reject \(proposal)"
    case .acceptedChangeInside(let clause, let change, let delegation, let back):
      return
        "\(clause.display) has an accepted change in it (\(change), \(delegation)): take it back with \(takeBack(back, change)) before "
        + "accepting the deletion"
    case .alreadyMoving(let clause, let move, let back):
      return "\(clause.display) is already accepted to move (\(move)): take it back first with \(takeBack(back, move))"
    case .collides(let proposal, let delegation, let with, let withDelegation, let words, let clause):
      let other = with.map { "\($0) (\(withDelegation ?? ""))" } ?? "what is already accepted"
      return
        "\(proposal) (\(delegation)) collides with \(other), already accepted: both change '\(words)' in \(clause.display); accept "
        + "\(proposal) with --as-revised TEXT giving the merged wording"
    case .cannotStand(let proposal, let delegation, let failing, let problem):
      return
        "\(proposal) (\(delegation)) cannot stand with what is already accepted: \(failing) \(applyProblem(problem)); reject "
        + "\(proposal), or take back \(failing == proposal ? "what it collides with" : failing) first"
    }
  }

  /// Why an accepted proposal cannot be applied, as a clause of a sentence.
  static func applyProblem(_ problem: ApplyProblem) -> String {
    switch problem {
    case .needsRevision(let reason): reason
    case .clauseGone: "its clause no longer exists"
    case .wordsGone(let clause): "its words no longer stand in \(clause.display)"
    case .noText: "it has no text"
    case .followGone: "the clause it was to follow no longer exists"
    case .text(let error): clauseText(error)
    case .edit(let error): "\(error)"
    case .wordingCollides: "its wording collides with an earlier one"
    case .notOneClauseEach: "together the accepted wordings would not stay one clause each"
    }
  }

  /// Why the next draft cannot be produced, and what to do.
  static func nextDraft(_ error: NextDraftError) -> String {
    switch error {
    case .sessionStillOpen(let name):
      return "session '\(name)' is still open: close it with 'amend session close' before producing the next draft"
    case .inConflict(let proposal, let delegation, let decisions, let next):
      return
        "\(proposal) (\(delegation)) is in conflict: \(DecisionWords.conflict(decisions)); the chair must decide it again in a session "
        + "('amend accept \(proposal)' or 'amend reject \(proposal)') before the \(ordinal(next)) draft"
    case .recordedTwice(let draft, let records):
      return
        "the \(ordinal(draft)) draft is recorded twice with different proposals applied (\(records.joined(separator: ", "))): remove the "
        + "record that does not match drafts/ with 'git rm' and commit"
    case .nothingDecided(let since):
      return
        "nothing has been decided since the \(ordinal(since)) draft: take decisions in a session first, or pass --allow-empty to produce "
        + "the \(ordinal(since + 1)) draft anyway"
    case .datedBefore(let date, let previous, let source, let current):
      let from = source == .recorded ? "recorded when it was produced" : "its date line"
      return
        "the \(ordinal(current + 1)) draft would be dated \(date), before the \(ordinal(current)) draft of \(previous) (\(from)): pass "
        + "--date \(previous) or later"
    case .noLongerApplies(let proposal, let delegation, let problem):
      return
        "\(proposal) (\(delegation)) no longer applies: \(applyProblem(problem)); "
        + "reconsider it in a session ('amend reconsider \(proposal)') and accept it with --as-revised TEXT, or reject it"
    case .unresolvedCollision(let proposal, let delegation, let words, let clause):
      return
        "a conflict is left unresolved in \(clause.display): \(proposal) (\(delegation)) and an earlier accepted proposal both change "
        + "'\(words)'; take one back with 'amend reconsider \(proposal)' in a session and accept it with --as-revised TEXT"
    case .cannotApply(let proposal, let delegation, let problem):
      return
        "\(proposal) (\(delegation)) cannot be applied: \(applyProblem(problem)); "
        + "reconsider it in a session ('amend reconsider \(proposal)') and accept it with --as-revised TEXT, or reject it"
    case .title(.noOrdinalInTitle(let title)):
      let shown = title.map { "\"\($0)\"" } ?? "(no title)"
      return "the title \(shown) has no ordinal such as \"Seventh draft\": give the new title with --title TITLE"
    case .title(let error):
      return "\(error)"
    case .branchKeptMoving:
      return "the branch kept moving while the draft was being produced: try 'amend next' again"
    }
  }
}
