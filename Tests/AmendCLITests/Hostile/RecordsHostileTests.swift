import AmendKit
import Foundation
import Testing

/// A refusal on one of the records stages. `{accepted}`, `{pending}`, `{withdrawn}` and `{rejected}`
/// in the arguments or the expected words stand for that stage's proposal ids, and `proposals/{pending}.md`
/// for the path of that proposal's record (`ProposalRecord.path(for:)`).
struct RecordsCase: CustomTestStringConvertible, Sendable {
  var stage: RecordsStage
  var hostile: HostileCase

  init(_ stage: RecordsStage, _ name: String, _ arguments: [String], says message: String) {
    self.stage = stage
    hostile = HostileCase(name: name, arguments: arguments, message: message)
  }

  var testDescription: String { "\(stage.rawValue): \(hostile.name)" }

  func resolved(in folder: String) -> HostileCase {
    let ids = RecordsStages.roles(in: folder)
    func fill(_ text: String) -> String {
      ids.reduce(text) {
        $0.replacingOccurrences(of: "proposals/{\($1.key)}.md", with: ProposalRecord.path(for: $1.value))
          .replacingOccurrences(of: "{\($1.key)}", with: $1.value)
      }
    }
    var resolved = hostile
    resolved.arguments = hostile.arguments.map(fill)
    resolved.message = fill(hostile.message)
    return resolved
  }
}

@Suite("Hostile records: damaged, missing, merged and undeliberate")
struct RecordsHostileTests {
  static let cases: [RecordsCase] = [
    // Drafts are deliberate: nothing decided since the last draft.
    .init(.undecided, "next with nothing ever decided", ["next"], says: "nothing has been decided since the seventh draft"),
    .init(.undecided, "a dry run with nothing decided", ["next", "--dry-run"], says: "--allow-empty"),
    .init(.produced, "next right after the eighth draft", ["next"], says: "nothing has been decided since the eighth draft"),
    .init(.produced, "next again with a date", ["next", "--date", "2010-10-20"], says: "--allow-empty"),
    .init(.produced, "a dry run right after the eighth draft", ["next", "--dry-run"], says: "nothing has been decided"),
    // A draft cannot be dated before its predecessor.
    .init(
      .decided, "next dated 1990 after a seventh of 2010", ["next", "--date", "1990-01-01"],
      says: "1990-01-01, before the seventh draft of 2010-10-12"),
    .init(.decided, "next dated the day before the seventh", ["next", "--date", "2010-10-11"], says: "2010-10-12 (its date line)"),
    .init(.decided, "a back-dated dry run", ["next", "--dry-run", "--date", "2009-12-31"], says: "pass --date 2010-10-12 or later"),
    .init(
      .producedThenDecided, "a ninth dated before the eighth", ["next", "--date", "1990-01-01"],
      says: "before the eighth draft of 2010-10-13 (recorded when it was produced)"),
    .init(
      .producedThenDecided, "a ninth dated the day before the eighth", ["next", "--date", "2010-10-12"], says: "2010-10-12, before the eighth draft"),
    // Damaged records stop the writers that need them, naming the file and the restoring command.
    .init(.brokenAccepted, "next with an accepted record's YAML broken", ["next"], says: "proposals/{accepted}.md, cannot be read"),
    .init(.brokenAccepted, "next names the command that restores it", ["next"], says: ":proposals/{accepted}.md > proposals/{accepted}.md"),
    .init(.brokenAccepted, "a dry run needs the accepted record too", ["next", "--dry-run"], says: "git show"),
    .init(.truncatedAccepted, "next with an accepted record cut short", ["next"], says: "accepted proposal {accepted}"),
    .init(.brokenPending, "next with a pending record broken (it must be carried over)", ["next"], says: "proposals/{pending}.md"),
    .init(.notUTF8Pending, "next with a pending record that is not UTF-8", ["next"], says: "proposals/{pending}.md"),
    .init(.deletedAccepted, "next with an accepted record deleted", ["next"], says: "missing, although"),
    .init(.deletedAccepted, "the deleted record's restoring command", ["next"], says: "git show"),
    .init(.brokenDecisionEvent, "next with a decision's event broken", ["next"], says: "an event record, proposals/events/"),
    .init(.unknownKindEvent, "next with an event of a kind this version does not know", ["next"], says: "an event record"),
    .init(.eventNamingMissingAccepted, "next with an acceptance of a proposal nobody tabled", ["next"], says: "proposals/de/deadbeef.md"),
    .init(.eventNamingMissingAccepted, "what to do when no commit held it", ["next"], says: "no commit ever held it"),
    .init(.brokenAcceptedOpen, "accept while an accepted record is unreadable", ["accept", "{pending}"], says: "proposals/{accepted}.md"),
    .init(.brokenAcceptedOpen, "accept the broken accepted record itself", ["accept", "{accepted}"], says: "cannot be read"),
    .init(.brokenAcceptedOpen, "reopen the broken record", ["reopen", "{accepted}"], says: "proposals/{accepted}.md"),
    .init(.brokenPendingOpen, "accept a pending record that is broken", ["accept", "{pending}"], says: "proposals/{pending}.md, cannot be read"),
    .init(.brokenPendingOpen, "accepting it names the restoring command", ["accept", "{pending}"], says: "git show"),
    .init(.brokenPendingOpen, "reject a broken record", ["reject", "{pending}"], says: "proposals/{pending}.md"),
    .init(.brokenPendingOpen, "defer a broken record", ["defer", "{pending}"], says: "proposals/{pending}.md"),
    .init(.brokenPendingOpen, "withdraw a broken record", ["withdraw", "{pending}", "--by", "Brazil"], says: "proposals/{pending}.md"),
    .init(.brokenPendingOpen, "show a broken record", ["proposal", "{pending}"], says: "cannot be read"),
    .init(.brokenEventOpen, "accept while a decision's event is unreadable", ["accept", "{pending}"], says: "an event record"),
    // Opposite decisions from merged histories.
    .init(.mergedConflict, "next with a conflict", ["next"], says: "is in conflict"),
    .init(
      .mergedConflict, "next names both decisions", ["next"],
      says: "accepted in session 2010-10-14-third-reading (2010-10-14, chair Ambassador Ndiaye)"),
    .init(
      .mergedConflict, "next names the other side", ["next"], says: "rejected in session 2010-10-15-informal-consultations (2010-10-15, chair Ms Ito)"
    ),
    .init(.mergedConflict, "next with --allow-empty still refuses a conflict", ["next", "--allow-empty"], says: "decide it again"),
    .init(.mergedConflict, "withdraw a proposal in conflict", ["withdraw", "{pending}", "--by", "Brazil"], says: "already conflict"),
    .init(.draftRecordedTwice, "next when the eighth draft is recorded twice, differently", ["next", "--allow-empty"], says: "recorded twice"),
  ]

  @Test("each refusal: non-zero exit, one line naming the problem, repository unchanged", arguments: cases)
  func refusal(_ hostile: RecordsCase) throws {
    let scratch = try Scratch()
    let folder = try RecordsStages.shared.copy(hostile.stage, into: scratch)
    try expectRefusal(hostile.resolved(in: folder), in: folder)
  }
}
