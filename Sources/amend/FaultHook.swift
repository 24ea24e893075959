import AmendKit
import Foundation
@_spi(FaultInjection) import GitStore

/// The test hook for fault injection: `AMEND_FAULT=fail:N` makes the Nth write (blob, tree, commit,
/// tag, reference, index lock, working-tree file, index) fail, `AMEND_FAULT=kill:N` ends the process
/// there with status 86, as a kill would. For the fault-injection suite; never set it otherwise.
enum FaultHook {
  static func armFromEnvironment() throws {
    guard let spec = ProcessInfo.processInfo.environment["AMEND_FAULT"] else { return }
    guard let (action, point) = FaultInjection.parse(spec) else {
      throw Refusal("AMEND_FAULT '\(spec)' is not 'fail:N' or 'kill:N' (N from 1); unset it")
    }
    FaultInjection.arm(action, at: point)
  }
}
