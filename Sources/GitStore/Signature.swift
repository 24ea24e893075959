internal import CLibGit2
import Foundation

/// Who did something, and when (author, committer, tagger).
public struct Signature: Sendable, Equatable, Hashable {
  public var name: String
  public var email: String
  /// The moment, stored by git with one-second precision.
  public var time: Date
  /// Offset from UTC in minutes, e.g. 120 for +0200.
  public var timeZoneOffsetMinutes: Int

  public init(name: String, email: String, time: Date, timeZoneOffsetMinutes: Int = 0) {
    self.name = name
    self.email = email
    self.time = time
    self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
  }

  /// Seconds since the epoch as git records them (fractions dropped).
  public var secondsSince1970: Int64 { Int64(time.timeIntervalSince1970.rounded(.down)) }
}

extension Signature {
  /// Copies a libgit2 signature.
  init(_ signature: UnsafePointer<git_signature>) {
    let value = signature.pointee
    self.init(
      name: value.name.map { String(cString: $0) } ?? "",
      email: value.email.map { String(cString: $0) } ?? "",
      time: Date(timeIntervalSince1970: TimeInterval(value.when.time)),
      timeZoneOffsetMinutes: Int(value.when.offset))
  }

  /// Calls `body` with a temporary libgit2 signature, freed afterwards.
  @discardableResult
  func withGitSignature<Result>(
    _ body: (UnsafeMutablePointer<git_signature>) throws(GitError) -> Result
  ) throws(GitError) -> Result {
    var signature: UnsafeMutablePointer<git_signature>?
    try check(
      git_signature_new(&signature, name, email, secondsSince1970, Int32(timeZoneOffsetMinutes)))
    guard let signature else {
      throw GitError(code: -1, message: "libgit2 returned no signature for \(name) <\(email)>")
    }
    defer { git_signature_free(signature) }
    return try body(signature)
  }
}
