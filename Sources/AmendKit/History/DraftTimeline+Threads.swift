import DraftText

/// A change found on a clause's thread, before its source is looked up.
struct ThreadChange {
  var version: Int
  var kind: ClauseChange.Kind
  var before: ClauseState?
  var after: ClauseState?
}

extension DraftTimeline {
  /// What each version of `path` (an ancestry) did to the clauses on `threads` (all when nil), oldest
  /// first, by thread; versions that left a clause alone are not listed.
  func changes(onThreads threads: Set<Int32>?, along path: [Int]) -> [Int32: [ThreadChange]] {
    var found: [Int32: [ThreadChange]] = [:]
    for step in steps(along: path, threads: threads) {
      guard let kind = kind(of: step) else { continue }
      found[step.thread, default: []].append(
        ThreadChange(
          version: step.version, kind: kind, before: step.before.map(clauses.state), after: step.after.map(clauses.state)))
    }
    return found
  }

  /// What each version of `path` did to the clause on `thread`, oldest first.
  func changes(onThread thread: Int, along path: [Int]) -> [ThreadChange] {
    let key = Int32(truncatingIfNeeded: thread)
    return changes(onThreads: [key], along: path)[key] ?? []
  }

  /// The kind of change a step is; nil when the clause stayed as it was (an eId or a line moved).
  func kind(of step: ThreadStep) -> ClauseChange.Kind? {
    guard let after = step.after else { return step.before == nil ? nil : .deleted }
    guard let before = step.before else { return entries[step.version].previous == nil ? .received : .introduced }
    if before.text != after.text { return .amended }
    if step.moved { return .moved }
    if before.id != after.id { return .renumbered }
    if before.marker != after.marker { return .restyled }
    return nil
  }

  /// The source of version `index`, its proposal looked up in `ledger`.
  func source(_ index: Int, ledger: Ledger?) -> ChangeSource {
    let version = entries[index]
    let (commit, trailers) = self.commit(index)
    return ChangeSource(commit: commit, trailers: trailers, draft: version.number, received: version.previous == nil, ledger: ledger)
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
    guard let position = draft.clauses.firstIndex(where: { $0.key == clause.key }), let kept = whole[index],
      position < kept.threads.count
    else {
      throw LookupError.clauseNotInDraft(spelling: spelling, inDraft: version.number)
    }
    return (Int(kept.threads[position]), index)
  }

  /// The versions a report on `thread` follows: those that led to the current draft, or, for a clause
  /// that never reached it, those that led to the version it was found in.
  func path(for thread: Int, foundIn version: Int) throws -> [Int] {
    let current = ancestry(of: try currentVersion())
    if states(ofThread: thread, along: current).contains(where: { $0.slot != nil }) { return current }
    return ancestry(of: version)
  }
}
