import Foundation
import GitCLISupport
import Testing

/// A negotiation served by the real `amend serve` on a free loopback port: the seventh draft, access
/// tokens for a delegation, the chair and the secretariat, and the server's operator as committer.
final class ServedRoom {
  let scratch: String
  let repository: String
  let port: Int
  var tokens: [String: String] = [:]
  private var server: Process?
  private let serverLog: String

  /// The `amend` binary built beside the test bundle.
  static let binary: URL = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [bundle, bundle.deletingLastPathComponent(), Bundle.main.bundleURL] {
      let beside = candidate.appendingPathComponent("amend")
      if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    }
    return packageRoot.appendingPathComponent(".build/debug/amend")
  }()

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let seed = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds/seventh-draft-migration-2010-10-12.txt").path

  init() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("amend-room-\(UUID().uuidString)").path
    repository = scratch + "/negotiation"
    serverLog = scratch + "/server.log"
    try Self.initialise(repository)
    for (flag, name) in [("--delegation", "European Union"), ("--chair", "Ambassador Ndiaye"), ("--secretariat", "Secretariat")] {
      let run = try Self.amend(["access", "grant", flag, name], in: repository)
      try #require(run.status == 0, "amend access grant \(flag) \(name): \(run.stderr)")
      tokens[name] = try #require(Self.token(in: run.stdout), "no token in: \(run.stdout)")
    }
    port = try freeLoopbackPort()
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = ["serve", "--repo", repository, "--port", "\(port)"]
    process.environment = Self.environment.merging(["AMEND_COMMITTER": "Server Operator <operator@example.org>"]) { $1 }
    FileManager.default.createFile(atPath: serverLog, contents: nil)
    let log = try FileHandle(forWritingTo: URL(fileURLWithPath: serverLog))
    process.standardOutput = log
    process.standardError = log
    process.standardInput = FileHandle.nullDevice
    try process.run()
    server = process
    try waitUntil(seconds: 15, "amend serve answers on port \(port)") {
      guard process.isRunning else { throw WebDriver.Failure(description: "amend serve stopped: \(self.log)") }
      return (try? HTTP.request("GET", URL(string: self.url("/api/whoami"))!, timeout: 1)) != nil
    }
  }

  /// A new negotiation at `repository`: `amend init` on the seventh draft.
  static func initialise(_ repository: String) throws {
    try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
    let draft = FileManager.default.fileExists(atPath: seed) ? seed : packageRoot.appendingPathComponent("drafts/07-seventh-draft.md").path
    let initRun = try amend(["init", "--from", draft], in: repository)
    try #require(initRun.status == 0, "amend init: \(initRun.stderr)")
  }

  /// The token `amend access grant` printed: the sign-in link's fragment, else the line's last word.
  static func token(in output: String) -> String? {
    if let range = output.range(of: "#token=") {
      return String(output[range.upperBound...].prefix { !$0.isWhitespace })
    }
    return output.split(separator: "\n").first.flatMap { $0.split(separator: " ").last }.map(String.init)
  }

  var log: String { (try? String(contentsOfFile: serverLog, encoding: .utf8)) ?? "" }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  static let environment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    environment["AMEND_COMMITTER"] = "Secretariat <secretariat@example.org>"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    return environment
  }()

  /// Runs the CLI on the room's repository (as the secretariat at the keyboard).
  func amend(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    try Self.amend(arguments, in: repository)
  }

  static func amend(
    _ arguments: [String], in repository: String, extra: [String: String] = [:]
  ) throws -> (status: Int32, stdout: String, stderr: String) {
    let run = try ProgramRun.run(
      Self.binary, arguments + ["--repo", repository], in: nil, environment: Self.environment.merging(extra) { $1 })
    return (run.status, run.stdout, run.stderr)
  }

  /// The folder the test's screenshots go to, inside the scratch folder.
  func screenshotFolder() throws -> String {
    let folder = scratch + "/screenshots"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// AMEND_SCREENSHOTS=DIR keeps them to look at.
  func keepScreenshots(_ folder: String) throws {
    guard let keep = ProcessInfo.processInfo.environment["AMEND_SCREENSHOTS"] else { return }
    try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      try? FileManager.default.removeItem(atPath: keep + "/" + name)
      try FileManager.default.copyItem(atPath: folder + "/" + name, toPath: keep + "/" + name)
    }
  }

  func stop() {
    if let server, server.isRunning {
      server.interrupt()
      let deadline = Date().addingTimeInterval(5)
      while server.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
      if server.isRunning { server.terminate() }
      server.waitUntilExit()
    }
    server = nil
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(atPath: scratch)
  }
}
