import AmendKit
import Foundation
import Testing

@testable import Documents

/// A global amendment (`propose --throughout`) in the HTML and Word compilations: listed once, before the
/// clauses, with each clause it changes — never among the proposals whose clause is gone.
@Suite struct GlobalAmendmentDocumentsTests {
  @Test func listedOnceWithEveryClauseItChanges() throws {
    let folder = try HTMLScratch()
    let workspace = try HTMLExample.seeded(in: folder)
    let global = try workspace.table(
      ProposalRequest(clause: "", delegation: "European Union", operation: .throughout(words: "migrants", with: "migrant workers")))
    let snapshot = try workspace.snapshot()
    let current = try snapshot.currentDraft()
    let pending = try snapshot.marshalledList(current, toleratingDamage: false) { $0.isOnAgenda }
    let places = try #require(pending.first?.placement.throughout)
    #expect(places.count > 3)
    let content = DocumentContent.compilation(current, proposals: pending, in: snapshot)

    let html = String(decoding: try Documents.render(content, as: .html), as: UTF8.self)
    #expect(html.contains("<h2>Throughout the text</h2>") && !html.contains("no longer exists"))
    let entry = try #require(html.range(of: "id=\"proposal-\(global.id)\"").map { String(html[$0.lowerBound...]) })
    let block = String(entry[..<(entry.range(of: "</div>")?.lowerBound ?? entry.endIndex)])
    #expect(block.components(separatedBy: "<p class=\"redline\">").count - 1 == places.count)
    #expect(block.components(separatedBy: "migrant workers").count - 1 >= places.count)

    let changes = try ReadBack.read(try Documents.render(content, as: .docx))
    let inserted = changes.filter { $0.kind == .insertion }
    #expect(inserted.count == places.reduce(0) { $0 + $1.occurrences })
    #expect(inserted.allSatisfy { $0.author == "European Union" && $0.text.contains("workers") })
    #expect(changes.contains { $0.kind == .comment && $0.author == "European Union" })
  }
}
