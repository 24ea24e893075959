import AmendKit
import ArgumentParser

extension Amend {
  /// `amend brackets`: what remains bracketed, clause by clause, numbered as `--occurrence` counts.
  struct BracketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "brackets",
      abstract: "List the brackets that remain, clause by clause and in all, numbered as --occurrence counts them.")

    @Option(help: "The draft's number (default: the current draft).") var draft: Int?
    @Option(help: "Only this clause.") var clause: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let snapshot = try options.workspace().snapshot()
      let version = try draft.map { try snapshot.draft(number: $0) } ?? snapshot.currentDraft()
      let only = try clause.map { spelling in
        do { return try version.draft.resolve(spelling) } catch { throw Refusal("\(error)") }
      }
      let report = BracketReport(version, only: only)
      if json {
        Output.line(try JSONOutput.encode(report))
        return
      }
      Output.line("\(report.summary) in the \(Messages.ordinal(report.draft)) draft")
      for clause in report.clauses {
        Output.line()
        Output.line("\(clause.name): \(clause.brackets.count)")
        for (index, bracket) in clause.brackets.enumerated() { Output.line("  \(index + 1) \(bracket)") }
        for (index, group) in clause.alternatives.enumerated() {
          Output.line("  alternatives \(index + 1): brackets \(group.map(String.init).joined(separator: ", "))")
        }
      }
    }
  }
}
