import Foundation
import GitCLISupport
import Testing

@Suite("amend roles")
struct RolesCLITests {
  @Test("before roles are recorded, the person who ran init is the secretariat and nothing is refused")
  func beforeRoles() throws {
    let scratch = try Scratch()
    try #require(try CLI.run(["init", "--from", CLI.seed], in: scratch.path).status == 0)
    let shown = try CLI.run(["roles"], in: scratch.path)
    #expect(shown.status == 0)
    #expect(shown.stdout.hasPrefix("Secretariat: Secretariat\nChairs: none named\nDelegations: none named\nNo roles recorded yet"))
    let json = try CLI.run(["roles", "--json"], in: scratch.path)
    let value = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    #expect(value["recorded"] as? Bool == false)
    #expect((value["secretariat"] as? [String: Any])?["name"] as? String == "Secretariat")
    // Anyone tables and anyone chairs, as before roles existed.
    let tabled = try CLI.run(
      ["propose", "7 (b)", "--by", "Norway", "--delete-clause"], in: scratch.path, extra: ["AMEND_COMMITTER": "Someone <s@x.org>"])
    #expect(tabled.status == 0, "\(tabled.stderr)")
    #expect(try CLI.run(["verify"], in: scratch.path).status == 0)
  }

  @Test("set and remove, by the secretariat: one commit of roles.yaml each, shown as text and JSON")
  func setAndRemove() throws {
    let stage = try NegotiationStage(draft: false)
    let json = try stage.amend(["roles", "--json"])
    let value = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    #expect(value["recorded"] as? Bool == true)
    #expect((value["chairs"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Ambassador Ndiaye"])
    #expect((value["delegations"] as? [[String: Any]])?.count == 2)
    try stage.amend(["roles", "remove", "--delegation", "group of african states"])
    let shown = try stage.amend(["roles"])
    #expect(shown.stdout == "Secretariat: Secretariat\nChairs: Ambassador Ndiaye\nDelegations: 1\n  European Union\n")
    let log = try GitCLI.run(["log", "--format=%an|%s|%(trailers:key=Amend-Event,valueonly)", "--", "roles.yaml"], in: stage.path)
    #expect(log.split(separator: "\n").filter { !$0.isEmpty }.count == 4)
    #expect(log.hasPrefix("Secretariat|Roles: remove delegation group of african states|roles\n"))
    let file = try stage.read("roles.yaml")
    #expect(file == "secretariat:\n  name: Secretariat\nchairs:\n- name: Ambassador Ndiaye\ndelegations:\n- name: European Union\n")
    #expect(try stage.verify().status == 0)
  }

  @Test("the secretariat hands over: the new secretariat changes the roles, the old one no longer can")
  func handOver() throws {
    let stage = try NegotiationStage(draft: false)
    try stage.amend(["roles", "set", "--secretariat", "New Secretariat"])
    try expectRefusal(
      HostileCase(name: "old secretariat", arguments: ["roles", "set", "--chair", "Someone"], message: "only the secretariat (New Secretariat)"),
      in: stage.path)
    try stage.amend(["roles", "set", "--chair", "Someone"], as: ["AMEND_COMMITTER": "New Secretariat <new@example.org>"])
    #expect(try stage.verify().status == 0)
  }

  static let refusals: [HostileCase] = [
    HostileCase(
      name: "roles set by a delegation", arguments: ["roles", "set", "--delegation", "Norway"],
      message: "only the secretariat (Secretariat) may change the roles; 'European Union'", environment: NegotiationStage.europeanUnion),
    HostileCase(
      name: "tabled for a delegation not listed", arguments: ["propose", "7 (b)", "--by", "Norway", "--delete-clause"],
      message: "'Norway' is not a participating delegation in roles.yaml"),
    HostileCase(
      name: "withdrawn for a delegation not listed", arguments: ["withdraw", "abcd1234", "--by", "Norway"],
      message: "'Norway' is not a participating delegation"),
    HostileCase(
      name: "session opened by a delegation", arguments: ["session", "open", "Third", "--chair", "Ambassador Ndiaye"],
      message: "only a chair or the secretariat may open a session; 'European Union'", environment: NegotiationStage.europeanUnion),
    HostileCase(
      name: "session chaired by someone not listed", arguments: ["session", "open", "Third", "--chair", "Mr Nobody"],
      message: "'Mr Nobody' is not a chair in roles.yaml"),
    HostileCase(
      name: "next by a delegation", arguments: ["next", "--allow-empty"],
      message: "only a chair or the secretariat may produce the next draft", environment: NegotiationStage.europeanUnion),
    HostileCase(
      name: "a key file that is not one", arguments: ["roles", "set", "--delegation", "Norway", "--key", "roles.yaml"],
      message: "is not an SSH public key file"),
    HostileCase(
      name: "a key file that is not there", arguments: ["roles", "set", "--delegation", "Norway", "--key", "missing.pub"],
      message: "cannot read the public key file 'missing.pub'"),
    HostileCase(
      name: "remove a delegation not listed", arguments: ["roles", "remove", "--delegation", "Norway"],
      message: "'Norway' is not a delegation in roles.yaml"),
    HostileCase(
      name: "a name with a line break", arguments: ["roles", "set", "--chair", "Ambassador\nNdiaye"],
      message: "--chair 'Ambassador\\nNdiaye' has a line break"),
    HostileCase(
      name: "two roles at once", arguments: ["roles", "set", "--chair", "A", "--delegation", "B"],
      message: "give exactly one of --secretariat, --chair, --delegation"),
  ]

  @Test("once roles are recorded, amend refuses what verify would report", arguments: refusals)
  func refusedBeforeRecording(_ hostile: HostileCase) throws {
    let stage = try NegotiationStage(draft: false)
    try expectRefusal(hostile, in: stage.path)
  }

  @Test("a decision and a closing by someone who is neither chair nor secretariat are refused")
  func decisionsRefused() throws {
    let stage = try NegotiationStage(draft: false)
    let id = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.europeanUnion)
    try stage.amend(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye"], as: NegotiationStage.chair)
    try expectRefusal(
      HostileCase(
        name: "accept by a delegation", arguments: ["accept", id], message: "only a chair or the secretariat may take or take back a decision",
        environment: NegotiationStage.africanGroup), in: stage.path)
    try expectRefusal(
      HostileCase(
        name: "close by a delegation", arguments: ["session", "close"], message: "only a chair or the secretariat may close a session",
        environment: NegotiationStage.africanGroup), in: stage.path)
    // The secretariat may act for the chair.
    try stage.amend(["accept", id])
  }
}
