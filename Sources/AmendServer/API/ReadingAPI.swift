import AmendKit
import DraftText
import Foundation
import Hummingbird
import HummingbirdCore

/// What anyone with the address may read, as the CLI's `--json` prints it.
enum ReadingAPI {
  static func add(to router: Router<AmendRequestContext>, room: Room) {
    let reader = room.reader
    // amend show --json [--draft N]
    router.get("/api/draft") { request, _ -> Response in
      let number = try request.uri.queryParameters.number("number")
      return Routes.json(
        try await reader.run { workspace in
          let version = try Self.version(number, in: try workspace.snapshot())
          return try JSONOutput.encode(version.draft.clauses.map { ClauseEntry($0, in: version) })
        })
    }
    // The draft's text byte for byte, with its number and file.
    router.get("/api/draft/text") { request, _ -> Response in
      let number = try request.uri.queryParameters.number("number")
      return Routes.json(
        try await reader.run { workspace in
          let version = try Self.version(number, in: try workspace.snapshot())
          return try JSONOutput.encode(DraftTextAnswer(number: version.number, path: version.file.path, text: version.text))
        })
    }
    router.get("/api/drafts") { _, _ -> Response in
      Routes.json(
        try await reader.run { workspace in
          let snapshot = try workspace.snapshot()
          let files = try snapshot.draftFiles.get()
          return try JSONOutput.encode(
            try files.map { file in
              let version = try snapshot.draft(number: file.number)
              return DraftListing(number: file.number, path: file.path, title: version.draft.titleBlock?.title)
            })
        })
    }
    // amend clauses --json [--draft N]
    router.get("/api/clauses") { request, _ -> Response in
      let number = try request.uri.queryParameters.number("draft")
      return Routes.json(
        try await reader.run { workspace in
          try JSONOutput.encode(try Self.version(number, in: try workspace.snapshot()).draft.clausesAndHeadings.map(ClauseListing.init))
        })
    }
    // amend show CLAUSE --json [--draft N]
    router.get("/api/clauses/{clause}") { request, context -> Response in
      let clause = try context.parameters.clause()
      let number = try request.uri.queryParameters.number("draft")
      return Routes.json(
        try await reader.run { workspace in
          let version = try Self.version(number, in: try workspace.snapshot())
          let found: Clause
          do {
            found = try version.draft.resolve(clause)
          } catch let error as DraftError {
            throw LookupError.clause(error, inDraft: version.number)
          }
          return try JSONOutput.encode(ClauseEntry(found, in: version))
        })
    }
    // amend proposals --json [--clause C] [--by D] [--status S]
    router.get("/api/proposals") { request, _ -> Response in
      let query = request.uri.queryParameters
      let clause = query["clause"].map(String.init)
      let by = query["by"].map(String.init)
      var status: ProposalStatus?
      if let spelled = query["status"] {
        guard let known = ProposalStatus(rawValue: String(spelled)) else {
          throw APIError.badRequest(
            "status must be one of \(ProposalStatus.allCases.map(\.rawValue).joined(separator: ", ")), not '\(spelled)'")
        }
        status = known
      }
      return Routes.json(
        try await reader.run { [status] workspace in
          let snapshot = try workspace.snapshot()
          let listed = try snapshot.proposals(
            in: try snapshot.currentDraft(), matching: ProposalFilter(clause: clause, delegation: by, status: status))
          return try JSONOutput.encode(listed.map { ProposalSummary($0) })
        })
    }
    // amend proposal ID --json
    router.get("/api/proposals/{id}") { _, context -> Response in
      let id = try context.parameters.require("id")
      return Routes.json(try await reader.run { try Self.proposalJSON(id, in: $0) })
    }
    // amend agenda --json
    router.get("/api/agenda") { _, _ -> Response in
      Routes.json(
        try await reader.run { workspace in
          let snapshot = try workspace.snapshot()
          let undecided = try snapshot.marshalledList(try snapshot.currentDraft(), toleratingDamage: true) { $0.isOnAgenda }
          return try JSONOutput.encode(undecided.map { ProposalSummary($0) })
        })
    }
    // The session and the chair's current item: what the screen shows.
    router.get("/api/session") { _, _ -> Response in
      Routes.json(try await reader.run { try JSONOutput.encode(try SessionState(try $0.snapshot())) })
    }
    // amend compile (text or markdown)
    router.get("/api/compilation") { request, _ -> Response in
      let format = try request.uri.queryParameters["format"].map { spelled in
        guard let format = Compilation.Format(rawValue: String(spelled)) else {
          throw APIError.badRequest("format must be text or markdown, not '\(spelled)'")
        }
        return format
      }
      let statements = request.uri.queryParameters["statements"] == "true"
      return Routes.json(
        try await reader.run { workspace in
          let snapshot = try workspace.snapshot()
          let current = try snapshot.currentDraft()
          let pending = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
          let text = Compilation.render(current, proposals: pending, format: format ?? .text, statements: statements)
          return try JSONOutput.encode(CompilationText(draft: current.number, text: text))
        })
    }
    // amend history CLAUSE --json, amend blame CLAUSE --json
    router.get("/api/history/{clause}") { request, context -> Response in
      let clause = try context.parameters.clause()
      let number = try request.uri.queryParameters.number("draft")
      return Routes.json(try await reader.run { try JSONOutput.encode(try $0.snapshot().clauseHistory(clause, draft: number)) })
    }
    router.get("/api/blame/{clause}") { request, context -> Response in
      let clause = try context.parameters.clause()
      let number = try request.uri.queryParameters.number("draft")
      return Routes.json(try await reader.run { try JSONOutput.encode(try $0.snapshot().clauseBlame(clause, draft: number)) })
    }
    // amend diff [FROM] [TO] [--clause C] --format json
    router.get("/api/diff") { request, _ -> Response in
      let query = request.uri.queryParameters
      let from = try query.number("from")
      let to = try query.number("to")
      let clause = query["clause"].map(String.init)
      return Routes.json(
        try await reader.run { try JSONOutput.encode(try $0.snapshot().comparison(from: from, to: to, clause: clause)) })
    }
    // amend log --json [--limit N]
    router.get("/api/log") { request, _ -> Response in
      let limit = try request.uri.queryParameters.number("limit")
      if let limit, limit < 1 { throw APIError.badRequest("limit must be 1 or more, not \(limit)") }
      return Routes.json(try await reader.run { try JSONOutput.encode(try $0.snapshot().log(limit: limit)) })
    }
  }

  static func version(_ number: Int?, in snapshot: Snapshot) throws -> DraftVersion {
    try number.map { try snapshot.draft(number: $0) } ?? snapshot.currentDraft()
  }

  /// `amend proposal ID --json`.
  static func proposalJSON(_ id: String, in workspace: Workspace) throws -> String {
    let snapshot = try workspace.snapshot()
    return try JSONOutput.encode(ProposalSummary(try snapshot.proposal(ProposalID(id), in: try snapshot.currentDraft())))
  }
}

/// One draft's text, byte for byte.
struct DraftTextAnswer: Codable, Sendable {
  var number: Int
  var path: String
  var text: String
}

/// One draft in the list of drafts.
struct DraftListing: Codable, Sendable {
  var number: Int
  var path: String
  var title: String?
}

/// The compilation text.
struct CompilationText: Codable, Sendable {
  var draft: Int
  var text: String
}

/// The session and the chair's current item: the clause of the first undecided proposal in the chair's
/// order, with every undecided proposal on that clause.
struct SessionState: Codable, Sendable {
  struct OpenSession: Codable, Sendable {
    var id: String
    var name: String
    var chair: String
    var date: String
  }

  struct CurrentItem: Codable, Sendable {
    var clause: String
    var clauseName: String
    var text: String
    var proposals: [ProposalSummary]
  }

  var draft: Int
  var session: OpenSession?
  var toDecide: Int
  var current: CurrentItem?

  init(_ snapshot: Snapshot) throws {
    let version = try snapshot.currentDraft()
    draft = version.number
    let ledger = try snapshot.ledger.get()
    session = ledger.openSession.map { OpenSession(id: $0.id, name: $0.name, chair: $0.chair, date: $0.date) }
    let undecided = try snapshot.marshalledList(version, toleratingDamage: true) { $0.isOnAgenda }
    toDecide = undecided.count
    let upNext = undecided.first { $0.state.status != .deferred } ?? undecided.first
    if let upNext {
      let summaries = undecided.filter { $0.placement.clause?.id == upNext.placement.clause?.id }.map { ProposalSummary($0) }
      let first = ProposalSummary(upNext)
      current = CurrentItem(
        clause: first.clause, clauseName: first.clauseName,
        text: upNext.placement.clause.map { $0.marker + $0.text } ?? first.textBefore,
        proposals: upNext.placement.clause == nil ? [first] : summaries)
    }
  }
}

extension FlatDictionary<Substring, Substring> {
  /// A whole number query parameter, or a 400.
  func number(_ key: String) throws -> Int? {
    guard let spelled = self[Substring(key)] else { return nil }
    guard let value = Int(String(spelled)) else { throw APIError.badRequest("'\(key)' must be a whole number, not '\(spelled)'") }
    return value
  }
}

extension FlatDictionary<Substring, Substring> {
  /// The `{clause}` path parameter as people cite it ("7%20(b)" is "7 (b)").
  func clause() throws -> String {
    guard let raw = self["clause"] else { throw APIError.badRequest("say which clause") }
    return String(raw).removingPercentEncoding ?? String(raw)
  }
}
