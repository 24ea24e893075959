import Foundation

/// An independent program the suites check amend with (pandoc, xmllint, soffice, chromium, poppler's
/// tools), found on PATH. A missing one fails the test with the Debian package that provides it, which
/// `make test` installs (scripts/install-tools.sh).
public enum InstalledTool {
  public struct Missing: Error, CustomStringConvertible {
    public var name: String
    public var package: String

    public init(name: String, package: String) {
      self.name = name
      self.package = package
    }

    public var description: String { "\(name) is not installed: install the Debian package \(package) (make test installs it)" }
  }

  /// The path of `name` on PATH, or `Missing` naming `package`.
  public static func path(_ name: String, package: String) throws(Missing) -> String {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
    throw Missing(name: name, package: package)
  }
}
