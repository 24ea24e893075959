import AmendKit
import ArgumentParser

extension Amend.SessionCommand {
  /// `amend session open NAME --chair NAME`: opens the session decisions are taken in.
  struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "open", abstract: "Open a session; decisions are taken in it.")
    @Argument(help: "The session's name, e.g. \"Second reading\".") var name: String
    @Option(parsing: .unconditional, help: "Who chairs it; the author of its decisions.", transform: Words.value)
    var chair: String
    @Option(help: "The meeting's date, YYYY-MM-DD (default: today).") var date: String?
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let workspace = try options.workspace()
      let day = try date.map(CalendarDate.parse)
      let session = try workspace.openSession(name: name, chair: chair, date: day)
      workspace.reportWarnings()
      Output.line("Session \(session.name) (\(session.date)) opened, chaired by \(session.chair)")
    }
  }
}
