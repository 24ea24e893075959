internal import CLibGit2
import Foundation

extension Repository {
  /// The remotes configured in the repository, in the order git lists them.
  public func remotes() throws(GitError) -> [Remote] {
    var names = git_strarray()
    try check(git_remote_list(&names, pointer))
    defer { git_strarray_dispose(&names) }
    var result: [Remote] = []
    for index in 0..<names.count {
      guard let raw = names.strings[index] else { continue }
      if let remote = try remote(named: String(cString: raw)) { result.append(remote) }
    }
    return result
  }

  /// The remote called `name`; nil when there is none.
  public func remote(named name: String) throws(GitError) -> Remote? {
    var remote: OpaquePointer?
    let result = git_remote_lookup(&remote, pointer, name)
    if result == GIT_ENOTFOUND.rawValue || result == GIT_EINVALIDSPEC.rawValue { return nil }
    try check(result)
    defer { git_remote_free(remote) }
    let url = git_remote_url(remote).map { String(cString: $0) } ?? ""
    let push = git_remote_pushurl(remote).map { String(cString: $0) }
    return Remote(name: name, url: url, pushURL: push)
  }

  /// The remote and remote branch `branch` ("main" or "refs/heads/main") follows
  /// (`branch.NAME.remote` and `branch.NAME.merge`); nil when it follows none.
  public func upstream(of branch: String) throws(GitError) -> (remote: String, branch: String)? {
    let short = Repository.branchReference(branch).replacingOccurrences(of: "refs/heads/", with: "")
    guard let remote = try configString("branch.\(short).remote") else { return nil }
    let merge = try configString("branch.\(short).merge") ?? "refs/heads/" + short
    return (remote, merge)
  }

  /// Connects to `remote` (looked up by name) in `direction`, lists what it advertises, and runs `body`
  /// with the connected handle; disconnects and frees afterwards.
  func withConnectedRemote<Result>(
    _ name: String, push: Bool, session: RemoteSession,
    _ body: (OpaquePointer, [(name: String, id: ObjectID)]) throws(GitError) -> Result
  ) throws(GitError) -> Result {
    LibGit2.ensureInitialized()
    var remote: OpaquePointer?
    try check(git_remote_lookup(&remote, pointer, name))
    defer { git_remote_free(remote) }
    guard let remote else { throw GitError(code: -1, message: "libgit2 returned no remote for \(name)") }
    var options = git_remote_connect_options()
    try check(git_remote_connect_options_init(&options, UInt32(GIT_REMOTE_CONNECT_OPTIONS_VERSION)))
    session.install(in: &options.callbacks)
    try check(git_remote_connect_ext(remote, push ? GIT_DIRECTION_PUSH : GIT_DIRECTION_FETCH, &options))
    defer { git_remote_disconnect(remote) }
    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    try check(git_remote_ls(&heads, &count, remote))
    var advertised: [(name: String, id: ObjectID)] = []
    for index in 0..<count {
      guard let head = heads?[index], let raw = head.pointee.name else { continue }
      let refName = String(cString: raw)
      // Peeled tag entries ("refs/tags/x^{}") repeat a tag's target.
      if refName.hasSuffix("^{}") { continue }
      var oid = head.pointee.oid
      guard git_oid_is_zero(&oid) == 0 else { continue }
      advertised.append((refName, ObjectID(oid)))
    }
    return try body(remote, advertised)
  }

  /// The callbacks every network operation uses: credentials and push results through `session`.
  static func callbacks(_ session: RemoteSession) throws(GitError) -> git_remote_callbacks {
    var callbacks = git_remote_callbacks()
    try check(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)))
    session.install(in: &callbacks)
    return callbacks
  }
}
