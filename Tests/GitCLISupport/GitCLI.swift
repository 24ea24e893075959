import Foundation

/// Runs the real `git` executable, isolated from the machine's and user's configuration: what every
/// test suite cross-checks amend against.
public enum GitCLI {
  public struct Failure: Error, CustomStringConvertible {
    public let arguments: [String]
    public let status: Int32
    public let standardError: String
    public var description: String {
      "git \(arguments.joined(separator: " ")) exited \(status): \(standardError)"
    }
  }

  /// Runs `git <arguments>` in `directory` and returns its standard output; throws when git fails.
  @discardableResult
  public static func run(
    _ arguments: [String], in directory: String, environment extra: [String: String] = [:]
  ) throws -> String {
    let result = try status(arguments, in: directory, environment: extra)
    guard result.status == 0 else {
      throw Failure(arguments: arguments, status: result.status, standardError: result.standardError)
    }
    return result.output
  }

  /// Runs `git <arguments>` in `directory`, whatever its exit status.
  public static func status(
    _ arguments: [String], in directory: String, environment extra: [String: String] = [:]
  ) throws -> (status: Int32, output: String, standardError: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = ["-c", "safe.directory=*"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["LC_ALL"] = "C"
    environment.merge(extra) { $1 }
    process.environment = environment
    let output = Pipe()
    // Standard error goes to a file so neither pipe can fill up and stall the child.
    let errorURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("gitstore-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorURL) }
    let errorHandle = try FileHandle(forWritingTo: errorURL)
    process.standardOutput = output
    process.standardError = errorHandle
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    let message = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    return (process.terminationStatus, String(decoding: data, as: UTF8.self), message)
  }

  /// Output lines without the trailing empty one.
  public static func lines(_ arguments: [String], in directory: String) throws -> [String] {
    try run(arguments, in: directory).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init).filter { !$0.isEmpty }
  }
}
