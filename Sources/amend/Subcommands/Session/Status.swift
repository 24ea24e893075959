import AmendKit
import ArgumentParser

extension Amend.SessionCommand {
  /// `amend session [status]`: the open session and the minutes of every session, newest first.
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status", abstract: "Show the open session and the decisions taken.")
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
}
