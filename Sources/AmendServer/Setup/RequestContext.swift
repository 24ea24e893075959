import Foundation
import Hummingbird

/// Each request's context: Hummingbird's, plus who is signed in (from the token, never from the body).
public struct AmendRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// Who holds the token (Bearer) or the browser session (cookie); nil for a reader.
  public var identity: Identity?
  /// The browser session, when the identity came from the cookie (its CSRF token is checked on posts).
  var browserSession: BrowserSession?

  public init(source: Source) {
    coreContext = .init(source: source)
  }

  /// Bodies beyond this are refused with 413 (the server's configured limit is checked too).
  public var maxUploadSize: Int { 64 * 1024 }

  /// The CSRF token the signed-in page must send back in `X-CSRF-Token` on every post (nil for Bearer).
  public var csrfToken: String? { browserSession?.csrf }
}

/// A signed-in browser: the session id its cookie holds, the grant it was signed in with, and the CSRF
/// token its pages send back on every post.
struct BrowserSession: Sendable, Equatable {
  var id: String
  var grant: String
  var csrf: String
}

/// The signed-in browsers, kept in memory: a restart signs everyone out (the tokens stay valid).
final class BrowserSessions: @unchecked Sendable {
  private let lock = NSLock()
  private var sessions: [String: BrowserSession] = [:]

  func start(grant: String) -> BrowserSession {
    let session = BrowserSession(id: AccessTokens.secret(), grant: grant, csrf: AccessTokens.secret())
    lock.lock()
    sessions[session.id] = session
    lock.unlock()
    return session
  }

  func find(_ id: String) -> BrowserSession? {
    lock.lock()
    defer { lock.unlock() }
    // Looked up by a hash-keyed dictionary: equal length ids, found or not, without comparing secrets byte by byte.
    return sessions[id]
  }

  func end(_ id: String) {
    lock.lock()
    sessions[id] = nil
    lock.unlock()
  }
}
