import Foundation
import Testing

/// The chair's and the secretariat's writes, the role boundaries, and the browsers' cookie sessions.
@Suite struct RoomTests {
  /// Table, open, decide each way, refuse as the CLI refuses, close, produce the eighth draft.
  @Test func chairAndSecretariat() throws {
    let negotiation = try Negotiation()
    let path = negotiation.path
    let union = try Amend.grant("delegation", "European Union", in: path)
    let norway = try Amend.grant("delegation", "Norway", in: path)
    let chair = try Amend.grant("chair", "Ambassador Ndiaye", in: path)
    let secretariat = try Amend.grant("secretariat", "Secretariat", in: path)
    let server = try ServerProcess(negotiation)
    func table(_ body: String, _ token: String) throws -> String {
      let made = try server.request("POST", "/api/proposals", token: token, json: body)
      #expect(made.status == 201, "\(made.text)")
      return try #require(made.object["id"] as? String)
    }
    let labour = try table(#"{"clause": "7.b", "replace": "forced labor", "with": "forced labour"}"#, union)
    let second = try table(#"{"clause": "7 (a)", "insert": " urgently", "at-end": true}"#, union)
    let third = try table(#"{"clause": "7.c", "delete-clause": true, "cosponsors": ["European Union"]}"#, norway)
    let fourth = try table(#"{"clause": "7.d", "delete-clause": true}"#, norway)

    // A delegation cannot withdraw another's proposal (403, the CLI's line), but a co-sponsor may.
    let foreign = try server.request("POST", "/api/proposals/\(labour)/withdraw", token: norway)
    let cliForeign = try Amend.run(["withdraw", labour, "--by", "Norway"], in: path)
    #expect(foreign.status == 403 && foreign.error == cliForeign.errorLine)
    let onBehalf = try server.request("POST", "/api/proposals/\(third)/withdraw", token: union)
    #expect(onBehalf.status == 200 && onBehalf.object["status"] as? String == "withdrawn")
    let twice = try server.request("POST", "/api/proposals/\(third)/withdraw", token: norway)
    #expect(twice.status == 409, "\(twice.text)")
    #expect(try server.request("POST", "/api/proposals/zzzzzzzz/withdraw", token: norway).status == 404)

    // A delegation cannot decide; no one decides before a session is open (409, the CLI's line).
    for action in ["accept", "reject", "defer", "reopen"] {
      let refused = try server.request("POST", "/api/proposals/\(labour)/\(action)", token: union)
      #expect(refused.status == 403, "\(action)")
      #expect(refused.error == "European Union is signed in as a delegation: only chair or secretariat may decide")
    }
    #expect(try server.request("POST", "/api/session/open", token: norway, json: #"{"name": "x"}"#).status == 403)
    let early = try server.request("POST", "/api/proposals/\(labour)/accept", token: chair)
    #expect(try early.status == 409 && early.error == Amend.run(["accept", labour], in: path).errorLine)
    #expect(try server.request("POST", "/api/session/close", token: chair).status == 409)

    let opened = try server.request("POST", "/api/session/open", token: chair, json: #"{"name": "Second reading", "date": "2010-10-13"}"#)
    #expect(opened.status == 201, "\(opened.text)")
    #expect(opened.object["chair"] as? String == "Ambassador Ndiaye" && opened.object["isOpen"] as? Bool == true)
    let again = try server.request("POST", "/api/session/open", token: chair, json: #"{"name": "Third"}"#)
    #expect(try again.status == 409 && again.error == Amend.run(["session", "open", "Third", "--chair", "X"], in: path).errorLine)
    let badDate = try server.request("POST", "/api/session/open", token: chair, json: #"{"name": "Third", "date": "13 October"}"#)
    #expect(
      try badDate.status == 400
        && badDate.error == Amend.run(["session", "open", "Third", "--chair", "X", "--date", "13 October"], in: path).errorLine)

    let accepted = try server.request("POST", "/api/proposals/\(labour)/accept", token: chair, json: #"{"note": "by consensus"}"#)
    #expect(accepted.status == 200 && accepted.object["status"] as? String == "accepted", "\(accepted.text)")
    #expect(try accepted.text == Amend.run(["proposal", labour, "--json"], in: path).stdout)
    let acceptedTwice = try server.request("POST", "/api/proposals/\(labour)/accept", token: chair)
    #expect(try acceptedTwice.status == 409 && acceptedTwice.error == Amend.run(["accept", labour], in: path).errorLine)
    #expect(try server.request("POST", "/api/proposals/\(labour)/reopen", token: secretariat).object["status"] as? String == "pending")
    let revised = try server.request(
      "POST", "/api/proposals/\(labour)/accept", token: chair, json: #"{"asRevised": "elimination of forced labour and servitude;"}"#)
    #expect(revised.status == 200, "\(revised.text)")
    #expect((revised.object["decision"] as? [String: Any])?["asRevised"] as? String == "elimination of forced labour and servitude;")
    #expect(
      try server.request("POST", "/api/proposals/\(second)/reject", token: chair, json: #"{"note": "no"}"#).object["status"] as? String == "rejected")
    #expect(try server.request("POST", "/api/proposals/\(fourth)/defer", token: chair).object["status"] as? String == "deferred")
    let unknownField = try server.request("POST", "/api/proposals/\(fourth)/defer", token: chair, json: #"{"note": "x"}"#)
    #expect(unknownField.status == 400)
    let withdrawDecided = try server.request("POST", "/api/proposals/\(second)/withdraw", token: union)
    #expect(
      try withdrawDecided.status == 409 && withdrawDecided.error == Amend.run(["withdraw", second, "--by", "European Union"], in: path).errorLine)

    // The next draft: the secretariat's alone, and not while the session is open.
    #expect(try server.request("POST", "/api/next", token: chair, json: "{}").status == 403)
    let whileOpen = try server.request("POST", "/api/next", token: secretariat, json: "{}")
    #expect(try whileOpen.status == 409 && whileOpen.error == Amend.run(["next"], in: path).errorLine)
    let closed = try server.request("POST", "/api/session/close", token: chair)
    #expect(closed.status == 200 && closed.object["isOpen"] as? Bool == false)
    #expect((closed.object["minutes"] as? String)?.contains("Second reading") == true)
    let next = try server.request("POST", "/api/next", token: secretariat, json: #"{"date": "2010-10-14"}"#)
    #expect(next.status == 201, "\(next.text)")
    #expect(next.object["draft"] as? Int == 8 && next.object["tag"] as? String == "draft-8")
    #expect(try server.request("GET", "/api/diff?from=7&to=8").text == Amend.run(["diff", "7", "8", "--format", "json"], in: path).stdout)
    #expect(try server.request("GET", "/api/draft").text == Amend.run(["show", "--json"], in: path).stdout)
    #expect(try negotiation.git(["tag", "--list", "draft-8"]) == "draft-8")
    #expect(try negotiation.git(["log", "--format=%an|%cn", "-1", "--", "drafts/08-eighth-draft.md"]).hasSuffix("|Secretariat"))
    #expect(try negotiation.git(["log", "--format=%an", "--", "drafts/08-eighth-draft.md"]).contains("European Union"))
    let empty = try server.request("POST", "/api/next", token: secretariat, json: "{}")
    #expect(try empty.status == 409 && empty.error == Amend.run(["next"], in: path).errorLine)
    #expect(try negotiation.git(["status", "--porcelain"]) == "")
  }

  /// Where roles.yaml names people, a token whose holder it no longer names is refused (403, the CLI's line).
  @Test func rolesInForceBoundTheTokens() throws {
    let negotiation = try Negotiation()
    let path = negotiation.path
    let peru = try Amend.grant("delegation", "Peru", in: path)
    let chair = try Amend.grant("chair", "Ambassador Ndiaye", in: path)
    #expect(try Amend.run(["roles", "set", "--delegation", "Norway"], in: path).status == 0)
    let server = try ServerProcess(negotiation)
    let head = negotiation.head
    let tabled = try server.request("POST", "/api/proposals", token: peru, json: #"{"clause": "7.b", "delete": "forced"}"#)
    let cli = try Amend.run(["propose", "7.b", "--by", "Peru", "--delete", "forced"], in: path)
    #expect(tabled.status == 403 && tabled.error == cli.errorLine)
    let opened = try server.request("POST", "/api/session/open", token: chair, json: #"{"name": "Second reading"}"#)
    #expect(opened.status == 403, "\(opened.text)")
    #expect(try opened.error == Amend.run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye"], in: path).errorLine)
    #expect(negotiation.head == head)
  }

  /// Browsers: sign in with the token in the body, an HttpOnly SameSite=Strict cookie, and the CSRF token on
  /// every post.
  @Test func cookieSessionWithCSRF() throws {
    let negotiation = try Negotiation()
    let token = try Amend.grant("delegation", "European Union", in: negotiation.path)
    let server = try ServerProcess(negotiation)
    #expect(try server.request("GET", "/api/whoami").status == 401)
    #expect(try server.request("POST", "/signin", json: #"{"token": "wrong"}"#).status == 401)
    #expect(try server.request("POST", "/signin", json: "{}").status == 400)
    let signedIn = try server.request("POST", "/signin", json: #"{"token": "\#(token)"}"#)
    #expect(signedIn.status == 200)
    let setCookie = try #require(signedIn.header("Set-Cookie"))
    #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
    #expect(!setCookie.contains(token))
    let session = try #require(setCookie.split(separator: ";").first.map(String.init))
    let csrf = try #require(signedIn.object["csrf"] as? String)
    let cookie = ["Cookie": session]
    let whoami = try server.request("GET", "/api/whoami", headers: cookie).object
    #expect(whoami["name"] as? String == "European Union" && whoami["role"] as? String == "delegation" && whoami["csrf"] as? String == csrf)
    let body = #"{"clause": "7.b", "replace": "forced labor", "with": "forced labour"}"#
    let head = negotiation.head
    let noCSRF = try server.request("POST", "/api/proposals", json: body, headers: cookie)
    #expect(noCSRF.status == 403 && noCSRF.error == "missing or wrong X-CSRF-Token header: reload the page and try again")
    let wrongCSRF = try server.request("POST", "/api/proposals", json: body, headers: cookie.merging(["X-CSRF-Token": "x" + csrf.dropFirst()]) { $1 })
    #expect(wrongCSRF.status == 403)
    #expect(negotiation.head == head)
    let made = try server.request("POST", "/api/proposals", json: body, headers: cookie.merging(["X-CSRF-Token": csrf]) { $1 })
    #expect(made.status == 201)
    // Form sign-in works too; sign-out ends the session.
    let form = try HTTPClient.exchange(
      port: server.port, method: "POST", path: "/signin", headers: ["Content-Type": "application/x-www-form-urlencoded"],
      body: Data("token=\(token)".utf8))
    #expect(form.status == 200)
    #expect(try server.request("POST", "/signout", headers: cookie).status == 403)
    #expect(try server.request("POST", "/signout", headers: cookie.merging(["X-CSRF-Token": csrf]) { $1 }).status == 200)
    #expect(try server.request("GET", "/api/whoami", headers: cookie).status == 401)
  }
}
