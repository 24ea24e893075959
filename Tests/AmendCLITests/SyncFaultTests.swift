import Foundation
import GitCLISupport
import Testing

/// A sync killed at any write point (the merge's tree and commit, the pack and the branch written to the
/// remote, the index lock, the local branch, files and index, the remote-tracking branch) leaves both
/// repositories sound, and the next sync reaches exactly the state a sync never stopped reaches.
@Suite("Sync killed at every write point")
struct SyncFaultTests {
  /// `root/srv/negotiation.git` and two clones that both tabled: `sec` has synced, `eu` has not.
  private func prepare(_ root: String) throws -> String {
    try FileManager.default.createDirectory(atPath: root + "/srv", withIntermediateDirectories: true)
    try GitCLI.run(["init", "-q", "--bare", "-b", "main", "negotiation.git"], in: root + "/srv")
    try amend(["init", "--from", CLI.seed, "--repo", "sec"], as: Party.secretariat, in: root)
    try GitCLI.run(["remote", "add", "origin", root + "/srv/negotiation.git"], in: root + "/sec")
    try amend(["sync"], as: Party.secretariat, in: root + "/sec")
    try amend(["clone", root + "/srv/negotiation.git", "eu"], as: Party.europeanUnion, in: root)
    try amend(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], as: Party.europeanUnion,
      in: root + "/eu", nonce: 1)
    try amend(
      ["propose", "7.b", "--by", "Group of African States", "--insert", ", smuggling", "--after", "trafficking"], as: Party.africanGroup,
      in: root + "/sec", nonce: 2)
    try amend(["sync"], as: Party.secretariat, in: root + "/sec")
    return root + "/eu"
  }

  /// A copy of the remote and of `eu`, with `eu`'s origin pointing at the copied remote.
  private func copy(_ root: String, to target: String) throws -> String {
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    for part in ["srv", "eu"] { try copyItem(root + "/" + part, target + "/" + part) }
    try GitCLI.run(["remote", "set-url", "origin", target + "/srv/negotiation.git"], in: target + "/eu")
    return target + "/eu"
  }

  private func copyItem(_ from: String, _ to: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/cp")
    process.arguments = ["-a", from, to]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  private func tip(_ folder: String, _ reference: String = "HEAD") throws -> String {
    try GitCLI.run(["rev-parse", reference], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func aSyncKilledAnywhereIsFinishedByTheNext() throws {
    let scratch = try Scratch()
    let root = scratch.path + "/stage"
    let eu = try prepare(root)
    let oldLocal = try tip(eu)
    let oldRemote = try tip(root + "/srv/negotiation.git", "main")
    let cleanEU = try copy(root, to: scratch.path + "/clean")
    try amend(["sync"], as: Party.europeanUnion, in: cleanEU)
    let merged = try tip(cleanEU)
    let cleanState = try RepositoryState(of: cleanEU)
    var points = 0
    for point in 1..<40 {
      let folder = try copy(root, to: scratch.path + "/kill-\(point)")
      let remote = scratch.path + "/kill-\(point)/srv/negotiation.git"
      let run = try CLI.run(["sync"], in: folder, extra: ["AMEND_COMMITTER": Party.europeanUnion, "AMEND_FAULT": "kill:\(point)"])
      guard run.status == 86 else {
        #expect(run.status == 0, "past the last write point: \(run.stderr)")
        break
      }
      points += 1
      let label = "killed at write point \(point)"
      #expect([oldLocal, merged].contains(try tip(folder)), "\(label): local branch moved elsewhere")
      #expect([oldRemote, merged].contains(try tip(remote, "main")), "\(label): remote branch moved elsewhere")
      #expect(try fsckIsClean(folder) && fsckIsClean(remote), "\(label)")
      try amend(["sync"], as: Party.europeanUnion, in: folder)
      #expect(try tip(folder) == merged && tip(remote, "main") == merged, "\(label): the next sync did not finish the work")
      let state = try RepositoryState(of: folder)
      let workingTree = { (state: RepositoryState) in state.files.filter { !$0.key.hasPrefix(".git") } }
      #expect(state.status.isEmpty && state.index == cleanState.index && state.refs == cleanState.refs, "\(label): \(state)")
      #expect(workingTree(state) == workingTree(cleanState), "\(label): the working tree differs")
    }
    #expect(points >= 8, "only \(points) write points")
  }
}
