import DraftText
import Foundation

extension Workspace {
  /// What must hold before the next draft is planned, checked again on every retry so that a run that
  /// lost the race to another `next` sees the draft the other produced: no record the draft needs is
  /// damaged, no decision is in conflict, something was decided since the last draft (unless
  /// `allowEmpty`), and the draft is not dated before the one it follows.
  func checkBeforeDrafting(
    _ snapshot: Snapshot, ledger: Ledger, current: DraftVersion, date: CalendarDate, allowEmpty: Bool
  ) throws {
    // Accepted proposals are applied and undecided ones carried over: each record must read.
    try ledger.requireReadable { $0 == .accepted || $0.isOnAgenda }
    if let state = ledger.conflicts.first {
      throw NextDraftError.inConflict(
        proposal: state.id, delegation: state.record.delegation, decisions: state.conflict, next: current.number + 1)
    }
    if let (number, records) = ledger.disputedDrafts.min(by: { $0.key < $1.key }) {
      throw NextDraftError.recordedTwice(draft: number, records: records.map { ledger.path(ofEvent: $0.id) })
    }
    if !allowEmpty, !Self.decidedSinceLastDraft(ledger, current: current) {
      throw NextDraftError.nothingDecided(since: current.number)
    }
    if let (before, source) = Self.date(of: current, ledger: ledger), date < before {
      throw NextDraftError.datedBefore(date: date, previous: before, source: source, current: current.number)
    }
  }

  /// Whether an accepted proposal waits to be applied, or any decision was taken (or taken back)
  /// since the current draft was produced.
  static func decidedSinceLastDraft(_ ledger: Ledger, current: DraftVersion) -> Bool {
    if ledger.proposals.values.contains(where: { $0.status == .accepted && !$0.isSubAmendment }) { return true }
    let since = ledger.producedDrafts[current.number]?.seq ?? 0
    let decisions: Set<EventRecord.Kind> = [.accepted, .rejected, .deferred, .reopened, .reconsidered]
    return ledger.events.contains { $0.seq > since && decisions.contains($0.kind) }
  }

  /// The current draft's date: from the record of its production, else from its date line.
  static func date(of version: DraftVersion, ledger: Ledger) -> (CalendarDate, DraftDateSource)? {
    if let recorded = ledger.producedDrafts[version.number]?.date, let date = try? CalendarDate.parse(recorded) {
      return (date, .recorded)
    }
    guard let written = version.draft.titleBlock?.writtenDate, let year = written.year, let month = written.month,
      let day = written.day
    else { return nil }
    return (CalendarDate(year: year, month: month, day: day), .dateLine)
  }
}
