import ArgumentParser
import AmendKit

extension Amend {
  /// `amend session`: what is open and what was decided; `open` and `close` subcommands.
  struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "session", abstract: "Open, close or show the chair's sessions.",
      subcommands: [Status.self, Open.self, Close.self], defaultSubcommand: Status.self)

    struct Status: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Show the open session and the decisions taken.")
      @OptionGroup var options: RepositoryOptions

      func run() throws {
        let ledger = try options.workspace().snapshot().ledger.get()
        if ledger.sessions.isEmpty {
          Output.line("No session has been held: open one with 'amend session open NAME --chair NAME'")
        }
        if ledger.openSession == nil, !ledger.sessions.isEmpty { Output.line("No session is open.") }
        for session in ledger.sessions.reversed() {
          Output.exact(Minutes.render(session, ledger: ledger))
        }
      }
    }

    struct Open: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Open a session; decisions are taken in it.")
      @Argument(help: "The session's name, e.g. \"Second reading\".") var name: String
      @Option(parsing: .unconditional, help: "Who chairs it; the author of its decisions.", transform: Words.value)
      var chair: String
      @Option(help: "The meeting's date, YYYY-MM-DD (default: today).") var date: String?
      @OptionGroup var options: RepositoryOptions

      func run() throws {
        let workspace = try options.workspace()
        let session = try workspace.openSession(name: name, chair: chair, date: date)
        workspace.reportWarnings()
        Output.line("Session \(session.name) (\(session.date)) opened, chaired by \(session.chair)")
      }
    }

    struct Close: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Close the open session and print its minutes.")
      @OptionGroup var options: RepositoryOptions

      func run() throws {
        let workspace = try options.workspace()
        let session = try workspace.closeSession()
        workspace.reportWarnings()
        Output.exact(Minutes.render(session, ledger: try workspace.snapshot().ledger.get()))
      }
    }
  }
}
