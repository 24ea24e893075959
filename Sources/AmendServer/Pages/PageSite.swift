import AmendKit
import Foundation
import Hummingbird

/// Who is signed in, as the server's session knows them: the role and the name come from the token, never
/// from the request.
public enum PageRole: String, Sendable {
  case delegation, chair, secretariat

  /// Whether the role takes decisions (the chair's console).
  public var chairs: Bool { self != .delegation }
}

/// The person a page is rendered for: role, name, and the session's CSRF token the page's script sends
/// back in `X-CSRF-Token` with every write.
public struct PageVisitor: Sendable {
  public var role: PageRole
  public var name: String
  public var csrf: String

  public init(role: PageRole, name: String, csrf: String) {
    self.role = role
    self.name = name
    self.csrf = csrf
  }
}

/// What the pages need from the server: the repository they read (through AmendKit, for rendering only;
/// every write is the page's script calling the JSON API) and who the request's session belongs to.
public struct PageSite<Context: RequestContext>: Sendable {
  /// The negotiation repository's folder.
  public var repository: String
  /// The signed-in person of a request (its session cookie), or nil.
  public var visitor: @Sendable (Request, Context) -> PageVisitor?

  /// The one line for an error (the CLI's wording, as the API uses it); nil falls back to the error's description.
  public var describe: @Sendable (any Error) -> String?

  public init(
    repository: String, visitor: @escaping @Sendable (Request, Context) -> PageVisitor?,
    describe: @escaping @Sendable (any Error) -> String? = { _ in nil }
  ) {
    self.repository = repository
    self.visitor = visitor
    self.describe = describe
  }

  /// The record as it stands now: pages read a fresh snapshot for every request, so what the CLI or a
  /// sync committed a moment ago is on the next page.
  func snapshot() throws -> Snapshot {
    try Workspace.open(at: repository, context: AmendKit.Context.reading).snapshot()
  }
}

extension AmendKit.Context {
  /// Reading needs no clock, ids or committer of its own.
  static let reading = AmendKit.Context()
}
