import Foundation

/// The built `amend` binary, which sits beside the test bundle: what every suite that runs it as
/// people do starts.
public enum BuiltAmend {
  public static let binary: URL = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let beside = bundle.appendingPathComponent("amend")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return Bundle.main.bundleURL.appendingPathComponent("amend")
  }()
}
