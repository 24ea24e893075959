import AmendKit
import DraftText

extension Messages {
  /// A refused tabling or withdrawal.
  static func tabling(_ error: TablingError) -> String {
    switch error {
    case .noDelegation:
      return "no delegation named: say who tables it with --by DELEGATION"
    case .cosponsorIsProposer(let name):
      return "\(name) cannot co-sponsor itself: its own proposal is already its own; leave out --cosponsor \(name)"
    case .cosponsorTwice(let name):
      return "\(name) is named twice as co-sponsor: name each co-sponsor once"
    case .wordsNotFound(let words, let clause):
      return "in \(clause.display), the words '\(words)' do not occur: copy them exactly from 'amend show \(clause.display)'"
    case .wordsAmbiguous(let words, let count, let clause):
      return "in \(clause.display), the words '\(words)' occur \(count) times: say which with --occurrence 1…\(count)"
    case .noSuchOccurrence(let words, let occurrence, let count, let clause):
      return "in \(clause.display), the words '\(words)' occur \(count) time\(count == 1 ? "" : "s"), so there is no occurrence \(occurrence)"
    case .replacedWithItself(let words, let clause):
      return "in \(clause.display), '\(words)' would be replaced with itself: give different words with --with"
    case .nothingToInsert(let clause):
      return "in \(clause.display), there is nothing to insert: give the words with --insert"
    case .noChange(let clause):
      return "in \(clause.display), the proposal would not change the text: check the words"
    case .leavesNoText(let clause):
      return "in \(clause.display), the proposal would leave no text: use --delete-clause to delete the clause"
    case .emptyText(let clause):
      return "the new text for \(clause.display) is empty: give the clause's new wording with --text, or use --delete-clause"
    case .sameText(let clause):
      return "the new text for \(clause.display) is the same as the current text: nothing to propose"
    case .notAnArticle(let clause):
      return "\(clause.display) is not an article: name the article (\"Article 4\" or \"Article 4 heading\") to add, delete or retitle one"
    case .notAnOption(let clause):
      return "\(clause.display) is not an option line: name one such as \"Option 2 of Article 2bis\" to choose it"
    case .unnumberedLine(let clause):
      return "\(clause.display) is an unnumbered line: it can be reworded, replaced (--text) or deleted (--delete-clause), "
        + "an option chosen (--choose-option), an unnumbered line added after it (--new-clause), but not moved, "
        + "nor have clauses added before or under it, nor articles next to it"
    case .headingNotAClause(let clause):
      return
        "\(clause.display) is an article's heading: retitle it (--retitle), lift its brackets (--remove-brackets), delete the article (--delete-article) or add one next to it (--new-article)"
    case .articleEditRefused(let clause, let reason):
      return "\(ProposalOperation.article(clause.display)) cannot be changed so: \(reason)"
    case .sameTitle(let clause):
      return "\(clause.display) already has that title"
    case .emptyNewClause(let next):
      return "the new clause next to \(next.display) is empty: give its text with --new-clause"
    case .moveOutsideList(let clause, let destination):
      return "\(clause.display) cannot move next to \(destination.display): it is \(clause.display) itself or listed under it"
    case .noBrackets(let clause, let alternatives):
      return alternatives
        ? "\(clause.display) has no alternatives side by side ([…][…]): see 'amend brackets --clause \(clause.display)'"
        : "\(clause.display) has no brackets: see 'amend show \(clause.display)'"
    case .bracketsAmbiguous(let count, let clause, let alternatives):
      let noun = alternatives ? "groups of alternatives" : "brackets"
      return
        "\(clause.display) has \(count) \(noun): choose one with --occurrence N (counted in the order they open; 'amend brackets --clause \(clause.display)' lists them)"
    case .noSuchBracket(let occurrence, let count, let clause, let alternatives):
      let noun = alternatives ? "groups of alternatives" : "brackets"
      return "\(clause.display) has \(count) \(noun), so there is no occurrence \(occurrence): use --occurrence 1 to \(count)"
    case .noSuchOption(let option, let count, let clause):
      return "the alternatives in \(clause.display) are \(count), so there is no option \(option): use --choose-option 1 to \(count)"
    case .noWithdrawer:
      return "no delegation named: say who withdraws it with --by DELEGATION"
    case .cannotWithdraw(let delegation, let proposal, let proposer, let cosponsors):
      let others = cosponsors.isEmpty ? "" : " or its co-sponsors (\(cosponsors.joined(separator: ", ")))"
      return "\(delegation) cannot withdraw \(proposal): only \(proposer)\(others) may"
    case .alreadyDecided(let proposal, let status):
      return "\(proposal) is already \(status.rawValue): a proposal can only be withdrawn before a decision"
    }
  }

  /// A text refused by the one-clause rule.
  static func clauseText(_ error: ClauseTextError) -> String {
    switch error {
    case .edit(let subject, let error):
      return "\(clauseTextSubject(subject)): \(error)"
    case .notOneClause(let subject):
      return
        "\(clauseTextSubject(subject)) would not stay one clause: a clause's text is one line, and its line breaks would start another "
        + "line of the draft or renumber the others; "
        + "keep to the clause's own words, and table each new clause with its own --new-clause (a new clause's points may follow on "
        + "lines of their own, each opening with a marker such as (a))"
    case .controlCharacter(let subject, let scalar):
      return "\(clauseTextSubject(subject)) holds a control character (U+\(String(format: "%04X", scalar))): remove it, and keep to printable text"
    case .notReadAsItself(let subject):
      return
        "\(clauseTextSubject(subject)) would not read back as the same clause: its opening words would be read as a number or marker, or "
        + "as another kind of clause (a preambular paragraph opens with a word such as 'Recalling'); reword its opening"
    }
  }

  /// The text a one-clause refusal is about ("the text for 7 (b)").
  static func clauseTextSubject(_ subject: ClauseTextSubject) -> String {
    switch subject {
    case .proposedText(let clause): "the text for \(clause.display)"
    case .newClause(let next, let before): "the new clause \(before ? "before" : "after") \(next.display)"
    case .revisedText(let proposal, let clause): "the revised text of \(proposal) for \(clause.display)"
    case .revisedNewClause(let proposal): "the revised text of \(proposal)"
    case .newClauseUnder(let parent): "the new clause under \(parent.display)"
    }
  }

  /// A name refused by the one rule for names.
  static func name(_ error: NameError) -> String {
    switch error {
    case .empty(let field):
      return field.isEmail
        ? "\(nameField(field)) is empty: give an e-mail address, or leave it out" : "\(nameField(field)) is empty: give a name"
    case .lineBreak(let field, let text):
      return "\(nameField(field)) '\(Names.shown(text))' has a line break or control character: \(nameRule(field, limit: Names.limit))"
    case .angleBracket(let field, let text):
      return "\(nameField(field)) '\(Names.shown(text))' contains < or >: \(nameRule(field, limit: Names.limit))"
    case .tooLong(let field, let text, let limit):
      return "\(nameField(field)) '\(Names.shown(text))' is longer than \(limit) characters: \(nameRule(field, limit: limit))"
    case .notNameAndEmail(let source, let text):
      return "\(committerSource(source)) '\(Names.shown(text))' is not of the form 'Name <email>'"
    }
  }

  /// The rule a refused name or e-mail address breaks.
  static func nameRule(_ field: NameField, limit: Int) -> String {
    let kind = field.isEmail ? "an e-mail address" : "a name"
    return "\(kind) is one line of printable text, without < or >, of at most \(limit) characters"
  }

  /// Where a name came from, as the user gave it ("--chair", "git config user.name").
  static func nameField(_ field: NameField) -> String {
    switch field {
    case .sessionName: "the session's name"
    case .chair: "--chair"
    case .delegation: "the delegation (--by)"
    case .cosponsor: "the co-sponsor (--cosponsor)"
    case .delegationEmail: "--email"
    case .role(let role): "--\(role.rawValue)"
    case .committerName(.gitConfig): "git config user.name"
    case .committerEmail(.gitConfig): "git config user.email"
    case .committerName(let source): "the name in \(committerSource(source))"
    case .committerEmail(let source): "the e-mail address in \(committerSource(source))"
    }
  }

  /// Where the committer came from, as the user gave it.
  static func committerSource(_ source: CommitterSource) -> String {
    switch source {
    case .argument: "--committer"
    case .environment: "AMEND_COMMITTER"
    case .context: "--committer (or AMEND_COMMITTER)"
    case .gitConfig: "git config"
    }
  }

  /// A date that is not a real day.
  static func date(_ error: DateError) -> String {
    switch error {
    case .notADate(let text): "'\(text)' is not a date: write it as YYYY-MM-DD, e.g. 2010-10-13"
    case .noSuchDay(let text): "'\(text)' is not a date: there is no such day; write it as YYYY-MM-DD, e.g. 2010-10-13"
    }
  }
}
