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
    let next = Ordinal.words(current.number + 1)
    // Accepted proposals are applied and undecided ones carried over: each record must read.
    try ledger.requireReadable { $0 == .accepted || $0.isOnAgenda }
    if let state = ledger.conflicts.first {
      throw AmendError(
        "\(state.id) (\(state.record.delegation)) is in conflict: \(DecisionWords.conflict(state.conflict)); the chair must decide it again in a session ('amend accept \(state.id)' or 'amend reject \(state.id)') before the \(next) draft"
      )
    }
    if let (number, records) = ledger.disputedDrafts.min(by: { $0.key < $1.key }) {
      throw AmendError(
        "the \(Ordinal.words(number)) draft is recorded twice with different proposals applied (\(records.map { EventRecord.path(for: $0.id) }.joined(separator: ", "))): remove the record that does not match drafts/ with 'git rm' and commit"
      )
    }
    if !allowEmpty, !Self.decidedSinceLastDraft(ledger, current: current) {
      throw AmendError(
        "nothing has been decided since the \(Ordinal.words(current.number)) draft: take decisions in a session first, or pass --allow-empty to produce the \(next) draft anyway"
      )
    }
    if let (before, source) = Self.date(of: current, ledger: ledger), date < before {
      throw AmendError(
        "the \(next) draft would be dated \(date), before the \(Ordinal.words(current.number)) draft of \(before) (\(source)): pass --date \(before) or later"
      )
    }
  }

  /// Whether an accepted proposal waits to be applied, or any decision was taken (or taken back)
  /// since the current draft was produced.
  static func decidedSinceLastDraft(_ ledger: Ledger, current: DraftVersion) -> Bool {
    if ledger.proposals.values.contains(where: { $0.status == .accepted }) { return true }
    let since = ledger.producedDrafts[current.number]?.seq ?? 0
    let decisions: Set<EventRecord.Kind> = [.accepted, .rejected, .deferred, .reopened, .reconsidered]
    return ledger.events.contains { $0.seq > since && decisions.contains($0.kind) }
  }

  /// The current draft's date: from the record of its production, else from its date line.
  static func date(of version: DraftVersion, ledger: Ledger) -> (CalendarDate, String)? {
    if let recorded = ledger.producedDrafts[version.number]?.date, let date = try? CalendarDate.parse(recorded) {
      return (date, "recorded when it was produced")
    }
    guard let written = version.draft.titleBlock?.writtenDate, let year = written.year, let month = written.month,
      let day = written.day
    else { return nil }
    return (CalendarDate(year: year, month: month, day: day), "its date line")
  }
}
