import Foundation

/// A test hook, SQLite-style: every write GitStore makes (blob, tree, commit, tag, reference, index
/// lock, working-tree file, index) is a numbered write point, and write point N can be made to fail
/// (throw) or to end the process on the spot, as a kill would. Off unless armed; the command line arms
/// it from `AMEND_FAULT` ("fail:N" or "kill:N") and nothing else does.
///
/// Kept out of the public API as SPI: `@_spi(FaultInjection) import GitStore`.
@_spi(FaultInjection) public enum FaultInjection {
  /// What happens at the chosen write point.
  public enum Action: Sendable {
    /// The write throws a `GitError` and does not happen.
    case fail
    /// The process ends with `killedStatus` before the write, as if killed.
    case kill
  }

  /// The exit status of a process ended at a write point.
  public static let killedStatus: Int32 = 86

  /// Makes write point `point` (counted from 1 in this process) do `action`.
  public static func arm(_ action: Action, at point: Int) {
    state.withLock {
      $0.armed = (action, point)
    }
  }

  /// Reads "fail:N" or "kill:N"; nil when `spec` is neither.
  public static func parse(_ spec: String) -> (action: Action, point: Int)? {
    let parts = spec.split(separator: ":")
    guard parts.count == 2, let point = Int(parts[1]), point > 0 else { return nil }
    switch parts[0] {
    case "fail": return (.fail, point)
    case "kill": return (.kill, point)
    default: return nil
    }
  }

  /// How many write points this process has reached.
  public static var reached: Int { state.withLock { $0.count } }

  struct State {
    var count = 0
    var armed: (action: Action, point: Int)?
  }

  static let state = Locked(State())
}

/// The kinds of write GitStore numbers.
enum WritePoint: String {
  case blob, tree, commit, tag, reference
  case indexLock = "index lock"
  case workingTreeFile = "working-tree file"
  case index
}

/// Counts a write point, failing or ending the process there when the hook says so; call it just before
/// the write it names.
func reach(_ point: WritePoint) throws(GitError) {
  let (number, action) = FaultInjection.state.withLock { state -> (Int, FaultInjection.Action?) in
    state.count += 1
    guard let armed = state.armed, armed.point == state.count else { return (state.count, nil) }
    return (state.count, armed.action)
  }
  switch action {
  case nil: return
  case .kill?: _exit(FaultInjection.killedStatus)
  case .fail?:
    throw GitError(code: -1, message: "injected fault at write point \(number) (\(point.rawValue))")
  }
}

/// A value guarded by a lock, for the little process-wide state GitStore keeps.
final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()

  init(_ value: Value) { self.value = value }

  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
