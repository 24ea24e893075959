import Foundation

/// Runs the real `git` executable, isolated from the machine's and user's configuration.
enum GitCLI {
  struct Failure: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let standardError: String
    var description: String {
      "git \(arguments.joined(separator: " ")) exited \(status): \(standardError)"
    }
  }

  /// Runs `git <arguments>` in `directory` and returns its standard output.
  @discardableResult
  static func run(
    _ arguments: [String], in directory: String, environment extra: [String: String] = [:]
  ) throws -> String {
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
    guard process.terminationStatus == 0 else {
      let message = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
      throw Failure(arguments: arguments, status: process.terminationStatus, standardError: message)
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Output lines without the trailing empty one.
  static func lines(_ arguments: [String], in directory: String) throws -> [String] {
    try run(arguments, in: directory).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init).filter { !$0.isEmpty }
  }
}
