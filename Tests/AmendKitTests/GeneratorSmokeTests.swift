import AmendKit
import Foundation
import GitStore
import NegotiationGenerator
import Testing

/// The benchmarks' generator at size S: it builds a real, well-formed negotiation through the library,
/// and the same seed builds the same repository, commit for commit.
@Suite struct GeneratorSmokeTests {
  @Test func sizeSBuildsAWellFormedNegotiation() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/S"
    let report = try NegotiationGenerator(scale: .small, seed: 7, seedDraft: Shared.seed).generate(into: path)
    #expect(report.tabled == 50)
    #expect(report.drafts == 8)
    #expect(report.accepted > 0 && report.rejected > 0)

    let workspace = try Workspace.open(at: path, context: testContext())
    let snapshot = try workspace.snapshot()
    #expect(try snapshot.draftFiles.get().map(\.number) == [7, 8])
    let ledger = try snapshot.ledger.get()
    #expect(ledger.proposals.count == 50)
    #expect(ledger.problems.isEmpty)
    #expect(ledger.openSession != nil)
    #expect(ledger.proposals.values.contains { $0.status == .applied })
    #expect(try git(["fsck", "--strict"], in: path).isEmpty)
    #expect(try git(["status", "--porcelain"], in: path).isEmpty)
    // Written at one sitting a round, yet every commit is one the single commands would make: amend verify holds.
    let verified = try workspace.verify(full: true)
    #expect(verified.isClean, "\(verified.breaches)")
    #expect(verified.drafts == [8])
    let records = try git(["ls-tree", "-r", "--name-only", "HEAD", "proposals/"], in: path).split(separator: "\n")
    #expect(records.allSatisfy { $0.split(separator: "/").count == ($0.hasPrefix("proposals/events/") ? 4 : 3) }, "\(records)")
    // One commit per proposal and per decision.
    let subjects = try git(["log", "--format=%s"], in: path).split(separator: "\n")
    #expect(subjects.filter { $0.hasPrefix("Table ") }.count == report.tabled)
    let decisions = subjects.filter { $0.hasPrefix("Accept ") || $0.hasPrefix("Reject ") || $0.hasPrefix("Defer ") }
    #expect(decisions.count == report.accepted + report.rejected + report.deferred)
  }

  @Test func theSameSeedMakesTheSameRepository() throws {
    let folder = try ScratchFolder()
    func tip(_ name: String) throws -> String {
      let path = folder.path + "/" + name
      _ = try NegotiationGenerator(scale: .small, seed: 11, seedDraft: Shared.seed).generate(into: path)
      return try git(["rev-parse", "HEAD"], in: path)
    }
    #expect(try tip("first") == tip("second"))
  }

  /// A generated first draft is named the same in every process (its name is in the first commit).
  @Test func aGeneratedFirstDraftIsNamedTheSameInEveryRun() throws {
    let folder = try ScratchFolder()
    let scale = Scale(name: "T", clauses: 12, proposals: 4, delegations: 3, drafts: 2)
    _ = try NegotiationGenerator(scale: scale, seed: 11, seedDraft: Shared.seed).generate(into: folder.path + "/T")
    let first = try git(["log", "--reverse", "--format=%B"], in: folder.path + "/T")
    #expect(first.contains("The text as received, from amend-generate-T-11.md."), "\(first.prefix(300))")
  }
}
