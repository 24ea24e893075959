import AmendKit
import ArgumentParser

extension Amend {
  /// `amend deadline`: the deadline for tabling amendments; `set` and `lift` change it.
  struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "deadline", abstract: "Show the deadline for tabling amendments; set or lift it (secretariat).",
      subcommands: [Show.self, Set.self, Lift.self], defaultSubcommand: Show.self)

    /// `amend deadline [show]`.
    struct Show: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Show the deadline in force.")
      @OptionGroup var options: RepositoryOptions

      func run() throws {
        let snapshot = try options.workspace().snapshot()
        guard let record = try snapshot.deadlineRecord(), let deadline = record.deadline else {
          Output.line("No deadline: amendments may be tabled at any time")
          return
        }
        Output.line("Deadline for amendments: \(deadline) (set by \(record.by ?? "?") on \(record.time)); later ones are tabled --late")
      }
    }

    /// `amend deadline set YYYY-MM-DDTHH:MM[Z]`.
    struct Set: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Set the deadline: proposals after it are refused unless tabled --late (a late amendment).")
      @Argument(help: "YYYY-MM-DDTHH:MM, in UTC (a trailing Z may say so).") var moment: String
      @OptionGroup var options: RepositoryOptions

      func run() throws {
        let deadline = try Deadline.parse(moment)
        let workspace = try options.workspace()
        let record = try workspace.setDeadline(deadline)
        workspace.reportWarnings()
        Output.line("Deadline for amendments set: \(record.deadline ?? deadline.recorded)")
      }
    }

    /// `amend deadline lift`.
    struct Lift: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Lift the deadline: amendments may be tabled at any time.")
      @OptionGroup var options: RepositoryOptions

      func run() throws {
        let workspace = try options.workspace()
        _ = try workspace.setDeadline(nil)
        workspace.reportWarnings()
        Output.line("Deadline for amendments lifted")
      }
    }
  }
}
