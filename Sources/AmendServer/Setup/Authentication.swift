import AmendKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Who is asking: `Authorization: Bearer TOKEN` (scripts), or the `amend_session` cookie of a signed-in
/// browser, whose every post must carry its CSRF token in `X-CSRF-Token`. An unknown Bearer token is a 401
/// at once; a stale cookie only reads as no one.
struct AuthenticationMiddleware: RouterMiddleware {
  typealias Context = AmendRequestContext
  let room: Room
  static let cookie = "amend_session"

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var context = context
    if let header = request.headers[.authorization] {
      let parts = header.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw APIError.signInNeeded }
      guard let identity = room.access.identity(for: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
        throw APIError.unknownToken
      }
      context.identity = identity
    } else if let id = request.cookies[Self.cookie]?.value, let session = room.sessions.find(id) {
      if let identity = room.access.identity(grant: session.grant) {
        context.identity = identity
        context.browserSession = session
      } else {
        room.sessions.end(id)
      }
    }
    if let session = context.browserSession, request.method != .get, request.method != .head, request.uri.path != "/signin" {
      let sent = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
      guard AccessTokens.constantTimeEqual(Array(sent.utf8), Array(session.csrf.utf8)) else { throw APIError.csrf }
    }
    return try await next(request, context)
  }
}

extension AmendRequestContext {
  /// The signed-in identity, if its role is one of `roles`: 401 for no one, 403 for another role.
  func require(_ roles: Set<Roles.Role>, to act: String) throws -> Identity {
    guard let identity else { throw APIError.signInNeeded }
    guard roles.contains(identity.role) else {
      let allowed = Roles.Role.allOrdered.filter(roles.contains).map(\.rawValue).joined(separator: " or ")
      throw APIError.forbidden("\(identity.name) is signed in as \(identity.role.article) \(identity.role.rawValue): only \(allowed) may \(act)")
    }
    return identity
  }
}

extension Roles.Role {
  static let allOrdered: [Roles.Role] = [.delegation, .chair, .secretariat]
  var article: String { self == .secretariat ? "the" : "a" }
}

/// `POST /signin` (the token in a JSON `{"token"}` or form `token=` body) and `POST /signout`.
enum SignIn {
  static func add(to router: Router<AmendRequestContext>, room: Room) {
    router.post("/signin") { request, context -> Response in
      var request = request
      let body = try await request.collectBody(upTo: room.configuration.maxBody)
      let text = String(buffer: body)
      var token: String?
      if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
        token = URLComponents(string: "?" + text)?.queryItems?.first { $0.name == "token" }?.value
      } else {
        token = (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["token"] as? String
      }
      guard let token, !token.isEmpty else { throw APIError.badRequest("give the token as {\"token\": \"…\"}") }
      guard let identity = room.access.identity(for: token) else { throw APIError.unknownToken }
      if let old = request.cookies[AuthenticationMiddleware.cookie]?.value { room.sessions.end(old) }
      let session = room.sessions.start(grant: identity.grant)
      var response = ErrorMiddleware.json(WhoAmI(identity, csrf: session.csrf), status: .ok)
      response.setCookie(
        Cookie(name: AuthenticationMiddleware.cookie, value: session.id, path: "/", httpOnly: true, sameSite: .strict))
      return response
    }
    router.post("/signout") { request, context -> Response in
      if let id = context.browserSession?.id { room.sessions.end(id) }
      var response = ErrorMiddleware.json(WhoAmI(nil, csrf: nil), status: .ok)
      response.setCookie(Cookie(name: AuthenticationMiddleware.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
      return response
    }
  }
}

/// `GET /api/whoami`: who is signed in, and the CSRF token a page sends back on its posts.
struct WhoAmI: Codable, Sendable {
  var signedIn: Bool
  var role: String?
  var name: String?
  var grant: String?
  var csrf: String?

  init(_ identity: Identity?, csrf: String?) {
    signedIn = identity != nil
    role = identity?.role.rawValue
    name = identity?.name
    grant = identity?.grant
    self.csrf = identity == nil ? nil : csrf
  }
}
