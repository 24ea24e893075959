import AmendKit
import Foundation

/// The event stream's fan-out: every subscriber (one per open `GET /api/events`) gets every frame, in
/// order; a `:keepalive` comment goes to all every `keepalive` seconds.
final class EventHub: @unchecked Sendable {
  private let lock = NSLock()
  private var subscribers: [UInt64: AsyncStream<String>.Continuation] = [:]
  private var nextID: UInt64 = 0
  private var timer: DispatchSourceTimer?

  init(keepalive: TimeInterval) {
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "amend.serve.keepalive"))
    timer.schedule(deadline: .now() + keepalive, repeating: keepalive)
    timer.setEventHandler { [weak self] in self?.broadcast(":keepalive\n\n") }
    timer.resume()
    self.timer = timer
  }

  /// The number of open streams.
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return subscribers.count
  }

  /// A new stream of frames; it ends its subscription when the stream is dropped.
  func subscribe() -> AsyncStream<String> {
    // A screen that stops reading is not allowed to hold the server's memory: past 10,000 frames
    // waiting, the oldest are dropped (the page re-fetches on the next one anyway).
    let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(10_000))
    lock.lock()
    let id = nextID
    nextID += 1
    subscribers[id] = continuation
    lock.unlock()
    continuation.onTermination = { [weak self] _ in self?.remove(id) }
    return stream
  }

  private func remove(_ id: UInt64) {
    lock.lock()
    subscribers[id] = nil
    lock.unlock()
  }

  /// One commit on the branch, as one Server-Sent Event (id: the commit; data: its JSON on one line).
  func publish(_ commit: BranchCommit) {
    broadcast(Self.frame(commit))
  }

  static func frame(_ commit: BranchCommit) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = (try? encoder.encode(commit)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return "id: \(commit.commit)\ndata: \(json)\n\n"
  }

  private func broadcast(_ frame: String) {
    lock.lock()
    let all = Array(subscribers.values)
    lock.unlock()
    for continuation in all { continuation.yield(frame) }
  }

  func stop() {
    timer?.cancel()
    lock.lock()
    let all = Array(subscribers.values)
    subscribers = [:]
    lock.unlock()
    for continuation in all { continuation.finish() }
  }
}
