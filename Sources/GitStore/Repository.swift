internal import CLibGit2
import Foundation

/// An open git repository; every read and write of `amend` goes through it.
///
/// Not `Sendable`: a libgit2 repository handle must be used by one thread at a time, so each
/// thread or task opens its own instance.
public final class Repository {
  /// The owned `git_repository *`, freed in `deinit`.
  let pointer: OpaquePointer

  private init(pointer: OpaquePointer) {
    self.pointer = pointer
  }

  deinit {
    git_repository_free(pointer)
  }

  /// Opens the repository containing `path`, searching parent folders like `git` does.
  public static func open(at path: String) throws(GitError) -> Repository {
    LibGit2.ensureInitialized()
    guard FileManager.default.fileExists(atPath: path) else {
      throw GitError(
        code: GIT_ENOTFOUND.rawValue, errorClass: Int32(GIT_ERROR_OS.rawValue),
        message: "no such file or directory: \(path)")
    }
    var handle: OpaquePointer?
    let result = git_repository_open_ext(&handle, path, 0, nil)
    if result == GIT_ENOTFOUND.rawValue {
      throw GitError(
        code: result, errorClass: Int32(GIT_ERROR_REPOSITORY.rawValue),
        message: "not a git repository (or any parent): \(path)")
    }
    try check(result)
    return try wrap(handle)
  }

  /// Opens the repository at exactly `path` (its working tree or its `.git` folder, or a bare
  /// repository's folder), without searching parent folders.
  public static func open(exactly path: String) throws(GitError) -> Repository {
    LibGit2.ensureInitialized()
    var handle: OpaquePointer?
    try check(git_repository_open_ext(&handle, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil))
    return try wrap(handle)
  }

  /// Takes ownership of a handle libgit2 returned (from a clone).
  static func adopt(_ handle: OpaquePointer?) throws(GitError) -> Repository {
    try wrap(handle)
  }

  /// Creates a repository at `path` (making folders as needed) whose HEAD is the unborn
  /// `initialBranch`; reopens an existing one at exactly that place.
  public static func create(
    at path: String, bare: Bool = false, initialBranch: String = "main"
  ) throws(GitError) -> Repository {
    LibGit2.ensureInitialized()
    var options = git_repository_init_options()
    try check(
      git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)))
    options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
    if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
    var handle: OpaquePointer?
    let result = initialBranch.withCString { branch in
      options.initial_head = branch
      return git_repository_init_ext(&handle, path, &options)
    }
    try check(result)
    return try wrap(handle)
  }

  /// Opens the repository containing `path`, or creates a non-bare one at `path` when there is none.
  public static func openOrCreate(at path: String) throws(GitError) -> Repository {
    do {
      return try open(at: path)
    } catch  where error.isNotFound {
      return try create(at: path)
    }
  }

  private static func wrap(_ handle: OpaquePointer?) throws(GitError) -> Repository {
    guard let handle else {
      throw GitError(code: -1, message: "libgit2 returned no repository handle")
    }
    return Repository(pointer: handle)
  }

  /// The working tree's folder without a trailing "/"; nil for a bare repository.
  public var workingDirectory: String? {
    git_repository_workdir(pointer).map { Repository.trimmed(String(cString: $0)) }
  }

  /// The `.git` folder (or the bare repository's folder) without a trailing "/".
  public var gitDirectory: String {
    Repository.trimmed(String(cString: git_repository_path(pointer)))
  }

  /// Whether the repository has no working tree.
  public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

  /// Whether HEAD names a branch that has no commit yet.
  public func isHeadUnborn() throws(GitError) -> Bool {
    try check(git_repository_head_unborn(pointer)) == 1
  }

  /// The full name of the branch HEAD names ("refs/heads/main"), even when unborn; nil when detached.
  public func headBranch() throws(GitError) -> String? {
    var head: OpaquePointer?
    try check(git_reference_lookup(&head, pointer, "HEAD"))
    defer { git_reference_free(head) }
    guard let target = git_reference_symbolic_target(head) else { return nil }
    return String(cString: target)
  }

  /// The commit HEAD resolves to; nil when HEAD's branch is unborn.
  public func headCommitID() throws(GitError) -> ObjectID? {
    var head: OpaquePointer?
    let result = git_repository_head(&head, pointer)
    if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result)
    defer { git_reference_free(head) }
    return ObjectID(git_reference_target(head))
  }

  private static func trimmed(_ path: String) -> String {
    path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }
}
