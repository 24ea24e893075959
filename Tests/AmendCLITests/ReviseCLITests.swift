import Foundation
import Testing

/// Revising a pending proposal and taking up a withdrawn one.
@Suite("Revise a proposal; take up a withdrawn one")
struct ReviseCLITests {
  /// The seed with European Union's 7 (b) tabled, co-sponsored by Norway; its id.
  private func tabled(_ folder: Scratch) throws -> String {
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let tabled = try CLI.run(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour", "--cosponsor", "Norway"],
      in: folder.path, extra: ["AMEND_NOW": "2010-10-12T14:00:00Z"])
    return String(tabled.stdout.prefix { !$0.isWhitespace })
  }

  @Test("a revision keeps the id; proposal shows every revision; compile shows the latest; next applies the latest")
  func revise() throws {
    let folder = try Scratch()
    let id = try tabled(folder)
    let revised = try CLI.run(
      ["revise", id, "--by", "Norway", "--replace", "forced labor", "--with", "compulsory labour", "--rationale", "ILO wording."],
      in: folder.path, extra: ["AMEND_NOW": "2010-10-12T15:00:00Z"])
    #expect(revised.status == 0, "\(revised.stderr)")
    #expect(
      revised.stdout.hasPrefix("\(id) revised by Norway on behalf of European Union (revision 1): replace 'forced labor' with 'compulsory labour'\n"))
    let again = try CLI.run(
      ["revise", id, "--by", "European Union", "--insert", " and servitude", "--after", "forced labor"], in: folder.path,
      extra: ["AMEND_NOW": "2010-10-12T16:00:00Z"])
    #expect(again.status == 0, "\(again.stderr)")

    let shown = try CLI.run(["proposal", id], in: folder.path)
    #expect(
      shown.stdout.contains(
        "Revision 1 by Norway on behalf of European Union on 2010-10-12T15:00:00Z: replace 'forced labor' with 'compulsory labour'\n"))
    #expect(
      shown.stdout.contains("Revision 2 by European Union on 2010-10-12T16:00:00Z: after 'forced labor' insert ' and servitude'\n"),
      "\(shown.stdout)")
    #expect(shown.stdout.contains("Explanatory statement: ILO wording."))
    let compiled = try CLI.run(["compile"], in: folder.path)
    #expect(
      compiled.stdout.contains("[\(id)] European Union (co-sponsors: Norway): after 'forced labor' insert ' and servitude'"), "\(compiled.stdout)")
    #expect(!compiled.stdout.contains("compulsory"))
    let authors = try git(["log", "-3", "--format=%an|%(trailers:key=Amend-Event,valueonly,separator=)"], in: folder.path)
    #expect(authors == "European Union|proposal-revised\nNorway|proposal-revised\nEuropean Union|tabled\n")

    try CLI.run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], in: folder.path)
    #expect(try CLI.run(["accept", id], in: folder.path).status == 0)
    try expectRefusal(
      HostileCase(
        name: "revise once decided", arguments: ["revise", id, "--by", "European Union", "--delete", "forced"],
        message: "is already accepted: a proposal can only be revised before a decision"),
      in: folder.path)
    try CLI.run(["session", "close"], in: folder.path)
    #expect(try CLI.run(["next"], in: folder.path).status == 0)
    let clause = try CLI.run(["show", "7.b"], in: folder.path)
    #expect(clause.stdout.contains("forced labor and servitude of migrant workers"), "\(clause.stdout)")
    // The history of 7 (b) shows the proposal as tabled and every revision before the decision.
    let history = try CLI.run(["history", "7.b"], in: folder.path).stdout
    let lines = [
      "    tabled (2010-10-12T14:00:00Z): replace 'forced labor' with 'forced labour'",
      "    revised by Norway (2010-10-12T15:00:00Z): replace 'forced labor' with 'compulsory labour'",
      "    revised by European Union (2010-10-12T16:00:00Z): after 'forced labor' insert ' and servitude'",
      "    accepted in session Second reading",
    ]
    #expect(history.contains(lines.joined(separator: "\n")), "\(history)")
    #expect(try fsckIsClean(folder.path))
  }

  @Test(
    "revise refuses: another delegation, nothing changed, no operation, a clause that does not exist",
    arguments: [
      (["--by", "Brazil", "--delete", "forced"], "Brazil cannot revise {id}: only European Union or its co-sponsors (Norway) may"),
      (["--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], "the revision asks for exactly what {id} already asks"),
      (["--by", "European Union", "--delete", "slavery"], "the words 'slavery' do not occur"),
      (["--by", "European Union", "--delete", "forced", "--clause", "99"], "99"),
      (["--by", " ", "--delete", "forced"], "no delegation named"),
    ])
  func reviseRefusals(arguments: [String], message: String) throws {
    let folder = try Scratch()
    let id = try tabled(folder)
    try expectRefusal(
      HostileCase(name: message, arguments: ["revise", id] + arguments, message: message.replacingOccurrences(of: "{id}", with: id)),
      in: folder.path)
  }

  @Test("take-up: another delegation re-tables a withdrawn proposal as its own, linked both ways")
  func takeUp() throws {
    let folder = try Scratch()
    let id = try tabled(folder)
    try expectRefusal(
      HostileCase(name: "take up a pending proposal", arguments: ["take-up", id, "--by", "Brazil"], message: "\(id) is pending, not withdrawn"),
      in: folder.path)
    try CLI.run(["withdraw", id, "--by", "European Union"], in: folder.path)
    try expectRefusal(
      HostileCase(name: "the withdrawer takes up its own", arguments: ["take-up", id, "--by", "European Union"], message: "withdrew \(id) itself"),
      in: folder.path)
    let taken = try CLI.run(["take-up", id, "--by", "Brazil", "--json"], in: folder.path)
    #expect(taken.status == 0, "\(taken.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: taken.stdoutData) as? [String: Any])
    let newID = try #require(object["id"] as? String)
    #expect(object["by"] as? String == "Brazil")
    #expect(object["takenUpFrom"] as? String == id)
    #expect(object["description"] as? String == "replace 'forced labor' with 'forced labour'")
    #expect(try CLI.run(["proposal", id], in: folder.path).stdout.contains("Taken up as \(newID)\n"))
    #expect(try CLI.run(["proposal", newID], in: folder.path).stdout.contains("Takes up \(id), withdrawn\n"))
    #expect(try git(["log", "-1", "--format=%an|%(trailers:key=Amend-Takes-Up,valueonly,separator=)"], in: folder.path) == "Brazil|\(id)\n")
    try expectRefusal(
      HostileCase(name: "taken up twice", arguments: ["take-up", id, "--by", "Chile"], message: "already taken up as \(newID)"),
      in: folder.path)
  }
}
