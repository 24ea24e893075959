import AmendKit
import ArgumentParser
import Foundation

/// Options every command that reads or writes the record shares.
struct RepositoryOptions: ParsableArguments {
  @Option(name: .long, help: "The negotiation repository, or any folder inside it.")
  var repo: String = "."

  @Option(help: "The person at the keyboard, as 'Name <email>' (default: git config user.name and user.email).")
  var committer: String?

  @Flag(
    inversion: .prefixedNo,
    help: "Sign the commits with the SSH key of git config user.signingkey (default: git config amend.sign).")
  var sign: Bool?

  /// The world as this process sees it. AMEND_NOW and AMEND_NONCE pin the clock and ids for
  /// reproducible runs; AMEND_COMMITTER stands in for --committer.
  func context() throws -> Context {
    let environment = ProcessInfo.processInfo.environment
    try FaultHook.armFromEnvironment()
    var context = Context()
    if let now = environment["AMEND_NOW"] {
      guard let date = ISO8601DateFormatter().date(from: now) else {
        throw Refusal("AMEND_NOW '\(now)' is not an ISO 8601 time such as 2010-10-13T09:00:00Z")
      }
      context.now = { date }
      context.timeZone = TimeZone(identifier: "UTC") ?? .current
    }
    if let nonce = environment["AMEND_NONCE"].flatMap(UInt64.init) {
      context.nonce = { nonce }
    }
    if let spelled = committer ?? environment["AMEND_COMMITTER"] {
      context.committer = try Person(committer: spelled, from: committer == nil ? .environment : .argument)
    }
    context.sign = sign
    if let pause = environment["AMEND_PAUSE_BEFORE_PUBLISH"].flatMap(Double.init) {
      context.beforePublish = { Thread.sleep(forTimeInterval: pause) }
    }
    return context
  }

  func workspace() throws -> Workspace {
    let workspace = try Workspace.open(at: repo, context: try context())
    try workspace.refuseEmptyBranchBesideDrafts()
    return workspace
  }
}

extension Workspace {
  /// Prints what did not stop the command but should be known.
  func reportWarnings() {
    for warning in warnings { Output.warning(warning) }
  }
}

extension Snapshot {
  /// Reports, one line each, records that could not be read (naming the file, the field and how to
  /// restore it), conflicting decisions and what merged histories left ambiguous, and carries on.
  func reportProblems() {
    guard case .success(let ledger) = ledger else { return }
    for warning in ledger.warnings { Output.warning(warning) }
  }
}
