internal import CLibGit2
import Foundation

extension GitError {
  /// An operating-system failure outside libgit2, worded as libgit2 words its own: the message,
  /// then the system's text for `errno`.
  public init(osError errno: Int32, message: String) {
    self.init(
      code: -1, errorClass: Int32(GIT_ERROR_OS.rawValue), message: "\(message): \(String(cString: strerror(errno)))")
  }

  /// What kind of thing went wrong, as far as the person at the keyboard is concerned: each kind has
  /// its own remedy, and only `.damaged` means that `git fsck` would find something wrong.
  public enum Kind: Equatable, Sendable {
    /// A lock file (`index.lock`, `refs/heads/main.lock`…) is held by another process, or was left by
    /// one that stopped.
    case locked(lockFile: String?)
    /// The file system holding the repository is mounted read-only.
    case readOnly(path: String?)
    /// The operating system refused access to a file or folder.
    case permissionDenied(path: String?)
    /// No space (or quota) left on the device.
    case diskFull
    /// libgit2 refused a name or e-mail as a commit or tag signature.
    case invalidSignature
    /// The repository belongs to another user, so libgit2 will not open it.
    case otherOwner(path: String?)
    /// Something already exists where it was to be created: another process got there first.
    case exists
    /// An object, reference or path does not exist.
    case notFound
    /// Objects, references or the index cannot be read as git wrote them.
    case damaged
    /// Anything else.
    case other
  }

  /// The kind of this failure, from libgit2's error code and class and, for operating-system
  /// failures, the `strerror` text libgit2 appends to its message.
  public var kind: Kind {
    let quoted = GitError.quotedPaths(in: message)
    if code == GIT_EOWNER.rawValue { return .otherOwner(path: quoted.first) }
    // An OS error's cause is in its message; check it before the code, which is often a plain -1.
    if mentions(EROFS) { return .readOnly(path: quoted.first) }
    if mentions(ENOSPC) || mentions(EDQUOT) || mentions(EFBIG) { return .diskFull }
    if mentions(EACCES) || mentions(EPERM) { return .permissionDenied(path: quoted.first) }
    // libgit2 names every lock file but the index's ("the index is locked; …").
    let lockFile = quoted.first { $0.hasSuffix(".lock") } ?? (message.contains("index is locked") ? ".git/index.lock" : nil)
    if isLocked || (lockFile != nil && (mentions(EEXIST) || message.contains("failed to lock"))) {
      return .locked(lockFile: lockFile)
    }
    if isClass(GIT_ERROR_INVALID), message.localizedCaseInsensitiveContains("signature") {
      return .invalidSignature
    }
    if message.localizedCaseInsensitiveContains("corrupt") { return .damaged }
    if isClass(GIT_ERROR_ZLIB) { return .damaged }
    if !isExists, [GIT_ERROR_ODB, GIT_ERROR_OBJECT, GIT_ERROR_TREE, GIT_ERROR_INDEX].contains(where: isClass) {
      // amend only asks for objects the record names: one that is missing or unreadable is damage.
      return .damaged
    }
    if isExists { return .exists }
    if isNotFound { return .notFound }
    return .other
  }

  /// One line saying what happened and what to do about it.
  public var explanation: String {
    switch kind {
    case .locked(let lockFile):
      let file = lockFile ?? "a '.lock' file in the .git folder"
      return
        "\(file) is held by another git or amend process, or was left by one that stopped: wait for it to finish, or if none is running, "
        + "delete \(file) and run the command again"
    case .readOnly(let path):
      return
        "cannot write in \(path.map { GitError.folder(of: $0) } ?? "the repository"): the file system is read-only; run the command "
        + "where the repository can be written"
    case .permissionDenied(let path):
      return
        "permission denied in \(path.map { GitError.folder(of: $0) } ?? "the repository"): run the command as a user who may write the "
        + "repository, or ask its owner to fix the permissions"
    case .diskFull:
      return "the disk is full (\(message)): free some space and run the command again"
    case .invalidSignature:
      return
        "git refused a name or e-mail (\(message)): names and e-mails may not be empty or contain '<', '>' or line breaks; "
        + "check --by, --chair, --committer and git config user.name and user.email"
    case .otherOwner(let path):
      let folder = path ?? "the repository"
      return
        "\(folder) belongs to another user, so git will not open it: run the command as its owner, or trust it with "
        + "'git config --global --add safe.directory \(folder)'"
    case .exists:
      return "\(plainMessage): another process made it at the same moment; run the command again"
    case .damaged:
      return "\(plainMessage); the repository may be damaged: 'git fsck' shows what is wrong"
    case .notFound, .other:
      return message
    }
  }

  /// libgit2's message without the full stop or colon it sometimes ends with, to go inside a sentence.
  var plainMessage: String {
    var text = Substring(message)
    while let last = text.last, ".: ".contains(last) { text = text.dropLast() }
    return String(text)
  }

  /// Whether libgit2 appended the operating system's text for `errno` to the message.
  private func mentions(_ errno: Int32) -> Bool {
    message.contains(String(cString: strerror(errno)))
  }

  private func isClass(_ errorClass: git_error_t) -> Bool {
    self.errorClass == Int32(errorClass.rawValue)
  }

  /// The folder a file was to be written in: libgit2 names temporary files nobody knows of.
  static func folder(of path: String) -> String {
    (path as NSString).deletingLastPathComponent
  }

  /// The paths libgit2 quotes in its messages ('/repo/.git/index.lock'), in order.
  static func quotedPaths(in message: String) -> [String] {
    message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 && $0.element.hasPrefix("/") }
      .map { String($0.element) }
  }
}
