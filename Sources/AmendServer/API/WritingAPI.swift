import AmendKit
import Documents
import Foundation
import Hummingbird

/// Every write the server makes, each through AmendKit exactly as the CLI makes it, one at a time on the
/// writer lane: the delegation (from the token) as author, the server's operator as committer.
enum WritingAPI {
  static func add(to router: Router<AmendRequestContext>, room: Room) {
    let writer = room.writer
    let limit = room.configuration.maxBody
    let written: @Sendable () -> Void = { room.watcher.poke() }

    // amend propose CLAUSE --by DELEGATION … --json: 201 with the new proposal.
    router.post("/api/proposals") { request, context -> Response in
      let identity = try context.require([.delegation], to: "table a proposal")
      let tabling = try await Tabling.read(request, limit: limit, delegation: identity.name)
      let answer = try await writer.run { workspace in
        let record = try workspace.table(tabling)
        let snapshot = try workspace.snapshot()
        return try JSONOutput.encode(ProposalSummary(try snapshot.marshalled(record, in: try snapshot.currentDraft())))
      }
      written()
      return Routes.json(answer, status: .created)
    }

    // The same body, nothing written: what tabling would record, its redline as text and as HTML.
    router.post("/api/proposals/preview") { request, context -> Response in
      let identity = try context.require([.delegation], to: "table a proposal")
      let tabling = try await Tabling.read(request, limit: limit, delegation: identity.name)
      return Routes.json(
        try await room.reader.run { workspace in
          let item = try workspace.previewTabling(tabling)
          var palette = HTMLPalette()
          let html = HTMLDocument.redline(HTMLDocument.proposalRedline(item), palette: &palette)
          let summary = ProposalSummary(item)
          return try JSONOutput.encode(
            Preview(
              ok: true, clause: summary.clause, clauseName: summary.clauseName, description: summary.description,
              textBefore: summary.textBefore, textProposed: summary.textProposed, redline: summary.redline, html: html,
              collidesWith: summary.collidesWith, late: summary.late, notes: workspace.takeWarnings()))
        })
    }

    // amend withdraw ID --by DELEGATION: only its proposer, or a co-sponsor on its behalf.
    router.post("/api/proposals/{id}/withdraw") { request, context -> Response in
      let identity = try context.require([.delegation], to: "withdraw a proposal")
      let id = try context.parameters.require("id")
      let body = try await BodyFields.read(request, limit: limit)
      try body.refuseUnknown()
      let answer = try await writer.run { workspace in
        let event = try workspace.withdraw(ProposalID(id), by: identity.name)
        return try ReadingAPI.proposalJSON(event.proposal ?? id, in: workspace)
      }
      written()
      return Routes.json(answer)
    }

    // amend session open NAME --chair CHAIR [--date D]: the chair is the token's (the secretariat may name one).
    router.post("/api/session/open") { request, context -> Response in
      let identity = try context.require([.chair, .secretariat], to: "open a session")
      var body = try await BodyFields.read(request, limit: limit)
      let name = try body.string("name") ?? ""
      let date = try body.string("date")
      var chair = identity.name
      if identity.role == .secretariat, let named = try body.string("chair") { chair = named }
      try body.refuseUnknown()
      let answer = try await writer.run { [chair] workspace in
        try Self.requireRoles(identity, in: workspace)
        let session = try workspace.openSession(name: name, chair: chair, date: try date.map(CalendarDate.parse))
        return try JSONOutput.encode(SessionAnswer(session, minutes: nil))
      }
      written()
      return Routes.json(answer, status: .created)
    }

    // amend session close: the session with its minutes.
    router.post("/api/session/close") { request, context -> Response in
      let identity = try context.require([.chair, .secretariat], to: "close a session")
      let body = try await BodyFields.read(request, limit: limit)
      try body.refuseUnknown()
      let answer = try await writer.run { workspace in
        try Self.requireRoles(identity, in: workspace)
        let session = try workspace.closeSession()
        let minutes = Minutes.render(session, ledger: try workspace.snapshot().ledger.get())
        return try JSONOutput.encode(SessionAnswer(session, minutes: minutes))
      }
      written()
      return Routes.json(answer)
    }

    // amend accept/reject/defer/reopen ID: the proposal as `amend proposal ID --json` shows it after.
    for (path, action) in [("accept", ChairAction.accept), ("reject", .reject), ("defer", .deferral), ("reopen", .reopen)] {
      router.post("/api/proposals/{id}/\(path)") { request, context -> Response in
        let identity = try context.require([.chair, .secretariat], to: "decide")
        let id = try context.parameters.require("id")
        var body = try await BodyFields.read(request, limit: limit)
        var asRevised: String?
        var note: String?
        if action == .accept { asRevised = try body.string("asRevised") }
        if action == .accept || action == .reject { note = try body.string("note") }
        try body.refuseUnknown()
        let answer = try await writer.run { [asRevised, note] workspace in
          try Self.requireRoles(identity, in: workspace)
          let event = try workspace.decide(action, on: ProposalID(id), asRevised: asRevised, note: note)
          return try ReadingAPI.proposalJSON(event.proposal ?? id, in: workspace)
        }
        written()
        return Routes.json(answer)
      }
    }

    // amend next [--date D] [--allow-empty] [--number-articles]: the secretariat's alone.
    router.post("/api/next") { request, context -> Response in
      let identity = try context.require([.secretariat], to: "produce the next draft")
      var body = try await BodyFields.read(request, limit: limit)
      let date = try body.string("date")
      let allowEmpty = try body.bool("allowEmpty")
      let numberArticles = try body.bool("numberArticles")
      try body.refuseUnknown()
      let answer = try await writer.run { workspace in
        try Self.requireRoles(identity, in: workspace)
        let next = try workspace.produceNextDraft(
          date: try date.map(CalendarDate.parse), dryRun: false, allowEmpty: allowEmpty, numberArticles: numberArticles)
        return try JSONOutput.encode(NextAnswer(next))
      }
      written()
      return Routes.json(answer, status: .created)
    }
  }

  /// Where roles.yaml names people, a chair's or secretariat's token must be one it names (a delegation's
  /// is checked by tabling itself, as the CLI's is).
  static func requireRoles(_ identity: Identity, in workspace: Workspace) throws {
    guard let roles = try workspace.snapshot().recordedRoles() else { return }
    switch identity.role {
    case .delegation: if roles.delegation(identity.name) == nil { throw RoleError.notADelegation(identity.name) }
    case .chair: if !roles.mayChair(identity.name) { throw RoleError.notAChair(identity.name) }
    case .secretariat:
      if !roles.isSecretariat(identity.name) {
        throw AccessError.notInRoles(role: .secretariat, name: identity.name)
      }
    }
  }
}

/// `POST /api/proposals`'s body, read into the CLI's request: the long option names as keys.
enum Tabling {
  static func read(_ request: Request, limit: Int, delegation: String) async throws -> ProposalRequest {
    var body = try await BodyFields.read(request, limit: limit)
    var fields = OperationFields()
    fields.replace = try body.string("replace")
    fields.with = try body.string("with")
    fields.delete = try body.string("delete")
    fields.insert = try body.string("insert")
    fields.after = try body.string("after")
    fields.before = try body.string("before")
    fields.atStart = try body.bool("at-start")
    fields.atEnd = try body.bool("at-end")
    fields.occurrence = try body.int("occurrence")
    fields.text = try body.string("text")
    fields.deleteClause = try body.bool("delete-clause")
    fields.newClause = try body.string("new-clause")
    fields.moveAfter = try body.string("move-after")
    fields.moveBefore = try body.string("move-before")
    fields.under = try body.bool("under")
    fields.removeBrackets = try body.bool("remove-brackets")
    fields.deleteBracketed = try body.bool("delete-bracketed")
    // A number: an alternative side by side; true: the option line the clause is.
    (fields.chooseOption, fields.chooseThisOption) = try body.intOrTrue("choose-option")
    fields.throughout = try body.bool("throughout")
    fields.newArticle = try body.string("new-article")
    fields.paragraphs = try body.strings("paragraph")
    fields.deleteArticle = try body.bool("delete-article")
    fields.retitle = try body.string("retitle")
    let clause = try body.string("clause")
    let to = try body.string("to")
    if clause?.isEmpty == true || (clause == nil && to == nil && !fields.throughout) {
      throw APIError.badRequest("say which clause with \"clause\": \"7.b\" (or \"throughout\": true, or \"to\": a proposal's id)")
    }
    let target = try fields.target(clause: clause, to: to)
    let rationale = try body.string("rationale")
    let cosponsors = try body.strings("cosponsors") + body.strings("cosponsor")
    let email = try body.string("email")
    let late = try body.bool("late")
    try body.refuseUnknown()
    var request = ProposalRequest(
      clause: target.clause, delegation: delegation, operation: try fields.operation(), cosponsors: cosponsors,
      rationale: rationale ?? "", email: email)
    request.late = late
    request.to = target.to
    return request
  }
}

/// The preview of a proposal: the check passed, and what it would record.
struct Preview: Codable, Sendable {
  var ok: Bool
  var clause: String
  var clauseName: String
  var description: String
  var textBefore: String
  var textProposed: String?
  var redline: String
  var html: String
  var collidesWith: [String]
  var late: Bool?
  var notes: [String]
}

/// A session opened or closed.
struct SessionAnswer: Codable, Sendable {
  var id: String
  var name: String
  var chair: String
  var date: String
  var isOpen: Bool
  var minutes: String?

  init(_ session: Session, minutes: String?) {
    id = session.id
    name = session.name
    chair = session.chair
    date = session.date
    isOpen = session.isOpen
    self.minutes = minutes
  }
}

/// The draft `POST /api/next` produced.
struct NextAnswer: Codable, Sendable {
  struct Renumbered: Codable, Sendable {
    var old: String?
    var new: String?
    var proposal: String?
  }

  var draft: Int
  var path: String
  var commit: String?
  var tag: String
  var applied: [String]
  var carriedOver: [String]
  var numbering: [Renumbered]

  init(_ next: NextDraft) {
    draft = next.file.number
    path = next.file.path
    commit = next.commit?.description
    tag = next.tag
    applied = next.applied
    carriedOver = next.carriedOver.map(\.id)
    numbering = next.numbering.changes.map { Renumbered(old: $0.old, new: $0.new, proposal: $0.proposal) }
  }
}

extension Workspace {
  /// The warnings added since the last call, cleared.
  func takeWarnings() -> [String] {
    let all = warnings
    clearWarnings()
    return all
  }
}
