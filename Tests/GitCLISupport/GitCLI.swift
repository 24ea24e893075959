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
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["LC_ALL"] = "C"
    environment.merge(extra) { $1 }
    let run = try ProgramRun.run(
      URL(fileURLWithPath: "/usr/bin/git"), ["-c", "safe.directory=*"] + arguments, in: directory, environment: environment)
    return (run.status, run.stdout, run.stderr)
  }

  /// Output lines without the trailing empty one.
  public static func lines(_ arguments: [String], in directory: String) throws -> [String] {
    try run(arguments, in: directory).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init).filter { !$0.isEmpty }
  }
}
