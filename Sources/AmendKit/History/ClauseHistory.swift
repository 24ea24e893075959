import DraftText

/// Every version of one clause, from the draft it first stood in to the current one (or the one that
/// deleted it), with what changed it in each: `amend history`.
public struct ClauseHistory: Codable, Equatable, Sendable {
  /// The clause as it stood in one numbered draft, and the changes that draft made to it.
  public struct ClauseVersion: Codable, Equatable, Sendable {
    /// The number of the draft.
    public var draft: Int
    /// The clause's id in that draft ("7.c"); nil when that draft deleted it.
    public var clause: String?
    /// The id as negotiators write it ("7 (c)").
    public var name: String?
    /// Its Akoma Ntoso eId in that draft.
    public var eId: String?
    /// Its exact text in that draft, without the marker.
    public var text: String?
    /// The changes made to it while the draft was produced, in the order they were made; empty when
    /// the draft carried it over unchanged.
    public var changes: [ClauseChange]
  }

  /// The clause asked about, as its id stands in `draft`.
  public var clause: String
  /// The clause's id as negotiators write it ("7 (b)").
  public var name: String
  /// The number of the draft `clause` is spelled in.
  public var draft: Int
  /// Oldest first.
  public var versions: [ClauseVersion]
  /// Things found in the history that did not stop the report.
  public var notes: [String]
}

extension DraftTimeline {
  func history(of spelling: String, inDraft number: Int?, ledger: Ledger?) throws -> ClauseHistory {
    let (thread, found) = try thread(of: spelling, inDraft: number)
    let asked = entries[found]
    guard let position = whole[found]?.position(ofThread: thread), let named = clause(found, position) else {
      throw LookupError.clauseNotInDraft(spelling: spelling, inDraft: asked.number)
    }
    let path = try path(for: thread, foundIn: found)
    let changes = self.changes(onThread: thread, along: path)
    var made: [Int: [ThreadChange]] = [:]
    for change in changes { made[change.version, default: []].append(change) }
    var drafts: [ClauseHistory.ClauseVersion] = []
    for (index, state) in zip(path, states(ofThread: thread, along: path)) {
      let version = entries[index]
      let here = made[index] ?? []
      guard state.slot != nil || !here.isEmpty else { continue }
      if drafts.last?.draft != version.number {
        drafts.append(ClauseHistory.ClauseVersion(draft: version.number, changes: []))
      }
      guard let last = drafts.indices.last else { continue }
      // The draft's entry shows the clause as its last version on the path left it.
      let present = state.slot.map(clauses.state)
      drafts[last].clause = present?.id.rawValue
      drafts[last].name = present?.id.display
      drafts[last].eId = present?.eId
      drafts[last].text = present?.text
      drafts[last].changes += here.map { report($0, ledger: ledger) }
    }
    return ClauseHistory(
      clause: named.id.rawValue, name: named.id.display, draft: asked.number, versions: drafts, notes: problems)
  }
}
