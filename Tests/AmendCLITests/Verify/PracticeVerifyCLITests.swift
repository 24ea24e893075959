import Foundation
import GitCLISupport
import Testing

/// The practice commands (co-sponsors over time, revisions, take-up, the deadline) under roles and `verify`.
@Suite("Practice under roles: what verify accepts and what it reports")
struct PracticeVerifyCLITests {
  @Test("co-sponsoring, revising, taking up, a deadline and a late amendment: verify is clean; roles refuse the others")
  func clean() throws {
    let stage = try NegotiationStage(draft: false)
    try stage.amend(["roles", "set", "--delegation", "Norway"])
    let european = try stage.table(
      "European Union", ["--replace", "forced labor", "--with", "forced labour"], as: NegotiationStage.europeanUnion)
    let norway = ["AMEND_COMMITTER": "Norway <clerk@no.example.org>"]
    try stage.amend(["cosponsor", european, "--by", "Norway"], as: norway)
    try stage.amend(["revise", european, "--by", "Norway", "--replace", "forced labor", "--with", "compulsory labour"], as: norway)
    try stage.amend(["withdraw", european, "--by", "Norway"], as: norway)
    try stage.amend(["take-up", european, "--by", "Group of African States"], as: NegotiationStage.africanGroup)
    try stage.amend(["deadline", "set", "2010-10-12T18:00Z"])
    try stage.amend(
      ["propose", "7.a", "--by", "European Union", "--delete-clause", "--late"],
      as: NegotiationStage.europeanUnion.merging(["AMEND_NOW": "2010-10-12T19:00:00Z"]) { _, new in new })
    let result = try stage.verify()
    #expect(result.status == 0, "\(result.lines)")

    try expectRefusal(
      HostileCase(
        name: "a chair sets the deadline", arguments: ["deadline", "set", "2010-10-13T18:00Z"],
        message: "only the secretariat (Secretariat) sets the deadline for amendments", environment: NegotiationStage.chair),
      in: stage.path)
    try expectRefusal(
      HostileCase(
        name: "an unlisted delegation co-sponsors", arguments: ["cosponsor", european, "--by", "Atlantis"],
        message: "Atlantis", environment: ["AMEND_COMMITTER": "Atlantis <a@example.org>"]),
      in: stage.path)
  }

  @Test("a co-sponsorship recorded in another delegation's name is reported")
  func forged() throws {
    let stage = try NegotiationStage(draft: false)
    let european = try stage.table(
      "European Union", ["--replace", "forced labor", "--with", "forced labour"], as: NegotiationStage.europeanUnion)
    // The Group of African States writes a record saying the European Union joined.
    try FileManager.default.createDirectory(atPath: stage.path + "/proposals/events", withIntermediateDirectories: true)
    try stage.write(
      "id: forgedjoin01\nseq: 99\nkind: cosponsor-joined\ntime: '2010-10-12T10:00:00Z'\nproposal: \(european)\nby: European Union\n",
      to: "proposals/events/forgedjoin01.yaml")
    let joined = try stage.commitWithGit(as: "Group of African States", message: "join")
    expectOneBreach(
      try stage.verify(), commit: joined, saying: "cosponsor-joined on \(european) recorded in the name of European Union by Group of African States")
  }
}
