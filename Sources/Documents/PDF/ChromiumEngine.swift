import Foundation

/// Headless Chromium, found on the machine, printing an HTML page to PDF (`--print-to-pdf`).
///
/// Each print runs one Chromium in a temporary folder of its own (the page, a fresh profile, the PDF),
/// with a time limit, and removes the folder after. Chromium writes the time of printing into the PDF,
/// so two prints of one page are not byte for byte the same.
public struct ChromiumEngine: Sendable {
  /// The environment variable naming the program to use instead of searching PATH.
  public static let overrideVariable = "AMEND_CHROMIUM"
  /// The programs searched for on PATH, in order.
  public static let programNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

  /// The program's path.
  public var executable: String
  /// How long one print may take before Chromium is stopped.
  public var timeLimit: TimeInterval
  /// Where each print makes (and removes) its temporary folder.
  public var temporaryParent: URL

  public init(executable: String, timeLimit: TimeInterval = 120, temporaryParent: URL = FileManager.default.temporaryDirectory) {
    self.executable = executable
    self.timeLimit = timeLimit
    self.temporaryParent = temporaryParent
  }

  /// The engine `AMEND_CHROMIUM` names (a path, or a program on PATH), else the first of
  /// ``programNames`` on PATH.
  ///
  /// - Throws: ``DocumentError/noPDFEngine(named:)`` when there is none.
  public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ChromiumEngine {
    let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
    func locate(_ name: String) -> String? {
      if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
      for folder in path where !folder.isEmpty {
        let candidate = folder + "/" + name
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
          FileManager.default.isExecutableFile(atPath: candidate)
        {
          return candidate
        }
      }
      return nil
    }
    if let named = environment[overrideVariable], !named.isEmpty {
      guard let found = locate(named) else { throw DocumentError.noPDFEngine(named: named) }
      return ChromiumEngine(executable: found)
    }
    for name in programNames {
      if let found = locate(name) { return ChromiumEngine(executable: found) }
    }
    throw DocumentError.noPDFEngine(named: nil)
  }

  /// The arguments that print `page` to `output` with a profile in `profile`.
  public static func arguments(page: URL, output: URL, profile: URL) -> [String] {
    [
      "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--no-first-run",
      "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-sync",
      "--disable-component-update", "--mute-audio", "--no-pdf-header-footer", "--print-to-pdf=\(output.path)",
      page.absoluteString,
    ]
  }

  /// "120 seconds", "1 second".
  var limitWords: String {
    let seconds = Int(timeLimit.rounded(.up))
    return seconds == 1 ? "1 second" : "\(seconds) seconds"
  }

  /// `html` printed to PDF on A4 (the page's own `@page` rule), as the PDF's bytes.
  ///
  /// - Throws: ``DocumentError/pdfEngineFailed(engine:reason:)`` when Chromium fails, gives no PDF, or
  ///   takes longer than ``timeLimit``.
  public func printToPDF(html: String) throws -> [UInt8] {
    let manager = FileManager.default
    let folder = temporaryParent.appendingPathComponent("amend-pdf-\(UUID().uuidString)")
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: folder) }
    let page = folder.appendingPathComponent("page.html")
    let output = folder.appendingPathComponent("page.pdf")
    let profile = folder.appendingPathComponent("profile")
    let home = folder.appendingPathComponent("home")
    try manager.createDirectory(at: home, withIntermediateDirectories: true)
    try Data(html.utf8).write(to: page)
    let log = folder.appendingPathComponent("chromium.log")
    _ = manager.createFile(atPath: log.path, contents: nil)

    let process = Process()
    let arguments = Self.arguments(page: page, output: output, profile: profile)
    // coreutils' timeout stops Chromium's whole process group (its zygote and renderers too).
    let limiter = "/usr/bin/timeout"
    if manager.isExecutableFile(atPath: limiter) {
      process.executableURL = URL(fileURLWithPath: limiter)
      process.arguments = ["--kill-after=5", String(Int(timeLimit.rounded(.up))), executable] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
    }
    var environment = ProcessInfo.processInfo.environment
    // Chromium writes under HOME (.pki, caches) whatever the profile: keep it in the folder removed after.
    environment["HOME"] = home.path
    environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
    environment["XDG_CACHE_HOME"] = home.appendingPathComponent(".cache").path
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let logHandle = try FileHandle(forWritingTo: log)
    defer { try? logHandle.close() }
    process.standardError = logHandle
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
      try process.run()
    } catch {
      throw DocumentError.pdfEngineFailed(engine: executable, reason: "it could not be started (\((error as NSError).localizedDescription))")
    }
    if finished.wait(timeout: .now() + timeLimit + 10) == .timedOut {
      process.terminate()
      finished.wait()
      throw DocumentError.pdfEngineFailed(engine: executable, reason: "it did not finish within \(limitWords)")
    }
    let status = process.terminationStatus
    if status == 124 || status == 137, process.executableURL?.path == limiter {
      throw DocumentError.pdfEngineFailed(engine: executable, reason: "it did not finish within \(limitWords)")
    }
    guard let bytes = manager.contents(atPath: output.path), bytes.starts(with: Array("%PDF".utf8)) else {
      throw DocumentError.pdfEngineFailed(engine: executable, reason: "it exited with status \(status) without writing a PDF")
    }
    return [UInt8](bytes)
  }
}
