import Foundation
import Testing

/// Co-sponsors over time: `amend cosponsor ID --by D [--leave]`.
@Suite("Co-sponsors join and leave a pending proposal")
struct CosponsorCLITests {
  /// The seed with European Union's 7 (b) tabled, co-sponsored by Brazil at tabling; its id.
  private func tabled(_ folder: Scratch) throws -> String {
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let tabled = try CLI.run(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour", "--cosponsor", "Brazil"],
      in: folder.path, extra: ["AMEND_NOW": "2010-10-12T14:00:00Z"])
    return String(tabled.stdout.prefix { !$0.isWhitespace })
  }

  @Test("joining and leaving are records authored by the delegation; proposal, proposals --by and withdraw follow them")
  func joinAndLeave() throws {
    let folder = try Scratch()
    let id = try tabled(folder)
    let joined = try CLI.run(["cosponsor", id, "--by", "Norway"], in: folder.path, extra: ["AMEND_NOW": "2010-10-12T15:00:00Z"])
    #expect(joined.status == 0, "\(joined.stderr)")
    #expect(joined.stdout == "Norway joined \(id) as co-sponsor\n")
    let left = try CLI.run(["cosponsor", id, "--by", "Brazil", "--leave"], in: folder.path, extra: ["AMEND_NOW": "2010-10-12T16:00:00Z"])
    #expect(left.stdout == "Brazil left \(id) as co-sponsor\n")

    let shown = try CLI.run(["proposal", id], in: folder.path)
    #expect(shown.stdout.contains("Tabled by European Union (co-sponsors: Norway) on 2010-10-12T14:00:00Z\n"), "\(shown.stdout)")
    #expect(shown.stdout.contains("Co-sponsor Norway joined on 2010-10-12T15:00:00Z\nCo-sponsor Brazil left on 2010-10-12T16:00:00Z\n"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: try CLI.run(["proposal", id, "--json"], in: folder.path).stdoutData) as? [String: Any])
    #expect(json["cosponsors"] as? [String] == ["Norway"])
    #expect((json["cosponsorships"] as? [[String: Any]])?.map { $0["change"] as? String } == ["joined", "left"])

    #expect(try CLI.run(["proposals", "--by", "Norway"], in: folder.path).stdout.contains(id))
    #expect(!(try CLI.run(["proposals", "--by", "Brazil"], in: folder.path).stdout.contains(id)))
    // The git CLI sees each delegation as the author of its own record.
    let authors = try git(["log", "--format=%an|%(trailers:key=Amend-Event,valueonly,separator=)"], in: folder.path)
    #expect(authors.hasPrefix("Brazil|cosponsor-left\nNorway|cosponsor-joined\nEuropean Union|tabled\n"), "\(authors)")

    // Brazil left, so it can no longer withdraw; Norway joined, so it can.
    try expectRefusal(
      HostileCase(
        name: "a former co-sponsor withdraws", arguments: ["withdraw", id, "--by", "Brazil"],
        message: "only European Union or its co-sponsors (Norway)"), in: folder.path)
    let withdrawn = try CLI.run(["withdraw", id, "--by", "Norway"], in: folder.path)
    #expect(withdrawn.stdout == "\(id) withdrawn by Norway on behalf of European Union\n")
    #expect(try fsckIsClean(folder.path))
  }

  @Test(
    "refusals: the proposer, twice, leaving without having joined, no name, a bad name, a decided proposal",
    arguments: [
      (["--by", "European Union"], "European Union tabled {id} and cannot co-sponsor its own proposal"),
      (["--by", "european union"], "cannot co-sponsor its own proposal"),
      (["--by", "Brazil"], "Brazil already co-sponsors {id}"),
      (["--by", "Norway", "--leave"], "Norway does not co-sponsor {id}, so it cannot leave it: they are Brazil"),
      (["--by", " "], "no delegation named: say who joins with --by DELEGATION"),
      (["--by", "<script>"], "the delegation (--by) '<script>' contains < or >"),
    ])
  func refusals(arguments: [String], message: String) throws {
    let folder = try Scratch()
    let id = try tabled(folder)
    try expectRefusal(
      HostileCase(name: message, arguments: ["cosponsor", id] + arguments, message: message.replacingOccurrences(of: "{id}", with: id)),
      in: folder.path)
  }

  @Test("once decided, the sponsors are what they were")
  func decided() throws {
    let folder = try Scratch()
    let id = try tabled(folder)
    try CLI.run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], in: folder.path)
    try CLI.run(["reject", id], in: folder.path)
    try expectRefusal(
      HostileCase(
        name: "join a rejected proposal", arguments: ["cosponsor", id, "--by", "Norway"],
        message: "\(id) is already rejected: co-sponsors join or leave only before a decision"),
      in: folder.path)
  }
}
