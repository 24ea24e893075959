// The room: one negotiation repository served to the people in it (docs/SERVE.md).
// Pages for reading, tabling and chairing, the JSON API under /api/, and the live event stream the
// screen follows. Every write goes through AmendKit, exactly as the CLI's does.
import AmendKit
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// How `amend serve` runs: the repository, the address, the world (clock, ids, committer) and the words.
public struct ServerConfiguration: Sendable {
  /// The negotiation repository, or any folder inside it.
  public var repository: String
  /// The address to bind; 127.0.0.1 unless told otherwise.
  public var host = "127.0.0.1"
  /// The port; 0 picks a free one (the address is then told by `onRunning`).
  public var port = 8080
  /// The clock, ids and committer (the server's operator) every write uses, as the CLI's `Context`.
  public var context: Context
  /// The one line for a refusal: the CLI passes its `Messages.message(for:)`, so the server words every
  /// refusal exactly as the CLI does.
  public var describe: @Sendable (any Error) -> String?
  /// The largest request body accepted (413 beyond it).
  public var maxBody = 64 * 1024
  /// How often the branch is looked at for commits made by others (the CLI, a sync).
  public var pollInterval: TimeInterval = 0.1
  /// How often a `:keepalive` comment goes down every event stream.
  public var keepalive: TimeInterval = 15
  /// Whether each request is logged (method, path without query, status, time) on standard error.
  public var logRequests = true

  /// A configuration for the repository at `repository`.
  public init(repository: String, context: Context, describe: @escaping @Sendable (any Error) -> String?) {
    self.repository = repository
    self.context = context
    self.describe = describe
  }
}

/// The server over one repository.
public enum AmendServer {
  /// Runs until SIGINT or SIGTERM; `onRunning` is told the address once it listens.
  public static func run(_ configuration: ServerConfiguration, onRunning: @escaping @Sendable (String) -> Void) async throws {
    let room = try Room(configuration)
    defer { room.stop() }
    // Shut down in reverse order: first the room (its event streams end, which would otherwise hold the
    // server's graceful shutdown open forever), then the server.
    let group = ServiceGroup(
      configuration: .init(
        services: [application(room, onRunning: onRunning), RoomService(room: room)], gracefulShutdownSignals: [.sigterm, .sigint],
        logger: quietLogger))
    try await group.run()
  }

  static var quietLogger: Logger {
    var logger = Logger(label: "amend-serve")
    logger.logLevel = .warning
    return logger
  }

  static func application(_ room: Room, onRunning: @escaping @Sendable (String) -> Void) -> some ApplicationProtocol {
    let configuration = room.configuration
    return Application(
      router: Routes.router(room),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "amend"),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? configuration.port
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        onRunning("http://\(host):\(port)")
      },
      logger: quietLogger)
  }
}

/// Ends the room (event streams, watcher) when the server is asked to stop.
struct RoomService: Service {
  let room: Room

  func run() async throws {
    try? await gracefulShutdown()
    room.stop()
  }
}
