import DraftText

/// A change found on a clause's thread, before its source is looked up.
struct ThreadChange {
  var version: Int
  var kind: ClauseChange.Kind
  var before: ClauseState?
  var after: ClauseState?
}

extension DraftTimeline {
  /// What each version of `path` did to the clause on `thread`, oldest first; versions that left it
  /// alone are not listed. Clauses are compared by their strings' numbers, which are equal for equal
  /// strings only; strings are looked up for the changes found.
  func changes(onThread thread: Int, along path: [Int]) -> [ThreadChange] {
    var found: [ThreadChange] = []
    for index in path {
      let version = entries[index]
      let beforeAt = version.previous.flatMap { previous in entries[previous].clause(onThread: thread).map { (previous, $0) } }
      guard let position = version.clause(onThread: thread) else {
        if let beforeAt {
          found.append(ThreadChange(version: index, kind: .deleted, before: clause(beforeAt.0, beforeAt.1), after: nil))
        }
        continue
      }
      let after = version.clauses[position]
      let kind: ClauseChange.Kind?
      if let beforeAt {
        let before = entries[beforeAt.0].clauses[beforeAt.1]
        if before.text != after.text {
          kind = .amended
        } else if version.moved[position] {
          kind = .moved
        } else if before.id != after.id {
          kind = .renumbered
        } else if before.marker != after.marker {
          kind = .restyled
        } else {
          kind = nil
        }
      } else {
        kind = version.previous == nil ? .received : .introduced
      }
      if let kind {
        found.append(
          ThreadChange(version: index, kind: kind, before: beforeAt.map { clause($0.0, $0.1) }, after: clause(index, position)))
      }
    }
    return found
  }

  /// The source of version `index`, its proposal looked up in `ledger`.
  func source(_ index: Int, ledger: Ledger?) -> ChangeSource {
    let version = entries[index]
    return ChangeSource(
      commit: version.commit, trailers: version.trailers, draft: version.number, received: version.previous == nil, ledger: ledger)
  }

  /// The change as reported, its source looked up in `ledger`.
  func report(_ change: ThreadChange, ledger: Ledger?) -> ClauseChange {
    ClauseChange(
      kind: change.kind, clauseBefore: change.before?.id.rawValue, clauseAfter: change.after?.id.rawValue,
      textBefore: change.before?.text, textAfter: change.after?.text,
      source: source(change.version, ledger: ledger))
  }

  /// The thread of the clause `spelling` names in draft `number` (default: the current draft), with
  /// the version it was found in.
  func thread(of spelling: String, inDraft number: Int?) throws -> (thread: Int, version: Int) {
    let index = try number.map(latestVersion(of:)) ?? currentVersion()
    let version = entries[index]
    let draft = try parsedDraft(index)
    let clause: Clause
    do {
      clause = try draft.resolve(spelling)
    } catch {
      throw LookupError.clause(error, inDraft: version.number)
    }
    guard let position = draft.clauses.firstIndex(where: { $0.key == clause.key }) else {
      throw LookupError.clauseNotInDraft(spelling: spelling, inDraft: version.number)
    }
    return (Int(version.threads[position]), index)
  }

  /// The versions a report on `thread` follows: those that led to the current draft, or, for a clause
  /// that never reached it, those that led to the version it was found in.
  func path(for thread: Int, foundIn version: Int) throws -> [Int] {
    let current = ancestry(of: try currentVersion())
    if current.contains(where: { entries[$0].clause(onThread: thread) != nil }) { return current }
    return ancestry(of: version)
  }
}
