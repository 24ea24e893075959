import Foundation
import Testing

/// Brackets and alternatives (UNFCCC practice): counted, listed, and removed by proposals.
@Suite("Brackets and options")
struct BracketsCLITests {
  static let draft = """
    Climate
    First draft of the outcome
    as of 9 December 2015

    1. The Parties shall [rapidly] reduce emissions by [40–70 per cent][70–95 per cent] by 2050 [in accordance with science].
    2. Finance shall be provided [Option 1: by developed countries] [Option 2: by all Parties in a position to do so].
    3. This paragraph is agreed.

    """

  private func initialised() throws -> Scratch {
    let folder = try Scratch()
    let source = folder.path + "/source.txt"
    try Self.draft.write(toFile: source, atomically: true, encoding: .utf8)
    let made = try CLI.run(["init", "--from", source], in: folder.path)
    #expect(made.status == 0, "\(made.stderr)")
    try FileManager.default.removeItem(atPath: source)
    return folder
  }

  @Test("amend brackets lists each bracket as --occurrence counts it, groups of alternatives, and the total")
  func listing() throws {
    let folder = try initialised()
    let listed = try CLI.run(["brackets"], in: folder.path)
    #expect(
      listed.stdout == """
        6 brackets remain: 6 in 2 clauses in the first draft

        1: 4
          1 [rapidly]
          2 [40–70 per cent]
          3 [70–95 per cent]
          4 [in accordance with science]
          alternatives 1: brackets 2, 3

        2: 2
          1 [Option 1: by developed countries]
          2 [Option 2: by all Parties in a position to do so]
          alternatives 1: brackets 1, 2

        """, "\(listed.stdout)")
    let compiled = try CLI.run(["compile"], in: folder.path)
    #expect(compiled.stdout.contains("6 brackets remain: 6 in 2 clauses\n"))
    #expect(compiled.stdout.contains("1. The Parties shall [rapidly]"))
    #expect(compiled.stdout.contains("    (4 brackets remain)\n"))
    #expect(!compiled.stdout.contains("3. This paragraph is agreed.\n    ("))
  }

  @Test("remove brackets, delete bracketed text, choose an option: tabled, accepted, applied; next reports what remains")
  func operations() throws {
    let folder = try initialised()
    func table(_ arguments: [String]) throws -> String {
      let run = try CLI.run(["propose"] + arguments + ["--by", "Group of 77"], in: folder.path)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      return String(run.stdout.prefix { !$0.isWhitespace })
    }
    let remove = try table(["1", "--remove-brackets", "--occurrence", "1"])
    let choose = try table(["1", "--choose-option", "2"])
    let delete = try table(["1", "--delete-bracketed", "--occurrence", "4"])
    let option = try table(["2", "--choose-option", "1"])
    let shown = try CLI.run(["proposal", choose], in: folder.path)
    #expect(shown.stdout.contains("Amendment: choose option 2 of the alternatives"), "\(shown.stdout)")
    try CLI.run(["session", "open", "Comité de Paris", "--chair", "Laurent Fabius", "--date", "2015-12-10"], in: folder.path)
    for id in [remove, choose, delete, option] {
      let accepted = try CLI.run(["accept", id], in: folder.path)
      #expect(accepted.status == 0, "\(id): \(accepted.stderr)")
    }
    try CLI.run(["session", "close"], in: folder.path)
    let next = try CLI.run(["next", "--date", "2015-12-12"], in: folder.path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(!next.stdout.contains("Brackets:"), "no bracket remains, so none is reported: \(next.stdout)")
    let text = try CLI.run(["show"], in: folder.path).stdout
    #expect(text.contains("1. The Parties shall rapidly reduce emissions by 70–95 per cent by 2050.\n"), "\(text)")
    #expect(text.contains("2. Finance shall be provided by developed countries.\n"))
    #expect(text.contains("3. This paragraph is agreed.\n"))
    #expect(try CLI.run(["brackets"], in: folder.path).stdout == "No brackets remain in the second draft\n")
  }

  @Test(
    "refusals: no brackets, several without --occurrence, past the last, no such option, no alternatives",
    arguments: [
      (["3", "--remove-brackets"], "3 has no brackets"),
      (["1", "--remove-brackets"], "1 has 4 brackets: choose one with --occurrence N"),
      (["1", "--delete-bracketed", "--occurrence", "5"], "1 has 4 brackets, so there is no occurrence 5"),
      (["2", "--choose-option", "3"], "the alternatives in 2 are 2, so there is no option 3"),
      (["3", "--choose-option", "1"], "3 has no alternatives side by side"),
    ])
  func refusals(arguments: [String], message: String) throws {
    let folder = try initialised()
    try expectRefusal(
      HostileCase(name: message, arguments: ["propose"] + arguments + ["--by", "Group of 77"], message: message), in: folder.path)
  }
}
