internal import CLibGit2
import Foundation

/// A failure reported by libgit2 (or by this layer, using the same codes).
public struct GitError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The `git_error_code` (negative), e.g. -3 for "not found".
  public let code: Int32
  /// The `git_error_t` class that libgit2 attached, 0 when none.
  public let errorClass: Int32
  /// A one-line, human-readable message.
  public let message: String

  /// Creates an error; `message` is folded onto one line.
  public init(code: Int32, errorClass: Int32 = 0, message: String) {
    self.code = code
    self.errorClass = errorClass
    self.message = GitError.oneLine(message)
  }

  public var description: String { message }

  /// The object, reference, path or repository does not exist (`GIT_ENOTFOUND`).
  public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
  /// Something already exists where it was to be created (`GIT_EEXISTS`).
  public var isExists: Bool { code == GIT_EEXISTS.rawValue }
  /// A reference did not hold the expected value: another writer moved it first (`GIT_EMODIFIED`).
  public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
  /// A lock file held by another process prevented the operation (`GIT_ELOCKED`).
  public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
  /// HEAD names a branch without commits (`GIT_EUNBORNBRANCH`).
  public var isUnbornBranch: Bool { code == GIT_EUNBORNBRANCH.rawValue }
  /// A name or spec was malformed (`GIT_EINVALIDSPEC`).
  public var isInvalidSpec: Bool { code == GIT_EINVALIDSPEC.rawValue }

  /// Whether the operation may succeed when retried against the newer state.
  var isContention: Bool { isModified || isExists || isLocked }

  /// Builds the error for a failed call from libgit2's thread-local last error.
  static func last(code: Int32) -> GitError {
    // git_error_last may be NULL in 1.5 (e.g. a callback returned non-zero without setting one).
    guard let error = git_error_last(), let text = error.pointee.message else {
      return GitError(code: code, message: "libgit2 call failed with code \(code)")
    }
    return GitError(code: code, errorClass: error.pointee.klass, message: String(cString: text))
  }

  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .joined(separator: " ")
  }
}

/// Turns a libgit2 return code into a thrown `GitError`; call it right after the call it checks.
///
/// Returns the code unchanged when it is not an error, since some calls return 0/1 answers.
@discardableResult
func check(_ result: Int32) throws(GitError) -> Int32 {
  guard result < 0 else { return result }
  // Read the thread-local error at once, before any other libgit2 call can replace it.
  throw GitError.last(code: result)
}
