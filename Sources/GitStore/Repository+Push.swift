internal import CLibGit2
import Foundation

/// How a push ended when it did not fail outright.
public enum PushOutcome: Sendable, Equatable {
  /// The remote's branch now holds the commit.
  case pushed
  /// The remote's branch no longer held the commit the push was built on (someone pushed first):
  /// nothing was changed there; fetch, integrate and push again. `reason` is the remote's or ours.
  case remoteMoved(reason: String)
}

extension Repository {
  /// Pushes `commit` to `branch` of `remote` with a lease: only if the remote's branch still holds
  /// `expected` (nil: only if it has no such branch yet), and only as a fast-forward of it. Tags in
  /// `tags` (name → tag object) that the remote lacks are created there too; one it holds with another
  /// value is left alone.
  ///
  /// To a repository on this machine (a path or `file://`) amend writes the objects and moves the
  /// branch itself, by compare-and-swap under the remote's reference lock: libgit2's local transport
  /// overwrites the branch without comparing, which would lose a push that raced this one. Over the
  /// network (`git://`, `ssh://`, `https://`) the lease is checked against what the remote advertises
  /// just before the pack is sent, and the remote's `receive-pack` moves the branch only if it still
  /// holds that value.
  public func push(
    _ commit: ObjectID, to remote: Remote, branch: String, expecting expected: ObjectID?, tags: [String: ObjectID] = [:]
  ) throws(GitError) -> PushOutcome {
    let reference = Repository.branchReference(branch)
    let url = remote.pushURL ?? remote.url
    if Remote.isLocal(url) {
      return try pushLocally(commit, to: Remote.localPath(url), reference: reference, expecting: expected, tags: tags)
    }
    return try pushOverNetwork(commit, to: remote, reference: reference, expecting: expected, tags: tags)
  }

  private func pushLocally(
    _ commit: ObjectID, to path: String, reference: String, expecting expected: ObjectID?, tags: [String: ObjectID]
  ) throws(GitError) -> PushOutcome {
    let target = try Repository.open(exactly: path)
    if !target.isBare, try target.headBranch() == reference {
      throw GitError(
        code: GIT_EBAREREPO.rawValue, errorClass: Int32(GIT_ERROR_INVALID.rawValue),
        message: "\(path) has \(reference) checked out in a working tree, which a push would leave behind; push to a bare repository")
    }
    let current = try target.referenceTarget(reference)
    guard current == expected else {
      return .remoteMoved(reason: "\(reference) is at \(current?.short ?? "nothing"), not \(expected?.short ?? "nothing")")
    }
    if let current, !(try contains(current, from: commit)) {
      return .remoteMoved(reason: "\(commit.short) is not a fast-forward of \(current.short)")
    }
    var missingTags: [String: ObjectID] = [:]
    for (name, object) in tags where try target.referenceTarget("refs/tags/" + name) == nil { missingTags[name] = object }
    try sendPack(commit, tags: Array(missingTags.values), hiding: [current].compactMap { $0 }, to: target)
    do {
      try target.updateReference(reference, to: commit, expecting: expected, message: "amend sync: push")
    } catch  where error.isContention {
      return .remoteMoved(reason: error.message)
    }
    for (name, object) in missingTags.sorted(by: { $0.key < $1.key }) {
      try reach(.tag)
      var oid = object.oid
      var created: OpaquePointer?
      let result = git_reference_create(&created, target.pointer, "refs/tags/" + name, &oid, 0, "amend sync: push")
      git_reference_free(created)
      if result == GIT_EEXISTS.rawValue { continue }
      try check(result)
    }
    return .pushed
  }

  /// Writes a pack of `commit`, its history and `tags` (less what `hiding` reaches) into `target`'s
  /// object folder, as a push would send it.
  private func sendPack(_ commit: ObjectID, tags: [ObjectID], hiding: [ObjectID], to target: Repository) throws(GitError) {
    var builder: OpaquePointer?
    try check(git_packbuilder_new(&builder, pointer))
    defer { git_packbuilder_free(builder) }
    var walk: OpaquePointer?
    try check(git_revwalk_new(&walk, pointer))
    defer { git_revwalk_free(walk) }
    var start = commit.oid
    try check(git_revwalk_push(walk, &start))
    for tag in tags {
      var oid = tag.oid
      try check(git_packbuilder_insert(builder, &oid, nil))
      let peeled = try peeledCommit(of: tag)
      var peeledOID = peeled.oid
      try check(git_revwalk_push(walk, &peeledOID))
    }
    for hidden in hiding {
      var oid = hidden.oid
      let result = git_revwalk_hide(walk, &oid)
      // A commit the remote has and this repository lacks hides nothing.
      if result == GIT_ENOTFOUND.rawValue { continue }
      try check(result)
    }
    try check(git_packbuilder_insert_walk(builder, walk))
    try reach(.blob)
    try check(git_packbuilder_write(builder, target.gitDirectory + "/objects/pack", 0, nil, nil))
  }

  private func pushOverNetwork(
    _ commit: ObjectID, to remote: Remote, reference: String, expecting expected: ObjectID?, tags: [String: ObjectID]
  ) throws(GitError) -> PushOutcome {
    let session = RemoteSession()
    session.lease = (reference, expected)
    let outcome = try withConnectedRemote(remote.name, push: true, session: session) {
      (handle, advertised) throws(GitError) -> PushOutcome in
      let current = advertised.first { $0.name == reference }?.id
      guard current == expected else {
        return .remoteMoved(reason: "\(reference) is at \(current?.short ?? "nothing"), not \(expected?.short ?? "nothing")")
      }
      let held = Set(advertised.map(\.name))
      // libgit2 pushes from a reference, not a bare commit id: a scratch one, removed afterwards (the
      // local branch moves only once the remote holds the commit).
      let scratch = "refs/amend/push-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
      var target = commit.oid
      var created: OpaquePointer?
      try check(git_reference_create(&created, pointer, scratch, &target, 1, "amend sync: push"))
      git_reference_free(created)
      defer { Repository.deleteReference(scratch, in: pointer) }
      let specs =
        ["\(scratch):\(reference)"] + tags.keys.sorted().filter { !held.contains("refs/tags/" + $0) }.map { "refs/tags/\($0):refs/tags/\($0)" }
      var options = git_push_options()
      try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)))
      options.callbacks = try Repository.callbacks(session)
      try reach(.reference)
      let result = withStrArray(specs) { array in git_remote_upload(handle, array, &options) }
      if session.leaseBroken { return .remoteMoved(reason: "the remote's \(reference) moved since it was fetched") }
      if result == GIT_ENONFASTFORWARD.rawValue { return .remoteMoved(reason: GitError.last(code: result).message) }
      try check(result)
      if let reason = session.rejected[reference] { return .remoteMoved(reason: reason) }
      return .pushed
    }
    if outcome == .pushed { session.approve(url: remote.pushURL ?? remote.url) }
    return outcome
  }

  private static func deleteReference(_ name: String, in repository: OpaquePointer) {
    var reference: OpaquePointer?
    guard git_reference_lookup(&reference, repository, name) == 0 else { return }
    git_reference_delete(reference)
    git_reference_free(reference)
  }
}
