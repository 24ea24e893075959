import AmendKit
import Testing

/// The fold over records that merged histories made contradictory or incomplete.
@Suite("The ledger: conflicts, merged sessions, drafts recorded twice, missing records")
struct LedgerConflictTests {
  static let proposal = ProposalRecord(
    id: "aaaa1111", draft: 7, clause: "7.b", operation: .replaceWords(words: "labor", with: "labour", occurrence: nil),
    delegation: "European Union", email: "", cosponsors: [], tabled: "2010-10-12T09:00:00Z", tabledBy: "",
    textBefore: "forced labor", textProposed: "forced labour", rationale: "")

  /// Events in the order given, numbered 1, 2, 3…
  static func ledger(_ events: [(EventRecord.Kind, String?, String?)], proposals: [ProposalRecord] = [proposal]) -> Ledger {
    let records = events.enumerated().map { index, event in
      var record = EventRecord(id: "e\(index)", seq: index + 1, kind: event.0, time: "2010-10-13T09:00:00Z")
      record.session = event.1
      record.proposal = event.0 == .sessionOpened || event.0 == .sessionClosed ? nil : (event.2 ?? "aaaa1111")
      if event.0 == .sessionOpened { record.chair = "Chair \(event.1 ?? "")"; record.date = "2010-10-13" }
      if event.0 == .draftProduced { record.draft = 8; record.applied = event.2.map { [$0] } ?? [] }
      return record
    }
    return Ledger(proposals: proposals, events: records, problems: [])
  }

  @Test(
    "accepted in one session and rejected in another, in either order, is a conflict",
    arguments: [
      (EventRecord.Kind.accepted, EventRecord.Kind.rejected), (.rejected, .accepted), (.accepted, .deferred),
    ])
  func opposite(first: EventRecord.Kind, second: EventRecord.Kind) throws {
    let ledger = Self.ledger([
      (.sessionOpened, "A", nil), (first, "A", nil), (.sessionClosed, "A", nil),
      (.sessionOpened, "B", nil), (second, "B", nil), (.sessionClosed, "B", nil),
    ])
    let state = try #require(ledger.proposals["aaaa1111"])
    #expect(state.status == .conflict)
    #expect(state.conflict.map(\.kind) == [first, second])
    #expect(ledger.conflicts.count == 1)
    #expect(ledger.warnings.contains { $0.contains("aaaa1111 is in conflict") })
  }

  @Test("the same decision twice is agreement; a deferral decided in a later session is ordinary")
  func notConflicts() throws {
    let agreed = Self.ledger([(.sessionOpened, "A", nil), (.accepted, "A", nil), (.sessionOpened, "B", nil), (.accepted, "B", nil)])
    #expect(agreed.proposals["aaaa1111"]?.status == .accepted)
    let later = Self.ledger([
      (.sessionOpened, "A", nil), (.deferred, "A", nil), (.sessionClosed, "A", nil),
      (.sessionOpened, "B", nil), (.accepted, "B", nil),
    ])
    #expect(later.proposals["aaaa1111"]?.status == .accepted)
    #expect(later.notices.isEmpty)
  }

  @Test("a deferral and an acceptance in sessions open at the same time conflict, and the overlap is reported")
  func overlappingSessions() throws {
    let ledger = Self.ledger([
      (.sessionOpened, "A", nil), (.sessionOpened, "B", nil), (.deferred, "A", nil), (.accepted, "B", nil),
    ])
    #expect(ledger.proposals["aaaa1111"]?.status == .conflict)
    #expect(ledger.notices.count == 1)
    #expect(ledger.notices.first?.contains("were open at the same time") == true)
    #expect(ledger.openSession?.id == "B")
  }

  @Test("a decision in a later session settles a conflict; reopening one side leaves the other in force")
  func settling() throws {
    let conflict: [(EventRecord.Kind, String?, String?)] = [
      (.sessionOpened, "A", nil), (.accepted, "A", nil), (.sessionClosed, "A", nil),
      (.sessionOpened, "B", nil), (.rejected, "B", nil),
    ]
    let settled = Self.ledger(conflict + [(.sessionClosed, "B", nil), (.sessionOpened, "C", nil), (.accepted, "C", nil)])
    let state = try #require(settled.proposals["aaaa1111"])
    #expect(state.status == .accepted)
    #expect(state.settledBy?.session == "C")
    #expect(state.conflict.count == 2)
    let reopened = Self.ledger(conflict + [(.reopened, "B", nil)])
    #expect(reopened.proposals["aaaa1111"]?.status == .accepted)
    #expect(reopened.proposals["aaaa1111"]?.decision?.session == "A")
  }

  @Test("a draft recorded twice: the first stands, the second is reported, disputed when they differ")
  func draftTwice() throws {
    let alike = Self.ledger([(.draftProduced, nil, "aaaa1111"), (.draftProduced, nil, "aaaa1111")])
    #expect(alike.notices.count == 1)
    #expect(alike.disputedDrafts.isEmpty)
    let differing = Self.ledger([(.draftProduced, nil, "aaaa1111"), (.draftProduced, nil, "bbbb2222")])
    #expect(differing.disputedDrafts[8]?.count == 2)
    #expect(differing.proposals["aaaa1111"]?.status == .applied)
  }

  @Test("an event naming a proposal that is not in the record marks it missing, with its status")
  func missing() throws {
    let ledger = Self.ledger([(.accepted, "A", "cccc3333"), (.withdrawn, nil, "dddd4444")])
    #expect(ledger.damaged[ProposalRecord.path(for: "cccc3333")]?.status == .accepted)
    #expect(ledger.damaged[ProposalRecord.path(for: "dddd4444")]?.status == .withdrawn)
    let missing = try #require(ledger.damaged[ProposalRecord.path(for: "cccc3333")])
    #expect(throws: RecordError.damaged(missing)) { try ledger.requireReadable { $0 == .accepted } }
    try ledger.requireReadable { $0 == .rejected }
    #expect(throws: RecordError.damaged(missing)) { try ledger.proposal("cccc") }
  }
}
