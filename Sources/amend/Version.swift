import GitStore

/// What `amend --version` prints: amend's own version and the libgit2 it runs on.
enum AmendVersion {
  /// Raised with each release that changes what users see (README, "Changes").
  static let number = "0.5.0"

  static var line: String { "amend \(number) (libgit2 \(libgit2Version))" }
}
