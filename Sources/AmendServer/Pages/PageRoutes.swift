import AmendKit
import Documents
import Foundation
import Hummingbird

/// Registers every HTML page, the fragments their script re-fetches, and the two assets. The server's
/// router setup calls it once; the API under /api/ is registered apart and is where every write happens.
public func addPageRoutes<Context: RequestContext>(to router: Router<Context>, site: PageSite<Context>) {
  let pages = PageResponder(site: site)
  router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/draft"]) }
  router.get("/draft") { request, context in pages.page(request, context, "/draft") { snapshot, _ in try ReadingPages.draft(snapshot) } }
  router.get("/drafts") { request, context in pages.page(request, context, "/drafts") { snapshot, _ in try ReadingPages.drafts(snapshot) } }
  router.get("/drafts/{number}") { request, context in
    let number = context.parameters.get("number", as: Int.self)
    return pages.page(request, context, "/drafts") { snapshot, _ in
      guard let number else { throw PageNotFound(line: "a draft is named by its number, as in /drafts/7") }
      return try ReadingPages.draft(snapshot, number: number)
    }
  }
  router.get("/compilation") { request, context in
    pages.page(request, context, "/compilation") { snapshot, _ in try ReadingPages.compilation(snapshot) }
  }
  router.get("/agenda") { request, context in pages.page(request, context, "/agenda") { snapshot, _ in try ReadingPages.agenda(snapshot) } }
  router.get("/proposals/{id}") { request, context in
    let id = context.parameters.get("id") ?? ""
    return pages.page(request, context, "/agenda") { snapshot, visitor in try ReadingPages.proposal(snapshot, id: id, visitor: visitor) }
  }
  router.get("/clauses/{clause}/history") { request, context in
    let clause = context.parameters.get("clause") ?? ""
    let draft = request.uri.queryParameters.get("draft", as: Int.self)
    return pages.page(request, context, "/draft") { snapshot, _ in try ReadingPages.history(snapshot, clause: clause, draft: draft) }
  }
  router.get("/clauses/{clause}/blame") { request, context in
    let clause = context.parameters.get("clause") ?? ""
    let draft = request.uri.queryParameters.get("draft", as: Int.self)
    return pages.page(request, context, "/draft") { snapshot, _ in try ReadingPages.blame(snapshot, clause: clause, draft: draft) }
  }
  router.get("/diff") { request, context in
    pages.page(request, context, "/drafts") { snapshot, _ in try ReadingPages.comparison(snapshot, from: nil, to: nil) }
  }
  router.get("/diff/{from}/{to}") { request, context in
    let from = context.parameters.get("from", as: Int.self)
    let to = context.parameters.get("to", as: Int.self)
    return pages.page(request, context, "/drafts") { snapshot, _ in try ReadingPages.comparison(snapshot, from: from, to: to) }
  }
  router.get("/log") { request, context in pages.page(request, context, "/log") { snapshot, _ in try ReadingPages.log(snapshot) } }
  router.get("/signin") { request, context in
    pages.page(request, context, "/signin", reads: false) { _, visitor in RoomPages.signin(visitor: visitor) }
  }
  router.get("/table") { request, context in
    let clause = request.uri.queryParameters.get("clause").map { String($0) }
    return pages.page(request, context, "/table") { snapshot, visitor in try RoomPages.tableForm(snapshot, visitor: visitor, clause: clause) }
  }
  router.get("/mine") { request, context in
    pages.page(request, context, "/mine") { snapshot, visitor in try RoomPages.mine(snapshot, visitor: visitor) }
  }
  router.get("/chair") { request, context in
    pages.page(request, context, "/chair") { snapshot, visitor in try RoomPages.console(snapshot, visitor: visitor) }
  }
  router.get("/secretariat") { request, context in
    pages.page(request, context, "/secretariat") { snapshot, visitor in try RoomPages.secretariat(snapshot, visitor: visitor) }
  }
  router.get("/screen") { request, context in
    pages.page(request, context, "/screen", bodyClass: "screen") { snapshot, _ in try ScreenPage.page(snapshot) }
  }

  // Fragments: what a live region holds, rendered now.
  router.get("/fragments/screen") { request, context in pages.fragment(request, context) { snapshot, _ in try ScreenPage.fragment(snapshot) } }
  router.get("/fragments/agenda") { request, context in
    pages.fragment(request, context) { snapshot, _ in try ReadingPages.agendaList(snapshot) }
  }
  router.get("/fragments/log") { request, context in
    pages.fragment(request, context) { snapshot, _ in ReadingPages.logTable(try snapshot.log(limit: 500)) }
  }
  router.get("/fragments/drafts") { request, context in pages.fragment(request, context) { snapshot, _ in try RoomPages.draftsLine(snapshot) } }
  router.get("/fragments/mine") { request, context in
    pages.fragment(request, context) { snapshot, visitor in
      guard let visitor, visitor.role == .delegation else { throw PageForbidden() }
      return try RoomPages.mineList(snapshot, delegation: visitor.name)
    }
  }
  router.get("/fragments/chair") { request, context in
    pages.fragment(request, context) { snapshot, visitor in
      guard let visitor, visitor.role.chairs else { throw PageForbidden() }
      return try RoomPages.consoleBody(snapshot, visitor: visitor)
    }
  }

  router.get(RouterPath(stringLiteral: RoomAssets.stylesheetPath)) { (_: Request, _: Context) -> Response in
    PageResponder<Context>.response(RoomAssets.stylesheet, type: "text/css; charset=utf-8", cache: true)
  }
  router.get(RouterPath(stringLiteral: RoomAssets.scriptPath)) { (_: Request, _: Context) -> Response in
    PageResponder<Context>.response(RoomAssets.script, type: "text/javascript; charset=utf-8", cache: true)
  }
}

/// A reading the page cannot make: shown as a page with the one line, status 404.
struct PageNotFound: Error {
  var line: String
}

/// A fragment asked for by someone without the role it needs.
struct PageForbidden: Error {}

/// Renders pages and fragments for one site: a fresh snapshot, the visitor, the frame, the headers.
struct PageResponder<Context: RequestContext>: Sendable {
  var site: PageSite<Context>

  /// The Content-Security-Policy of every page: scripts, styles, images and connections from the server
  /// only, no inline script, no frames. A value that escaped escaping still could not run.
  static var policy: String {
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
  }

  func page(
    _ request: Request, _ context: Context, _ current: String, bodyClass: String = "room", reads: Bool = true,
    _ render: (Snapshot, PageVisitor?) throws -> PageContent
  ) -> Response {
    let visitor = site.visitor(request, context)
    do {
      let snapshot = try site.snapshot()
      let content = try render(snapshot, visitor)
      let html = PageLayout.page(title: content.title, body: content.body, visitor: visitor, current: current, bodyClass: bodyClass)
      return Self.response(html, type: "text/html; charset=utf-8")
    } catch {
      let line = PageProblem.line(for: error, site.describe)
      let html = PageLayout.page(title: "Not found", body: PageLayout.problem(line), visitor: visitor, current: current)
      return Self.response(html, type: "text/html; charset=utf-8", status: .notFound)
    }
  }

  func fragment(_ request: Request, _ context: Context, _ render: (Snapshot, PageVisitor?) throws -> String) -> Response {
    let visitor = site.visitor(request, context)
    do {
      return Self.response(try render(try site.snapshot(), visitor), type: "text/html; charset=utf-8")
    } catch is PageForbidden {
      return Self.response(PageLayout.problem("sign in with a role that may see this"), type: "text/html; charset=utf-8", status: .forbidden)
    } catch {
      return Self.response(PageLayout.problem(PageProblem.line(for: error, site.describe)), type: "text/html; charset=utf-8", status: .notFound)
    }
  }

  static func response(_ text: String, type: String, status: HTTPResponse.Status = .ok, cache: Bool = false) -> Response {
    var headers: HTTPFields = [.contentType: type, .contentSecurityPolicy: policy, .xContentTypeOptions: "nosniff"]
    headers[.cacheControl] = cache ? "public, max-age=300" : "no-store"
    if let referrer = HTTPFields.Element.Name("Referrer-Policy") { headers[referrer] = "no-referrer" }
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }
}

/// The one line a page shows for a reading that failed.
enum PageProblem {
  static func line(for error: any Error, _ describe: (any Error) -> String?) -> String {
    if let missing = error as? PageNotFound { return missing.line }
    return describe(error) ?? "\(error)"
  }
}
