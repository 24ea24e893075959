import AmendKit
import Foundation

/// Everything one server holds: the repository's lanes (one writer at a time, reads beside it), the
/// access grants, the signed-in browser sessions and the event stream.
final class Room: Sendable {
  let configuration: ServerConfiguration
  /// Every write, one at a time: 50 delegations tabling at once each get their proposal recorded.
  let writer: Lane
  /// Reads, beside the writer (a Workspace of their own).
  let reader: Lane
  let access: AccessTokens
  let sessions = BrowserSessions()
  let events: EventHub
  let watcher: BranchWatcher

  init(_ configuration: ServerConfiguration) throws {
    self.configuration = configuration
    let open = { try Workspace.open(at: configuration.repository, context: configuration.context) }
    let writing = try open()
    try writing.refuseEmptyBranchBesideDrafts()
    writer = Lane("write", writing)
    reader = Lane("read", try open())
    access = AccessTokens(folder: writing.privateFolder)
    events = EventHub(keepalive: configuration.keepalive)
    watcher = try BranchWatcher(workspace: try open(), hub: events, interval: configuration.pollInterval)
  }

  func stop() {
    watcher.stop()
    events.stop()
  }
}

/// One Workspace used from one serial queue, so the (not thread-safe) libgit2 repository it holds is
/// never used from two threads at once, and blocking git work never runs on Swift's cooperative pool.
final class Lane: @unchecked Sendable {
  private let queue: DispatchQueue
  private let workspace: Workspace

  init(_ name: String, _ workspace: Workspace) {
    queue = DispatchQueue(label: "amend.serve.\(name)")
    self.workspace = workspace
  }

  /// Runs `body` on this lane; the workspace's warnings are those `body` added.
  func run<T: Sendable>(_ body: @escaping @Sendable (Workspace) throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { [self] in
        workspace.clearWarnings()
        continuation.resume(with: Result(catching: { try body(workspace) }))
      }
    }
  }
}
