import Foundation
import GitCLISupport
import Testing

/// The result of running the real `amend` executable.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
  var stdoutData: Data
}

/// Runs the built `amend` binary, which sits beside the test bundle.
enum CLI {
  static let binary = BuiltAmend.binary

  static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/seeds/seventh-draft-migration-2010-10-12.txt").path

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static let environment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    environment["AMEND_COMMITTER"] = "Secretariat <secretariat@example.org>"
    environment["AMEND_NOW"] = "2010-10-12T09:00:00Z"
    environment["AMEND_NONCE"] = "7"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    return environment
  }()

  static func process(_ arguments: [String], in folder: String, extra: [String: String] = [:]) -> Process {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = environment.merging(extra) { _, new in new }
    return process
  }

  @discardableResult
  static func run(_ arguments: [String], in folder: String, extra: [String: String] = [:]) throws -> Run {
    let run = try ProgramRun.run(binary, arguments, in: folder, environment: environment.merging(extra) { _, new in new })
    return Run(status: run.status, stdout: run.stdout, stderr: run.stderr, stdoutData: run.stdoutData)
  }
}

/// A scratch folder removed when the test ends.
final class Scratch {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("amend-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The real git CLI's output, whatever its exit status.
@discardableResult
func git(_ arguments: [String], in folder: String) throws -> String {
  try GitCLI.status(arguments, in: folder).output
}

/// `git fsck --strict` finds nothing wrong (dangling objects left by writers that lost a race are not
/// damage).
func fsckIsClean(_ folder: String) throws -> Bool {
  let run = try GitCLI.status(["fsck", "--strict", "--no-dangling"], in: folder)
  return run.status == 0 && run.output.isEmpty
}

/// Everything in a folder, path → content, to prove a refused command changed nothing.
func contents(of folder: String) -> [String: Data] {
  var result: [String: Data] = [:]
  let enumerator = FileManager.default.enumerator(atPath: folder)
  while let path = enumerator?.nextObject() as? String {
    if path.hasSuffix("index") && path.contains(".git") { continue }
    if let data = FileManager.default.contents(atPath: folder + "/" + path) { result[path] = data }
  }
  return result
}

/// Runs scripts/demo.sh (the bundled example: seventh draft, proposals, session, eighth draft) and
/// returns the repository it leaves in `scratch`.
func bundledExample(in scratch: Scratch) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/bash")
  process.arguments = [CLI.packageRoot + "/scripts/demo.sh", CLI.binary.path]
  process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { _, new in new }
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  process.waitUntilExit()
  try #require(process.terminationStatus == 0)
  let made = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("amend-example.") }
  return scratch.path + "/" + (try #require(made.first))
}
