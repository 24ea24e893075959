import DraftText

extension ClauseChange {
  /// What happened, in a negotiator's words, with who did it on the first line and the authority and
  /// commit on the next: how `amend history` and `amend diff` describe a change.
  public var describedLines: [String] {
    let before = clauseBefore.map { ClauseID(rawValue: $0).display } ?? ""
    let after = clauseAfter.map { ClauseID(rawValue: $0).display } ?? ""
    let what =
      switch kind {
      case .received: "as received"
      case .introduced: "new"
      case .amended: before == after ? "amended" : "amended (was \(before))"
      case .moved: "moved (was \(before))"
      case .renumbered: "renumbered (was \(before))"
      case .restyled: "marker restyled"
      case .deleted: "deleted"
      }
    return source.describedLines(what)
  }
}

extension ChangeSource {
  /// `what` attributed: "amended by European Union: replace … [3f2a1b0c]" and the decision and commit.
  public func describedLines(_ what: String) -> [String] {
    let day = String(time.prefix(10))
    let commit = String(self.commit.prefix(7))
    switch kind {
    case .received:
      return ["\(what) in the \(Ordinal.words(draft)) draft (commit \(commit), \(author), \(day))"]
    case .proposal:
      guard let proposal else { return ["\(what) by \(author) (commit \(commit))"] }
      var first = "\(what) by \(who)"
      if let operation = proposal.operation { first += ": \(operation)" }
      first += " [\(proposal.id)]"
      var second = "commit \(commit)"
      if let decision = proposal.decision {
        var accepted = "\(decision.kind)"
        if let name = decision.sessionName ?? decision.session { accepted += " in session \(name)" }
        if let date = decision.date { accepted += " (\(date))" }
        if let chair = decision.chair { accepted += ", chair \(chair)" }
        if decision.asRevised != nil { accepted += ", as orally revised" }
        second = accepted + "; " + second
      }
      return [first] + (proposal.revisions ?? []).map { "  " + $0 } + ["  " + second]
    case .secretariat:
      return ["\(what) by the secretariat (commit \(commit): \(summary))"]
    case .handMade:
      return ["\(what) in a hand-made commit \(commit) by \(author), \(day): \(summary)"]
    }
  }

  /// A short attribution: "European Union [3f2a1b0c]", "the seventh draft", "hand-made commit 1a2b3c4".
  public var attribution: String {
    switch kind {
    case .received: "since the \(Ordinal.words(draft)) draft"
    case .proposal: "\(who) [\(proposal?.id ?? String(commit.prefix(7)))], \(Ordinal.words(draft)) draft"
    case .secretariat: "the secretariat, \(Ordinal.words(draft)) draft (commit \(commit.prefix(7)))"
    case .handMade: "hand-made commit \(commit.prefix(7)) by \(author), \(Ordinal.words(draft)) draft"
    }
  }
}

extension String {
  /// "eighth" → "Eighth".
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
