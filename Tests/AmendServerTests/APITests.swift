import Foundation
import Testing

/// The JSON API over real HTTP on loopback, against the real `amend serve`: the same values as the CLI's
/// `--json`, the same records and commits as the CLI's writes, and every refusal with the CLI's line.
@Suite struct APITests {
  /// Reading: every endpoint answers exactly what the CLI's --json prints.
  @Test func readingMatchesTheCLI() throws {
    let negotiation = try Negotiation()
    let path = negotiation.path
    #expect(
      try Amend.run(["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"], in: path).status == 0)
    let id = try negotiation.git(["log", "-1", "--format=%(trailers:key=Amend-Proposal,valueonly)"])
    let server = try ServerProcess(negotiation)
    let pairs: [(String, [String])] = [
      ("/api/draft", ["show", "--json"]),
      ("/api/draft?number=7", ["show", "--json", "--draft", "7"]),
      ("/api/clauses", ["clauses", "--json"]),
      ("/api/clauses/7%20(b)", ["show", "7 (b)", "--json"]),
      ("/api/proposals", ["proposals", "--json"]),
      ("/api/proposals?clause=7.b&status=pending", ["proposals", "--json", "--clause", "7.b", "--status", "pending"]),
      ("/api/proposals?by=Norway", ["proposals", "--json", "--by", "Norway"]),
      ("/api/proposals/\(id)", ["proposal", id, "--json"]),
      ("/api/proposals/\(id.prefix(4))", ["proposal", String(id.prefix(4)), "--json"]),
      ("/api/agenda", ["agenda", "--json"]),
      ("/api/history/7.b", ["history", "7.b", "--json"]),
      ("/api/blame/7.b", ["blame", "7.b", "--json"]),
      ("/api/log", ["log", "--json"]),
      ("/api/log?limit=1", ["log", "--json", "--limit", "1"]),
    ]
    for (address, arguments) in pairs {
      let answer = try server.request("GET", address)
      let cli = try Amend.run(arguments, in: path)
      #expect(answer.status == 200, "\(address): \(answer.text)")
      #expect(answer.text == cli.stdout, "\(address)")
      #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
    }
    let text = try server.request("GET", "/api/draft/text").object
    #expect(try text["text"] as? String == Amend.run(["show"], in: path).stdout)
    #expect(text["number"] as? Int == 7)
    let drafts = try #require(try JSONSerialization.jsonObject(with: try server.request("GET", "/api/drafts").body) as? [[String: Any]])
    #expect(drafts.count == 1 && drafts[0]["path"] as? String == "drafts/07-seventh-draft.md")
    let compilation = try server.request("GET", "/api/compilation").object
    #expect(try compilation["text"] as? String == Amend.run(["compile"], in: path).stdout)
    let session = try server.request("GET", "/api/session").object
    #expect(session["session"] == nil && session["toDecide"] as? Int == 1)
    let current = try #require(session["current"] as? [String: Any])
    #expect(current["clauseName"] as? String == "7 (b)")
    #expect((current["proposals"] as? [[String: Any]])?.first?["id"] as? String == id)
  }

  /// Reading refusals: 404 for no such proposal, clause or draft, with the CLI's line; 400 for a bad query.
  @Test func readingRefusals() throws {
    let negotiation = try Negotiation()
    let server = try ServerProcess(negotiation)
    let cases: [(String, [String], Int)] = [
      ("/api/proposals/zzzzzzzz", ["proposal", "zzzzzzzz"], 404),
      ("/api/draft?number=3", ["show", "--draft", "3"], 404),
      ("/api/history/99.z", ["history", "99.z"], 404),
      ("/api/diff?from=7&to=9", ["diff", "7", "9"], 404),
    ]
    for (address, arguments, status) in cases {
      let answer = try server.request("GET", address)
      let cli = try Amend.run(arguments, in: negotiation.path)
      #expect(answer.status == status, "\(address): \(answer.text)")
      #expect(answer.error == cli.errorLine, "\(address)")
    }
    #expect(try server.request("GET", "/api/clauses/99.z").status == 404)
    let status = try server.request("GET", "/api/proposals?status=lost")
    #expect(status.status == 400 && status.error?.hasPrefix("status must be one of pending,") == true)
    #expect(try server.request("GET", "/api/draft?number=seven").status == 400)
    #expect(try server.request("GET", "/api/log?limit=0").status == 400)
    let nowhere = try server.request("GET", "/api/nowhere")
    #expect(nowhere.status == 404 && nowhere.error == "no such address")
  }

  /// Tabling through the API writes what `amend propose` writes: in twin repositories with the same clock,
  /// nonce and operator, the same commit, byte for byte, and the same JSON.
  @Test func tablingIsTheCLIsTabling() throws {
    let viaCLI = try Negotiation()
    let viaAPI = try Negotiation()
    #expect(viaCLI.head == viaAPI.head)
    let token = try Amend.grant("delegation", "European Union", in: viaAPI.path)
    let server = try ServerProcess(viaAPI)
    let cli = try Amend.run(
      [
        "propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour",
        "--rationale", "British spelling.", "--cosponsor", "Norway", "--cosponsor", "Peru", "--json",
      ], in: viaCLI.path)
    #expect(cli.status == 0)
    let answer = try server.request(
      "POST", "/api/proposals", token: token,
      json:
        #"{"clause": "7.b", "replace": "forced labor", "with": "forced labour", "rationale": "British spelling.", "cosponsors": ["Norway", "Peru"]}"#
    )
    #expect(answer.status == 201, "\(answer.text)")
    #expect(answer.text == cli.stdout)
    #expect(viaAPI.head == viaCLI.head)
    #expect(try viaAPI.git(["log", "-1", "--format=%an|%cn <%ce>"]) == "European Union|Secretariat <secretariat@example.org>")
    // The working tree follows, as after the CLI.
    #expect(try viaAPI.git(["status", "--porcelain"]) == "")
    // Every operation, by its long option names.
    let bodies = [
      #"{"clause": "7 (a)", "delete": "just"}"#,
      #"{"clause": "7.b", "insert": " and servitude", "after": "forced labor"}"#,
      #"{"clause": "7.b", "insert": "Also ", "at-start": true}"#,
      #"{"clause": "7.b", "insert": " (sic)", "at-end": true}"#,
      #"{"clause": "7.b", "text": "A wholly new text;"}"#,
      #"{"clause": "7.b", "delete-clause": true}"#,
      #"{"clause": "7.b", "new-clause": "ensuring access to remedies;"}"#,
      #"{"clause": "7.b", "new-clause": "before it;", "before": ""}"#,
      #"{"clause": "7.c", "move-after": "7.a"}"#,
      #"{"clause": "7.c", "move-before": "7.a"}"#,
      #"{"clause": "7.c", "new-clause": "a first point;", "under": true}"#,
      #"{"throughout": true, "replace": "migrants", "with": "migrant workers"}"#,
    ]
    for body in bodies {
      let made = try server.request("POST", "/api/proposals", token: token, json: body)
      #expect(made.status == 201, "\(body): \(made.text)")
    }
    let global = try server.request("GET", "/api/proposals/\(try viaAPI.git(["log", "-1", "--format=%(trailers:key=Amend-Proposal,valueonly)"]))")
    #expect(global.object["clauseName"] as? String == "throughout the text")
    // A sub-amendment names its parent with "to" and no clause.
    let sub = try server.request(
      "POST", "/api/proposals", token: token, json: #"{"to": "\#(cliID(cli))", "replace": "labour", "with": "labour and services"}"#)
    #expect(sub.status == 201, "\(sub.text)")
    #expect(sub.object["to"] as? String == cliID(cli))
    #expect(try viaAPI.git(["rev-list", "--count", "HEAD"]) == "15")
  }

  /// The id `amend propose --json` printed.
  func cliID(_ run: Amend.Run) -> String {
    ((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any])?["id"] as? String ?? ""
  }

  /// Every refusal of tabling: 400 with the CLI's own line (or a line naming the field), 401, 403, 413 —
  /// and nothing written.
  @Test func tablingRefusals() throws {
    let negotiation = try Negotiation()
    let path = negotiation.path
    let delegation = try Amend.grant("delegation", "European Union", in: path)
    let chair = try Amend.grant("chair", "Ambassador Ndiaye", in: path)
    let server = try ServerProcess(negotiation)
    let head = negotiation.head
    let sameAsCLI: [(String, [String])] = [
      (#"{"clause": "7.b", "replace": "forced labr", "with": "x"}"#, ["--replace", "forced labr", "--with", "x"]),
      (#"{"clause": "7.b", "replace": "forced labor"}"#, ["--replace", "forced labor"]),
      (#"{"clause": "7.b"}"#, []),
      (#"{"clause": "7.b", "delete": "the", "delete-clause": true}"#, ["--delete", "the", "--delete-clause"]),
      (#"{"clause": "7.b", "delete": "forced", "occurrence": 0}"#, ["--delete", "forced", "--occurrence", "0"]),
      // Article operations read by their long option names; the seed has no articles (docs/TREATIES.md).
      (#"{"clause": "7.b", "delete-article": true}"#, ["--delete-article"]),
      (
        #"{"clause": "7.b", "new-article": "T", "paragraph": ["One.", "Two."]}"#,
        ["--new-article", "T", "--paragraph", "One.", "--paragraph", "Two."]
      ),
      (#"{"clause": "7.b", "paragraph": "One."}"#, ["--paragraph", "One."]),
      (#"{"clause": "7.b", "retitle": "T"}"#, ["--retitle", "T"]),
      (#"{"clause": "7.b", "insert": "x"}"#, ["--insert", "x"]),
      (#"{"clause": "99.z", "delete": "the"}"#, ["--delete", "the"]),
      (#"{"clause": "7.b", "delete": "forced", "cosponsors": ["European Union"]}"#, ["--delete", "forced", "--cosponsor", "European Union"]),
    ]
    for (body, flags) in sameAsCLI {
      let answer = try server.request("POST", "/api/proposals", token: delegation, json: body)
      let clause = body.contains("99.z") ? "99.z" : "7.b"
      var arguments = ["propose", clause, "--by", "European Union"] + flags
      if body.contains("cosponsors") { arguments = ["propose", clause, "--by", "European Union"] + flags }
      let cli = try Amend.run(arguments, in: path)
      #expect(cli.status != 0)
      #expect([400, 404].contains(answer.status), "\(body): \(answer.text)")
      #expect(answer.error == cli.errorLine.replacingOccurrences(of: " (see 'amend help propose')", with: ""), "\(body)")
    }
    let named: [(String, String)] = [
      (#"{"clause": "7.b", "delete": "the", "by": "Norway"}"#, "leave out 'by': the delegation is the one the token was granted to"),
      (#"{"clause": "7.b", "delete": "the", "colour": "red"}"#, "unknown field 'colour': see docs/SERVE.md for the fields of this request"),
      (#"{"clause": "7.b", "delete": 3}"#, "'delete' must be a string"),
      (#"{"clause": "7.b", "delete": "the", "occurrence": "2"}"#, "'occurrence' must be a whole number"),
      (#"{"clause": "7.b", "delete-clause": "yes"}"#, "'delete-clause' must be true or false"),
      (#"["7.b"]"#, #"the body must be one JSON object, such as {"clause": "7.b", …}"#),
      (#"{"delete": "the"}"#, #"say which clause with "clause": "7.b" (or "throughout": true, or "to": a proposal's id)"#),
      (
        #"{"clause": "7.b", "throughout": true, "replace": "labor", "with": "labour"}"#,
        "--throughout changes every clause where the words occur: give no clause ('7.b'), or leave out --throughout"
      ),
      (
        #"{"throughout": true, "text": "New."}"#,
        "--throughout goes with --replace OLD --with NEW or --delete WORDS: table other changes clause by clause"
      ),
      (#"{"clause": "7.b", "to": "abcd1234", "delete": "the"}"#, "--to ID amends a proposal's text, not a clause: leave out CLAUSE"),
    ]
    for (body, line) in named {
      let answer = try server.request("POST", "/api/proposals", token: delegation, json: body)
      #expect(answer.status == 400, "\(body)")
      #expect(answer.error == line)
    }
    let anonymous = try server.request("POST", "/api/proposals", json: #"{"clause": "7.b", "delete": "the"}"#)
    #expect(anonymous.status == 401 && anonymous.error == "sign in: send 'Authorization: Bearer TOKEN' (from 'amend access grant')")
    let unknown = try server.request("POST", "/api/proposals", token: "not-a-token", json: #"{"clause": "7.b", "delete": "the"}"#)
    #expect(unknown.status == 401)
    let byChair = try server.request("POST", "/api/proposals", token: chair, json: #"{"clause": "7.b", "delete": "the"}"#)
    #expect(byChair.status == 403)
    #expect(byChair.error == "Ambassador Ndiaye is signed in as a chair: only delegation may table a proposal")
    let huge = try server.request(
      "POST", "/api/proposals", token: delegation, json: #"{"clause": "7.b", "text": ""# + String(repeating: "a", count: 70_000) + #""}"#)
    #expect(huge.status == 413 && huge.error == "the request body is too large (at most 64 KiB)")
    #expect(negotiation.head == head)
  }

  /// The preview checks as tabling checks and writes nothing.
  @Test func previewWritesNothing() throws {
    let negotiation = try Negotiation()
    let token = try Amend.grant("delegation", "European Union", in: negotiation.path)
    let server = try ServerProcess(negotiation)
    let head = negotiation.head
    let preview = try server.request(
      "POST", "/api/proposals/preview", token: token, json: #"{"clause": "7 (b)", "replace": "forced labor", "with": "forced labour"}"#)
    #expect(preview.status == 200, "\(preview.text)")
    let object = preview.object
    #expect(object["clauseName"] as? String == "7 (b)")
    let cli = try Amend.run(
      ["propose", "7 (b)", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour", "--json"], in: negotiation.path)
    let tabled = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
    #expect(object["redline"] as? String == tabled["redline"] as? String)
    #expect(object["description"] as? String == tabled["description"] as? String)
    #expect(object["textProposed"] as? String == tabled["textProposed"] as? String)
    try negotiation.git(["reset", "--hard", "-q", head])
    #expect((object["html"] as? String)?.contains("<del") == true)
    #expect((object["html"] as? String)?.contains("<ins") == true)
    let refused = try server.request("POST", "/api/proposals/preview", token: token, json: #"{"clause": "7.b", "delete": "nowhere"}"#)
    let refusedCLI = try Amend.run(["propose", "7.b", "--by", "European Union", "--delete", "nowhere"], in: negotiation.path)
    #expect(refused.status == 400 && refused.error == refusedCLI.errorLine)
    #expect(negotiation.head == head)
    #expect(try server.request("POST", "/api/proposals/preview", json: #"{"clause": "7.b", "delete": "the"}"#).status == 401)
  }
}
