import DraftText

/// A change found on a clause's thread, before its source is looked up.
struct ThreadChange {
  var version: Int
  var kind: ClauseChange.Kind
  var before: Clause?
  var after: Clause?
}

extension DraftTimeline {
  /// What each version of `path` did to the clause on `thread`, oldest first; versions that left it
  /// alone are not listed.
  func changes(onThread thread: Int, along path: [Int]) -> [ThreadChange] {
    var found: [ThreadChange] = []
    for index in path {
      let version = versions[index]
      let before = version.previous.flatMap { previous in
        versions[previous].clause(onThread: thread).map { versions[previous].draft.clauses[$0] }
      }
      guard let clause = version.clause(onThread: thread) else {
        if let before { found.append(ThreadChange(version: index, kind: .deleted, before: before, after: nil)) }
        continue
      }
      let after = version.draft.clauses[clause]
      let link = version.links[clause]
      let kind: ClauseChange.Kind?
      if let before {
        if before.text != after.text {
          kind = .amended
        } else if link.moved {
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
      if let kind { found.append(ThreadChange(version: index, kind: kind, before: before, after: after)) }
    }
    return found
  }

  /// The change as reported, its source looked up in `ledger`.
  func report(_ change: ThreadChange, ledger: Ledger?) -> ClauseChange {
    ClauseChange(
      kind: change.kind, clauseBefore: change.before?.id.rawValue, clauseAfter: change.after?.id.rawValue,
      textBefore: change.before?.text, textAfter: change.after?.text,
      source: ChangeSource(versions[change.version], ledger: ledger))
  }

  /// The thread of the clause `spelling` names in draft `number` (default: the current draft), with
  /// the version it was found in.
  func thread(of spelling: String, inDraft number: Int?) throws -> (thread: Int, version: Int) {
    let index = try number.map(latestVersion(of:)) ?? currentVersion()
    let version = versions[index]
    let clause: Clause
    do {
      clause = try version.draft.resolve(spelling)
    } catch {
      throw LookupError.clause(error, inDraft: version.number)
    }
    guard let position = version.draft.clauses.firstIndex(where: { $0.key == clause.key }) else {
      throw LookupError.clauseNotInDraft(spelling: spelling, inDraft: version.number)
    }
    return (version.threads[position], index)
  }

  /// The versions a report on `thread` follows: those that led to the current draft, or, for a clause
  /// that never reached it, those that led to the version it was found in.
  func path(for thread: Int, foundIn version: Int) throws -> [Int] {
    let current = ancestry(of: try currentVersion())
    if current.contains(where: { versions[$0].clause(onThread: thread) != nil }) { return current }
    return ancestry(of: version)
  }
}
