import AmendKit
import Foundation
import Testing

/// Deadlines and late ("manuscript") amendments.
@Suite("A deadline for amendments; late amendments")
struct DeadlineCLITests {
  private func propose(_ extra: [String] = [], at time: String, in folder: Scratch) throws -> Run {
    try CLI.run(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"] + extra,
      in: folder.path, extra: ["AMEND_NOW": time])
  }

  @Test("after the deadline a proposal is refused unless --late; late ones are marked in the record, agenda and compilation")
  func deadline() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    #expect(try CLI.run(["deadline"], in: folder.path).stdout == "No deadline: amendments may be tabled at any time\n")
    let set = try CLI.run(["deadline", "set", "2010-10-12T18:00Z"], in: folder.path, extra: ["AMEND_NOW": "2010-10-12T09:00:00Z"])
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout == "Deadline for amendments set: 2010-10-12T18:00:00Z\n")
    #expect(try CLI.run(["deadline"], in: folder.path).stdout.hasPrefix("Deadline for amendments: 2010-10-12T18:00:00Z (set by "))

    let inTime = try propose(at: "2010-10-12T17:59:59Z", in: folder)
    #expect(inTime.status == 0, "\(inTime.stderr)")
    try expectRefusal(
      HostileCase(
        name: "after the deadline", arguments: ["propose", "7.a", "--by", "Brazil", "--delete-clause"],
        message: "the deadline for amendments passed at 2010-10-12T18:00:00Z: table it as a late amendment with --late",
        environment: ["AMEND_NOW": "2010-10-12T18:00:01Z"]),
      in: folder.path)
    let late = try CLI.run(
      ["propose", "7.a", "--by", "Brazil", "--delete-clause", "--late"], in: folder.path, extra: ["AMEND_NOW": "2010-10-13T08:00:00Z"])
    #expect(late.status == 0, "\(late.stderr)")
    let lateID = String(late.stdout.prefix { !$0.isWhitespace })
    let record = try String(contentsOfFile: folder.path + "/" + ProposalRecord.path(for: lateID), encoding: .utf8)
    #expect(record.contains("late: true"))
    #expect(try git(["log", "-1", "--format=%(trailers:key=Amend-Late,valueonly,separator=)"], in: folder.path) == "yes\n")

    let agenda = try CLI.run(["agenda"], in: folder.path)
    #expect(agenda.stdout.contains("  \(lateID) Brazil (late): "), "\(agenda.stdout)")
    let compiled = try CLI.run(["compile"], in: folder.path)
    #expect(compiled.stdout.contains("LATE: tabled after the deadline; the chair decides whether to take it"))
    #expect(compiled.stdout.components(separatedBy: "LATE:").count == 2, "only the late one is marked")
    #expect(try CLI.run(["proposal", lateID], in: folder.path).stdout.contains("Late: tabled after the deadline"))

    // Lifted: anyone may table again without --late.
    #expect(try CLI.run(["deadline", "lift"], in: folder.path).stdout == "Deadline for amendments lifted\n")
    #expect(try propose(["--occurrence", "1"], at: "2010-10-14T08:00:00Z", in: folder).status == 0)
    #expect(try CLI.run(["deadline"], in: folder.path).stdout.hasPrefix("No deadline"))
    #expect(try fsckIsClean(folder.path))
  }

  @Test(
    "deadline set refuses what is not a moment",
    arguments: [
      ("2010-10-12", "is not a deadline: write YYYY-MM-DDTHH:MM in UTC"),
      ("2010-10-12T18:00+02:00", "is not a deadline"),
      ("tomorrow", "is not a deadline"),
      ("2010-02-30T10:00", "is not a real moment"),
      ("2010-10-12T25:00Z", "is not a real moment"),
    ])
  func badMoments(moment: String, message: String) throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    try expectRefusal(HostileCase(name: moment, arguments: ["deadline", "set", moment], message: message), in: folder.path)
  }
}
