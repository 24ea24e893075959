import AmendKit
import AmendServer
import ArgumentParser
import Foundation

extension Amend {
  /// `amend serve`: the room's server over this repository (docs/SERVE.md).
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "Serve the negotiation to the room: pages, the JSON API under /api/ and a live event stream.",
      discussion: """
        Binds to 127.0.0.1 unless told otherwise. Writes need a token from 'amend access grant'; every write is
        committed as the CLI commits it, with the delegation (or chair) as author and you, the operator, as
        committer. Stop it with Ctrl-C.
        """)

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port, printed).") var port = 8080
    @Flag(help: "Do not log each request on standard error.") var quiet = false
    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535, not \(port)") }
    }

    func run() throws {
      let workspace = try options.workspace()
      // The operator commits every write: refuse at start, not at the first write, when there is none.
      _ = try workspace.committer()
      _ = try workspace.snapshot().currentDraft()
      var configuration = ServerConfiguration(
        repository: options.repo, context: try options.context(), describe: { Messages.message(for: $0) })
      configuration.host = host
      configuration.port = port
      configuration.logRequests = !quiet
      // Tests shorten the keepalive period (seconds); people never need to.
      if let keepalive = ProcessInfo.processInfo.environment["AMEND_SERVE_KEEPALIVE"].flatMap(Double.init), keepalive > 0 {
        configuration.keepalive = keepalive
      }
      let finished = DispatchSemaphore(value: 0)
      let outcome = Outcome()
      let (host, port) = (host, port)
      Task {
        do {
          try await AmendServer.run(configuration) { address in
            Output.line("amend serve: listening on \(address) (Ctrl-C stops it)")
          }
        } catch {
          outcome.error = Refusal("cannot serve on \(host):\(port): \(Failure.oneLine(error))")
        }
        finished.signal()
      }
      finished.wait()
      if let error = outcome.error { throw error }
    }
  }
}

/// What the server's task ended with.
final class Outcome: @unchecked Sendable {
  var error: (any Error)?
}
