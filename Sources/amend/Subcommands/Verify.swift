import AmendKit
import ArgumentParser

extension Amend {
  /// `amend verify`: the whole history checked against the record's rules, drafts re-derived.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Check the whole history: who recorded what, records never changed, every draft re-derived, signatures.")

    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Check every commit again, ignoring what earlier runs found (kept in .git/amend/verify-v1.cache).") var full = false
    @OptionGroup var options: RepositoryOptions

    /// One breach as `--json` prints it.
    struct BreachJSON: Encodable {
      var commit: String
      var message: String
    }

    /// The report as `--json` prints it.
    struct ReportJSON: Encodable {
      var commits: Int
      var drafts: [Int]
      var signatures: Int
      var clean: Bool
      var breaches: [BreachJSON]
    }

    func run() throws {
      let workspace = try options.workspace()
      let report = try workspace.verify(full: full)
      workspace.reportWarnings()
      if json {
        let breaches = report.breaches.map { BreachJSON(commit: $0.commit.hex, message: Messages.breach($0.kind)) }
        Output.line(
          try JSONOutput.encode(
            ReportJSON(
              commits: report.commits, drafts: report.drafts, signatures: report.signatures, clean: report.isClean,
              breaches: breaches)))
      } else if report.isClean {
        let drafts = report.drafts.isEmpty ? "no draft produced" : "drafts \(report.drafts.map(String.init).joined(separator: ", ")) re-derived"
        Output.line("verified \(report.commits) commits: \(drafts), \(report.signatures) signatures good, no breach")
      } else {
        for breach in report.breaches {
          Output.line("\(breach.commit.short): \(Messages.breach(breach.kind))")
        }
      }
      if !report.isClean { throw ExitCode(Failure.refused) }
    }
  }
}
