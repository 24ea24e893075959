internal import CLibGit2
import Foundation

extension Repository {
  /// Adds the remote `name` fetching from `url` with git's default refspec
  /// (`+refs/heads/*:refs/remotes/NAME/*`), as `git remote add` does.
  public func addRemote(_ name: String, url: String) throws(GitError) {
    var remote: OpaquePointer?
    try check(git_remote_create(&remote, pointer, name, url))
    git_remote_free(remote)
  }

  /// Makes `branch` follow `remoteBranch` of `remote` (`branch.NAME.remote`, `branch.NAME.merge`),
  /// as `git clone` and `git push -u` do.
  public func setUpstream(of branch: String, remote: String, remoteBranch: String) throws(GitError) {
    let short = Repository.branchReference(branch).replacingOccurrences(of: "refs/heads/", with: "")
    var config: OpaquePointer?
    try check(git_repository_config(&config, pointer))
    defer { git_config_free(config) }
    try check(git_config_set_string(config, "branch.\(short).remote", remote))
    try check(git_config_set_string(config, "branch.\(short).merge", Repository.branchReference(remoteBranch)))
  }

  /// What the repository at `url` advertises, read without a local repository: whether its HEAD names a
  /// commit, and its branches (short names, sorted).
  public static func advertisedBranches(at url: String) throws(GitError) -> (headResolves: Bool, branches: [String]) {
    LibGit2.ensureInitialized()
    var remote: OpaquePointer?
    try check(git_remote_create_detached(&remote, url))
    defer { git_remote_free(remote) }
    let session = RemoteSession()
    var options = git_remote_connect_options()
    try check(git_remote_connect_options_init(&options, UInt32(GIT_REMOTE_CONNECT_OPTIONS_VERSION)))
    session.install(in: &options.callbacks)
    try check(git_remote_connect_ext(remote, GIT_DIRECTION_FETCH, &options))
    defer { git_remote_disconnect(remote) }
    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    try check(git_remote_ls(&heads, &count, remote))
    var head = false
    var branches: [String] = []
    for index in 0..<count {
      guard let entry = heads?[index], let raw = entry.pointee.name else { continue }
      let name = String(cString: raw)
      if name == "HEAD" { head = true }
      if name.hasPrefix("refs/heads/") { branches.append(String(name.dropFirst("refs/heads/".count))) }
    }
    session.approve(url: url)
    return (head, branches.sorted())
  }
}
