import ArgumentParser
import Negotiation

extension Amend {
  /// `amend propose CLAUSE --by DELEGATION …`: tables one amendment to one clause.
  struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Table an amendment to a clause of the current draft.",
      discussion: """
        Give exactly one operation:
          --replace OLD --with NEW            replace words
          --delete WORDS                      delete words
          --insert TEXT --after WORDS | --before WORDS | --at-start | --at-end
          --text NEW                          replace the whole clause
          --delete-clause                     delete the clause
          --new-clause TEXT [--before]        a new clause after (or before) CLAUSE
          --move-after CLAUSE2                move the clause to follow CLAUSE2
        Add --occurrence N when the words occur more than once in the clause.
        The new proposal's id is the first word printed.
        """)

    @Argument(help: "The clause, as people cite it: 7.b, 7 (b), para 7 (b)…")
    var clause: String

    @Option(help: "The delegation tabling it; it is the commit's author.")
    var by: String

    @Option(help: "Words to replace (with --with).") var replace: String?
    @Option(help: "The words that replace them.") var with: String?
    @Option(help: "Words to delete.") var delete: String?
    @Option(help: "Words to insert (with --after, --before, --at-start or --at-end).") var insert: String?
    @Option(help: "Insert after these words.") var after: String?
    @Option(help: "Insert before these words.") var before: String?
    @Flag(help: "Insert at the start of the clause.") var atStart = false
    @Flag(help: "Insert at the end of the clause.") var atEnd = false
    @Option(help: "Which occurrence of the words, counting from 1.") var occurrence: Int?
    @Option(help: "The clause's whole new text.") var text: String?
    @Flag(help: "Delete the clause.") var deleteClause = false
    @Option(help: "Text of a new clause after CLAUSE (before it with --before).") var newClause: String?
    @Flag(name: .customLong("place-before"), help: .hidden) var placeBefore = false
    @Option(help: "Move the clause to follow this one.") var moveAfter: String?
    @Option(help: "A co-sponsoring delegation (repeat for more).") var cosponsor: [String] = []
    @Option(help: "The explanatory statement.") var rationale: String?
    @Option(help: "The delegation's e-mail address.") var email: String?
    @Flag(help: "Print JSON.") var json = false

    @OptionGroup var options: RepositoryOptions

    func operation() throws -> Amendment {
      var chosen: [Amendment] = []
      if let replace {
        guard let with else { throw AmendError("--replace needs --with NEW: the words that replace '\(replace)'") }
        chosen.append(.replaceWords(words: replace, with: with, occurrence: occurrence))
      } else if with != nil {
        throw AmendError("--with goes with --replace OLD: say which words it replaces")
      }
      if let delete { chosen.append(.deleteWords(words: delete, occurrence: occurrence)) }
      if let insert {
        let anchors: [Amendment.Anchor] =
          [after.map { .after($0) }, before.map { .before($0) }, atStart ? .atStart : nil, atEnd ? .atEnd : nil]
          .compactMap { $0 }
        guard anchors.count == 1, let anchor = anchors.first else {
          throw AmendError("--insert needs exactly one of --after WORDS, --before WORDS, --at-start, --at-end")
        }
        chosen.append(.insertWords(text: insert, anchor: anchor, occurrence: occurrence))
      } else if after != nil || (before != nil && newClause == nil) || atStart || atEnd {
        throw AmendError("--after, --before, --at-start and --at-end go with --insert TEXT")
      }
      if let text { chosen.append(.replaceClause(text: text)) }
      if deleteClause { chosen.append(.deleteClause) }
      if let newClause { chosen.append(.newClause(text: newClause, before: placeBefore)) }
      if let moveAfter { chosen.append(.moveClause(after: moveAfter)) }
      guard chosen.count == 1, let operation = chosen.first else {
        throw AmendError(
          chosen.isEmpty
            ? "say what the amendment does: --replace/--with, --delete, --insert, --text, --delete-clause, --new-clause or --move-after"
            : "give one operation per proposal; table the others separately")
      }
      if occurrence != nil, operation.anchorWords == nil {
        throw AmendError("--occurrence goes with --replace, --delete, or --insert with --after/--before")
      }
      return operation
    }

    func run() throws {
      let operation = try operation()
      let workspace = try options.workspace()
      let record = try workspace.table(
        ProposalRequest(
          clause: clause, delegation: by, operation: operation, cosponsors: cosponsor, rationale: rationale ?? "",
          email: email))
      workspace.reportWarnings()
      // Only the new record is read back: tabling stays as fast with 4,000 proposals as with one.
      let snapshot = try workspace.snapshot()
      let summary = ProposalSummary(try snapshot.marshalled(record, in: try snapshot.currentDraft()))
      if json {
        Output.line(try JSONOutput.encode(summary))
      } else {
        Output.line("\(summary.id) tabled by \(summary.sponsors) on \(summary.clauseName): \(summary.description)")
        Output.line("  \(summary.clauseName) \(summary.redline)")
      }
    }
  }
}

extension Amend {
  /// `--before` is a value for --insert but a switch for --new-clause: a bare `--before` after
  /// --new-clause is read as the switch.
  static func normalised(_ arguments: [String]) -> [String] {
    guard arguments.contains("--new-clause") else { return arguments }
    var result = arguments
    for index in result.indices where result[index] == "--before" {
      let next = index + 1 < result.count ? result[index + 1] : nil
      if next == nil || next?.hasPrefix("--") == true { result[index] = "--place-before" }
    }
    return result
  }
}
