import Crypto
import Foundation
import Testing

/// `amend access`: tokens printed once, kept only as hashes, listed, revoked, and agreeing with roles.yaml.
@Suite struct AccessTests {
  @Test func grantPrintsTokenOnceAndKeepsOnlyItsHash() throws {
    let negotiation = try Negotiation()
    let run = try Amend.run(["access", "grant", "--delegation", "European Union", "--port", "9000"], in: negotiation.path)
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let token = try #require(lines.first)
    #expect(token.count == 43)
    #expect(lines[1] == "sign-in link: http://127.0.0.1:9000/signin#token=\(token)")
    let stored = try String(contentsOfFile: negotiation.path + "/.git/amend/access-v1.json", encoding: .utf8)
    #expect(!stored.contains(token))
    let hash = SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    #expect(stored.contains(hash))
    let mode = try FileManager.default.attributesOfItem(atPath: negotiation.path + "/.git/amend/access-v1.json")[.posixPermissions] as? Int
    #expect(mode == 0o600)
    // Nothing tracked changed: the grant is outside the record.
    #expect(try negotiation.git(["status", "--porcelain"]) == "")
    let listed = try Amend.run(["access", "list"], in: negotiation.path)
    #expect(listed.stdout.contains("delegation  2010-10-12T09:00:00Z  European Union"))
    #expect(!listed.stdout.contains(token))
    let json = try Amend.run(["access", "list", "--json"], in: negotiation.path)
    #expect(!json.stdout.contains(hash) && json.stdout.contains("\"role\" : \"delegation\""))
  }

  @Test func revokedTokenIsRefusedAtOnceByARunningServer() throws {
    let negotiation = try Negotiation()
    let token = try Amend.grant("delegation", "Norway", in: negotiation.path)
    let server = try ServerProcess(negotiation)
    #expect(try server.request("GET", "/api/whoami", token: token).status == 200)
    let id = try #require(try Amend.run(["access", "list"], in: negotiation.path).stdout.split(separator: " ").first)
    let revoked = try Amend.run(["access", "revoke", String(id)], in: negotiation.path)
    #expect(revoked.stdout == "revoked \(id): Norway (delegation)\n")
    let after = try server.request("GET", "/api/whoami", token: token)
    #expect(after.status == 401)
    #expect(after.error == "the token is not known here (revoked, or for another repository): ask for a new one")
    let again = try Amend.run(["access", "revoke", String(id)], in: negotiation.path)
    #expect(again.status == 1 && again.stderr == "amend: error: no access grant has the id '\(id)': see 'amend access list'\n")
  }

  @Test func grantRefusals() throws {
    let negotiation = try Negotiation()
    let none = try Amend.run(["access", "grant"], in: negotiation.path)
    #expect(none.status == 64)
    #expect(none.stderr == "amend: error: name exactly one of --delegation NAME, --chair NAME, --secretariat NAME (see 'amend help access grant')\n")
    let badName = try Amend.run(["access", "grant", "--delegation", "<script>"], in: negotiation.path)
    #expect(badName.status == 1 && badName.stderr.split(separator: "\n").count == 1)
    // Once roles.yaml names people, a token's role must agree with it.
    #expect(try Amend.run(["roles", "set", "--delegation", "Norway"], in: negotiation.path).status == 0)
    #expect(try Amend.run(["roles", "set", "--chair", "Ambassador Ndiaye"], in: negotiation.path).status == 0)
    let grants = negotiation.path + "/.git/amend/access-v1.json"
    let before = FileManager.default.contents(atPath: grants)
    let notListed = try Amend.run(["access", "grant", "--delegation", "Peru"], in: negotiation.path)
    #expect(notListed.status == 1)
    #expect(
      notListed.stderr
        == "amend: error: roles.yaml does not list Peru as a delegation: the secretariat adds it with 'amend roles set --delegation Peru'\n")
    let notChair = try Amend.run(["access", "grant", "--chair", "Norway"], in: negotiation.path)
    #expect(notChair.status == 1 && notChair.errorLine.hasPrefix("roles.yaml lists Norway neither as a chair"))
    let notSecretariat = try Amend.run(["access", "grant", "--secretariat", "Norway"], in: negotiation.path)
    #expect(notSecretariat.status == 1 && notSecretariat.errorLine.hasPrefix("roles.yaml names another secretariat"))
    #expect(FileManager.default.contents(atPath: grants) == before)
    #expect(try Amend.run(["access", "grant", "--delegation", "norway"], in: negotiation.path).status == 0)
    #expect(try Amend.run(["access", "grant", "--chair", "Ambassador Ndiaye"], in: negotiation.path).status == 0)
    #expect(try Amend.run(["access", "grant", "--secretariat", "Secretariat"], in: negotiation.path).status == 0)
  }
}
