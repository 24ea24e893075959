internal import CLibGit2

extension Repository {
  /// The value of configuration `key` (e.g. "user.name") from the repository's configuration and
  /// the user's global one; nil when unset.
  public func configString(_ key: String) throws(GitError) -> String? {
    var config: OpaquePointer?
    // A snapshot: libgit2 only hands out string values from read-only snapshots.
    try check(git_repository_config_snapshot(&config, pointer))
    defer { git_config_free(config) }
    var buffer = git_buf()
    let result = git_config_get_string_buf(&buffer, config, key)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result)
    return takeString(&buffer)
  }
}
