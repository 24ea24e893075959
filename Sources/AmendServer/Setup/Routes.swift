import AmendKit
import Foundation
import Hummingbird

/// The router: errors, authentication, then the JSON API, the event stream and sign-in.
enum Routes {
  static func router(_ room: Room) -> Router<AmendRequestContext> {
    let router = Router(context: AmendRequestContext.self)
    router.add(middleware: ErrorMiddleware(describe: room.configuration.describe, log: room.configuration.logRequests))
    router.add(middleware: AuthenticationMiddleware(room: room))
    SignIn.add(to: router, room: room)
    ReadingAPI.add(to: router, room: room)
    WritingAPI.add(to: router, room: room)
    EventsAPI.add(to: router, room: room)
    // The HTML pages (Pages/, docs/SERVE-pages.md): readers of the record, writing only through the API above.
    addPageRoutes(
      to: router,
      site: PageSite(
        repository: room.configuration.repository,
        visitor: { _, context in
          context.identity.map {
            PageVisitor(role: PageRole(rawValue: $0.role.rawValue) ?? .delegation, name: $0.name, csrf: context.csrfToken ?? "")
          }
        }, describe: room.configuration.describe))
    // Who is signed in (401 for no one), and the CSRF token a signed-in page sends back on its posts.
    router.get("/api/whoami") { _, context -> Response in
      guard let identity = context.identity else { throw APIError.signInNeeded }
      return ErrorMiddleware.json(WhoAmI(identity, csrf: context.csrfToken), status: .ok)
    }
    return router
  }

  /// A JSON answer already encoded as the CLI's `--json` encodes it.
  static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
  }
}
