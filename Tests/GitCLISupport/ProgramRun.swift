import Foundation

/// One run of an outside program — the `git` CLI, the built `amend` — as the tests make it: standard
/// input empty, standard error to a file so neither pipe can fill up and stall the child.
public struct ProgramRun: Sendable {
  public let status: Int32
  public let stdoutData: Data
  public let stderr: String
  public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }

  /// Runs `executable` with `arguments` in `directory` (nil: the current one) under `environment`.
  public static func run(
    _ executable: URL, _ arguments: [String], in directory: String?, environment: [String: String]
  ) throws -> ProgramRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.environment = environment
    let output = Pipe()
    let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("amend-test-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorURL) }
    let errorHandle = try FileHandle(forWritingTo: errorURL)
    process.standardOutput = output
    process.standardError = errorHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    let message = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    return ProgramRun(status: process.terminationStatus, stdoutData: data, stderr: message)
  }
}
