import ArgumentParser

extension Amend {
  /// `amend session`: what is open and what was decided; `open` and `close` subcommands.
  struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "session", abstract: "Open, close or show the chair's sessions.",
      subcommands: [Status.self, Open.self, Close.self], defaultSubcommand: Status.self)
  }
}
