// An example client of AmendKit, using only its public API: it starts a negotiation from the seventh
// draft, tables an amendment to 7 (b), decides it in a session, produces the eighth draft and prints
// the eighth draft's 7 (b).
//
//   swift run TableDecideProduce [SEED]
//
// SEED defaults to ../shared/seeds/seventh-draft-migration-2010-10-12.txt. The negotiation is made in
// a scratch folder, removed at the end.

import AmendKit
import DraftText
import Foundation

let seed =
  CommandLine.arguments.dropFirst().first ?? "../shared/seeds/seventh-draft-migration-2010-10-12.txt"

let scratch = FileManager.default.temporaryDirectory
  .appendingPathComponent("table-decide-produce-\(UUID().uuidString)").path

func run() throws {
  // Who is at the keyboard: named here, so the example needs no git configuration.
  let context = Context(committer: Person(name: "Secretariat", email: "secretariat@example.org"))

  // 1. Start the negotiation: the seventh draft becomes draft 7 of a new repository.
  let initialised = try Workspace.initialise(
    folder: scratch, source: try DraftSource(path: seed), number: nil, context: context)
  print("Initialised \(initialised.file.path)")
  let workspace = try Workspace.open(at: scratch, context: context)

  // 2. A delegation tables an amendment.
  let proposal = try workspace.table(
    ProposalRequest(
      clause: "7 (b)", delegation: "European Union",
      operation: .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil)))
  print("Tabled \(proposal.id) by \(proposal.delegation) on \(proposal.clause)")

  // 3. The chair opens a session, accepts the proposal and closes the session.
  let session = try workspace.openSession(name: "First reading", chair: "Chair", date: CalendarDate(year: 2010, month: 10, day: 13))
  _ = try workspace.decide(.accept, on: proposal.proposalID)
  _ = try workspace.closeSession()
  print("Session \(session.id) decided \(proposal.id): accepted")

  // 4. The secretariat produces the next draft.
  let next = try workspace.produceNextDraft(date: CalendarDate(year: 2010, month: 10, day: 14), dryRun: false)
  print("Produced \(next.file.path), tagged \(next.tag)")

  // 5. Read the eighth draft back and print its 7 (b).
  let eighth = try workspace.snapshot().draft(number: next.file.number)
  let clause = try eighth.draft.resolve("7 (b)")
  print("\(clause.id.display): \(clause.text)")
}

do {
  try run()
  try? FileManager.default.removeItem(atPath: scratch)
} catch {
  try? FileManager.default.removeItem(atPath: scratch)
  FileHandle.standardError.write(Data("TableDecideProduce: \(error)\n".utf8))
  exit(1)
}
