internal import CLibGit2
import Foundation

/// Process-wide libgit2 set-up, done once before the first call.
enum LibGit2 {
  /// Whether `git_libgit2_init` succeeded; a lazily initialised global runs it exactly once.
  private static let initialized: Bool = git_libgit2_init() > 0

  /// Makes sure libgit2 is initialised; cheap after the first call.
  static func ensureInitialized() {
    _ = initialized
  }
}

/// Calls `body` with a `git_strarray` holding copies of `strings`, freed afterwards.
func withStrArray<Result, Failure: Error>(
  _ strings: [String],
  _ body: (UnsafeMutablePointer<git_strarray>) throws(Failure) -> Result
) throws(Failure) -> Result {
  // strdup'ed copies so every pointer stays valid for the whole call, not one closure.
  var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  defer { pointers.forEach { free($0) } }
  return try pointers.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Result in
    var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
    return try body(&array)
  }
}

/// Copies and disposes a `git_buf` filled by libgit2.
func takeString(_ buffer: inout git_buf) -> String {
  defer { git_buf_dispose(&buffer) }
  guard let pointer = buffer.ptr else { return "" }
  let bytes = UnsafeRawBufferPointer(start: pointer, count: buffer.size)
  return String(decoding: bytes, as: UTF8.self)
}

/// The libgit2 this process runs on ("1.5.1"), for `amend --version`.
public var libgit2Version: String {
  var major: Int32 = 0
  var minor: Int32 = 0
  var revision: Int32 = 0
  git_libgit2_version(&major, &minor, &revision)
  return "\(major).\(minor).\(revision)"
}
