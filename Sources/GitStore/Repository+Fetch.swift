internal import CLibGit2
import Foundation

extension Repository {
  /// Downloads what the remote `name` holds of `branch` ("main" or "refs/heads/main"), and its tags,
  /// into the object database, and says what it advertised. Changes no reference: the caller decides
  /// what to do with the commits (`updateRemoteTracking`, a merge, a fast-forward) once it has
  /// checked them, so that a refused sync leaves every reference as it was.
  public func fetch(remote name: String, branch: String) throws(GitError) -> RemoteBranchState {
    let session = RemoteSession()
    let reference = Repository.branchReference(branch)
    let state = try withConnectedRemote(name, push: false, session: session) { (remote, advertised) throws(GitError) in
      let tip = advertised.first { $0.name == reference }?.id
      var tags: [String: ObjectID] = [:]
      for entry in advertised where entry.name.hasPrefix("refs/tags/") {
        tags[String(entry.name.dropFirst("refs/tags/".count))] = entry.id
      }
      let branches = advertised.map(\.name).filter { $0.hasPrefix("refs/heads/") }.sorted()
      let wanted = (tip == nil ? [] : [reference]) + tags.keys.sorted().map { "refs/tags/" + $0 }
      if !wanted.isEmpty {
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)))
        options.callbacks = try Repository.callbacks(session)
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        options.update_fetchhead = 0
        let result = withStrArray(wanted) { specs in git_remote_download(remote, specs, &options) }
        try check(result)
      }
      return RemoteBranchState(tip: tip, tags: tags, branches: branches)
    }
    if let url = try self.remote(named: name)?.url { session.approve(url: url) }
    return state
  }

  /// Points `refs/remotes/REMOTE/BRANCH` at `commit`, as a fetch does: where the remote's branch was
  /// last seen.
  public func updateRemoteTracking(remote: String, branch: String, to commit: ObjectID) throws(GitError) {
    let short = Repository.branchReference(branch).replacingOccurrences(of: "refs/heads/", with: "")
    try reach(.reference)
    var target = commit.oid
    var reference: OpaquePointer?
    try check(
      git_reference_create(&reference, pointer, "refs/remotes/\(remote)/\(short)", &target, 1, "amend sync: fetched \(remote)"))
    git_reference_free(reference)
  }
}

extension Repository {
  /// Creates each tag of `tags` (name → tag object) that does not exist yet and marks `tip` or a
  /// commit before it; a tag that exists is left as it is.
  public func createMissingTags(_ tags: [String: ObjectID], reachableFrom tip: ObjectID) throws(GitError) {
    try pointTags(tags, reachableFrom: tip)
  }
}

extension GitError {
  /// The remote refused the credentials offered, or none could be found (`GIT_EAUTH`).
  public var isAuthentication: Bool { code == GIT_EAUTH.rawValue }
}
