import Foundation
import ArgumentParser
import DraftText
import AmendKit

extension Amend {
  /// `amend show [CLAUSE]`: the current draft exactly as filed, or one clause.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the current draft byte for byte, or one clause with its subparagraphs.")

    @Argument(help: "A clause, as people cite it: 7.b, 7 (b), para 7 (b), OP7(b)…")
    var clause: String?

    @Option(help: "The draft's number (default: the current draft).")
    var draft: Int?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: RepositoryOptions

    struct ClauseJSON: Codable {
      var id: String
      var name: String
      var eId: String
      var draft: Int
      var marker: String
      var text: String
      var children: [String]
    }

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let version = try draft.map { try snapshot.draft(number: $0) } ?? snapshot.currentDraft()
      guard let clause else {
        if json {
          let all = version.draft.clauses.map { describe($0, in: version) }
          Output.line(try JSONOutput.encode(all))
        } else {
          Output.exact(version.text)
        }
        return
      }
      let found: Clause
      do {
        found = try version.draft.resolve(clause)
      } catch {
        throw AmendError("\(error)")
      }
      if json {
        Output.line(try JSONOutput.encode(describe(found, in: version)))
        return
      }
      for shown in [found] + descendants(of: found, in: version.draft) {
        Output.line(shown.marker + shown.text)
      }
    }

    func describe(_ clause: Clause, in version: DraftVersion) -> ClauseJSON {
      ClauseJSON(
        id: clause.id.rawValue, name: clause.id.display, eId: clause.eId, draft: version.number, marker: clause.marker,
        text: clause.text, children: version.draft.children(of: clause.key).map(\.id.rawValue))
    }

    func descendants(of clause: Clause, in draft: Draft) -> [Clause] {
      draft.children(of: clause.key).flatMap { [$0] + descendants(of: $0, in: draft) }
    }
  }

  /// `amend clauses`: every clause's id with its first words.
  struct Clauses: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the clauses of the current draft.")

    @Option(help: "The draft's number (default: the current draft).")
    var draft: Int?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: RepositoryOptions

    struct Entry: Codable {
      var id: String
      var name: String
      var eId: String
      var firstWords: String
    }

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let version = try draft.map { try snapshot.draft(number: $0) } ?? snapshot.currentDraft()
      let entries = version.draft.clauses.map {
        Entry(id: $0.id.rawValue, name: $0.id.display, eId: $0.eId, firstWords: Self.firstWords($0.text))
      }
      if json {
        Output.line(try JSONOutput.encode(entries))
        return
      }
      let width = entries.map(\.name.count).max() ?? 0
      for entry in entries {
        Output.line(entry.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.firstWords)
      }
    }

    static func firstWords(_ text: String) -> String {
      let words = text.split(whereSeparator: \.isWhitespace)
      return words.prefix(8).joined(separator: " ") + (words.count > 8 ? " …" : "")
    }
  }
}
