import AmendKit
import Foundation

/// Watches the negotiation's branch from a thread of its own: it reads the branch reference (one small
/// file read through GitStore) every `interval`, or at once when the server has just written, and
/// publishes one event per new commit, whoever made it: the server, the `amend` CLI, a sync.
final class BranchWatcher: @unchecked Sendable {
  private let workspace: Workspace
  private let hub: EventHub
  private let interval: TimeInterval
  private let wake = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var stopped = false
  private var thread: Thread?
  private var last: String?

  init(workspace: Workspace, hub: EventHub, interval: TimeInterval) throws {
    self.workspace = workspace
    self.hub = hub
    self.interval = interval
    last = try workspace.branchTip()
    let thread = Thread { [weak self] in self?.loop() }
    thread.name = "amend.serve.watch"
    self.thread = thread
    thread.start()
  }

  /// Looks now rather than at the next tick (after the server's own writes).
  func poke() { wake.signal() }

  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
    wake.signal()
  }

  private var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

  private func loop() {
    while !isStopped {
      _ = wake.wait(timeout: .now() + interval)
      if isStopped { return }
      look()
    }
  }

  private func look() {
    guard let tip = try? workspace.branchTip(), tip != last else { return }
    do {
      for commit in try workspace.branchCommits(after: last, upTo: tip) { hub.publish(commit) }
      last = tip
    } catch {
      // A commit being written is not readable yet: the next look reads it.
    }
  }
}
