import AmendKit
import Foundation
import Testing

/// Text pasted from a word processor, against the seed (plain ASCII) and against a clause that holds a
/// real non-breaking space: matched with a note, the clause's bytes kept.
@Suite("Pasted text at the command line")
struct PastedTextCLITests {
  @Test("Against the seed: a non-breaking space and curly quotes typed where the draft has plain ones")
  func againstSeed() throws {
    let scratch = try MessagesHostileTests.negotiation()
    let run = try CLI.run(
      ["propose", "7.b", "--by", "Norway", "--insert", "and smuggling", "--after", "forced\u{00A0}labor", "--json"],
      in: scratch.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr
        == "amend: note: in 7 (b), the words occur with a space where you typed a non-breaking space; they were matched as they stand in the clause\n"
    )
    #expect(run.stdout.contains("forced labor and smuggling of migrant workers"))
  }

  @Test("Against a clause with a real non-breaking space: only the matched words change")
  func againstNonBreakingSpace() throws {
    let scratch = try Scratch()
    var seed = try String(contentsOfFile: CLI.seed, encoding: .utf8)
    seed = seed.replacingOccurrences(of: "forced labor", with: "forced\u{00A0}labor")
      .replacingOccurrences(of: "regardless of their", with: "regardless\u{00A0}of their")
      .replacingOccurrences(
        of: "cross-regional, as well as intraregional", with: "cross-regional as\u{00A0}well, and intraregional as\u{202F}well")
    try seed.write(toFile: scratch.path + "/seed.txt", atomically: true, encoding: .utf8)
    try MessagesHostileTests.expectSuccess(["init", "--from", scratch.path + "/seed.txt"], in: scratch.path)
    let run = try CLI.run(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], in: scratch.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("amend: note: in 7 (b), the words occur with a non-breaking space where you typed a space"))
    let id = String(run.stdout.prefix(8))
    let record = try String(contentsOfFile: scratch.path + "/" + ProposalRecord.path(for: id), encoding: .utf8)
    #expect(record.contains("and forced labour of migrant workers, regardless\u{00A0}of their"))
    try expectRefusal(
      HostileCase(
        name: "ambiguous pasted match", arguments: ["propose", "1.a", "--by", "EU", "--delete", "as well"],
        message: "the words 'as well' occur 2 times"),
      in: scratch.path)
  }
}
