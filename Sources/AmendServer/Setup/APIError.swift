import AmendKit
import Foundation
import Hummingbird

/// A refusal with its HTTP status and one line, answered as `{"error": "one line"}`.
struct APIError: Error {
  var status: HTTPResponse.Status
  var message: String

  init(_ status: HTTPResponse.Status, _ message: String) {
    self.status = status
    self.message = message
  }

  static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }
  static func forbidden(_ message: String) -> APIError { APIError(.forbidden, message) }
  static let signInNeeded = APIError(.unauthorized, "sign in: send 'Authorization: Bearer TOKEN' (from 'amend access grant')")
  static let unknownToken = APIError(.unauthorized, "the token is not known here (revoked, or for another repository): ask for a new one")
  static let csrf = APIError(.forbidden, "missing or wrong X-CSRF-Token header: reload the page and try again")
}

/// Turns every error into one JSON line with its status: the library's refusals worded by the CLI's
/// Messages (the same line `amend` prints), sorted by kind into 400, 403, 404, 409.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = AmendRequestContext
  let describe: @Sendable (any Error) -> String?
  let log: Bool

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let started = DispatchTime.now()
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      let (status, message) = Self.classify(error, describe: describe)
      response = Self.json(["error": message], status: status)
    }
    if log {
      // The path only: no query, no header, no body, so no secret reaches the log.
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
      let line = "amend serve: \(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", elapsed)) ms\n"
      FileHandle.standardError.write(Data(line.utf8))
    }
    return response
  }

  static func classify(_ error: any Error, describe: (any Error) -> String?) -> (HTTPResponse.Status, String) {
    if let error = error as? APIError { return (error.status, error.message) }
    if let error = error as? any HTTPResponseError {
      switch error.status {
      case .contentTooLarge: return (.contentTooLarge, "the request body is too large (at most 64 KiB)")
      case .notFound: return (.notFound, "no such address")
      default: return (error.status, oneLine(String(describing: error)))
      }
    }
    let message = oneLine(describe(error) ?? String(describing: error))
    return (status(of: error), message)
  }

  /// The status a library error answers with.
  static func status(of error: any Error) -> HTTPResponse.Status {
    switch error {
    case let error as TablingError:
      switch error {
      case .cannotWithdraw: .forbidden
      case .alreadyDecided: .conflict
      default: .badRequest
      }
    case let error as LookupError:
      switch error {
      case .unknownProposal, .noSuchDraft, .clause, .clauseNotInDraft: .notFound
      case .noDraftYet: .conflict
      default: .badRequest
      }
    case is RoleError: .forbidden
    case let error as AccessError: if case .notInRoles = error { .forbidden } else { .internalServerError }
    case is OperationFieldsError, is NameError, is DateError, is ClauseTextError, is CosponsorError: .badRequest
    case is DecisionError, is NextDraftError, is DeadlineError, is RevisionError, is RecordError, is RepositoryError: .conflict
    default: .internalServerError
    }
  }

  static func oneLine(_ text: String) -> String {
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    let joined = lines.filter { !$0.isEmpty }.joined(separator: " ")
    return joined.isEmpty ? "unknown error" : joined
  }

  static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
    let text = ((try? JSONOutput.encode(value)) ?? "{}") + "\n"
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}
