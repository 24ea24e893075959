import Foundation
import GitCLISupport
import Testing

/// `git daemon` serving a folder over `git://` on 127.0.0.1, pushes enabled, on a free port: started by a
/// test and stopped when the test ends (`stop`, also run on release), whatever happened.
final class GitDaemon {
  let base: String
  let port: Int
  private let process: Process

  init(base: String) throws {
    self.base = base
    port = try GitDaemon.freePort()
    process = Process()
    // git-daemon itself rather than the 'git daemon' wrapper, so that stopping it stops the server.
    let execPath = try GitCLI.run(["--exec-path"], in: base).trimmingCharacters(in: .whitespacesAndNewlines)
    process.executableURL = URL(fileURLWithPath: execPath + "/git-daemon")
    process.arguments = [
      "--reuseaddr", "--base-path=\(base)", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1", "--port=\(port)",
      base,
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until it listens (at most 10 s).
    for _ in 0..<200 where !GitDaemon.listening(port) {
      guard process.isRunning else { break }
      usleep(50_000)
    }
    guard GitDaemon.listening(port) else {
      stop()
      throw SyncTestFailure(message: "git daemon did not listen on port \(port)")
    }
  }

  /// The `git://` URL of the repository `name` under the base folder.
  func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

  /// Stops the server: SIGTERM, then SIGKILL if it is still there after a second (a process started
  /// from the test runner may inherit a blocked SIGTERM).
  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<20 where process.isRunning { usleep(50_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { stop() }

  /// A port nobody listens on now: bound to port 0, read back, released.
  static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  static func listening(_ port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
  }
}

/// Parties of a negotiation, each with its own clone: who is at the keyboard in each.
enum Party {
  static let secretariat = "Secretariat <secretariat@example.org>"
  static let europeanUnion = "European Union <eu@example.org>"
  static let africanGroup = "Group of African States <africa@example.org>"
  static let chair = "Ambassador Ndiaye <chair@example.org>"
  static let otherChair = "Ambassador Silva <silva@example.org>"
}

/// Runs amend as `party` in `folder`, expecting success; returns standard output.
@discardableResult
func amend(_ arguments: [String], as party: String, in folder: String, nonce: Int = 7, at time: String = "2010-10-12T09:00:00Z") throws -> String {
  let run = try CLI.run(arguments, in: folder, extra: ["AMEND_COMMITTER": party, "AMEND_NONCE": String(nonce), "AMEND_NOW": time])
  #expect(run.status == 0, "amend \(arguments.joined(separator: " ")) in \(folder): \(run.stderr)")
  if run.status != 0 { throw SyncTestFailure(message: "amend \(arguments.joined(separator: " ")): \(run.stderr)") }
  return run.stdout
}

/// The id of the only proposal `amend proposals --json` lists that `delegation` tabled.
func proposalID(by delegation: String, in folder: String) throws -> String {
  let json = try amend(["proposals", "--json", "--by", delegation], as: Party.secretariat, in: folder)
  let list = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
  return try #require(list.first?["id"] as? String)
}

struct SyncTestFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
