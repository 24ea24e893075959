import Foundation
import Testing

/// The small things people asked for (issue "How negotiators really work", item 10).
@Suite("Version, a quiet next, statements in the compilation")
struct SmallThingsCLITests {
  @Test("amend --version names amend's version and the libgit2 it runs on")
  func version() throws {
    let folder = try Scratch()
    let run = try CLI.run(["--version"], in: folder.path)
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("amend "))
    #expect(run.stdout.hasSuffix("(libgit2 1.5.1)\n"), "\(run.stdout)")
  }

  /// A repository with European Union's 7 (b) accepted in a closed session, ready for `next`.
  private func decided() throws -> Scratch {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let tabled = try CLI.run(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], in: folder.path)
    let id = String(tabled.stdout.prefix { !$0.isWhitespace })
    try CLI.run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], in: folder.path)
    try CLI.run(["accept", id], in: folder.path)
    try CLI.run(["session", "close"], in: folder.path)
    return folder
  }

  @Test("next prints what it wrote, not the whole draft; --print adds the draft; --quiet only the one line")
  func nextOutput() throws {
    let plain = try decided()
    let next = try CLI.run(["next"], in: plain.path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stdout.hasPrefix("drafts/08-eighth-draft.md (Eighth draft of conclusions and recommendations) committed as "))
    #expect(next.stdout.contains("Applied: "))
    #expect(!next.stdout.contains("forced labour of migrant workers"))

    let toPrint = try decided()
    let printed = try CLI.run(["next", "--print"], in: toPrint.path)
    #expect(printed.stdout.contains("- b) taking measures to combat trafficking and forced labour of migrant workers"))
    #expect(printed.stdout.contains("Applied: "))

    let toQuiet = try decided()
    let quiet = try CLI.run(["next", "--quiet"], in: toQuiet.path)
    #expect(quiet.status == 0, "\(quiet.stderr)")
    #expect(quiet.stdout.split(separator: "\n").count == 1, "\(quiet.stdout)")
    #expect(quiet.stdout.contains("tagged draft-8"))

    let toTry = try decided()
    let dryRun = try CLI.run(["next", "--dry-run"], in: toTry.path)
    #expect(dryRun.stdout.contains("forced labour of migrant workers"), "a dry run shows the draft it would write")
  }

  @Test("compile --with-statements puts each proposal's explanatory statement under it, on one line")
  func statements() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    try CLI.run(
      [
        "propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour",
        "--rationale", "British spelling,\nas in the Convention.",
      ], in: folder.path)
    let with = try CLI.run(["compile", "--with-statements"], in: folder.path)
    #expect(with.stdout.contains("      Explanatory statement: British spelling, as in the Convention.\n"), "\(with.stdout)")
    let without = try CLI.run(["compile"], in: folder.path)
    #expect(!without.stdout.contains("British spelling"))
  }
}
