internal import CLibGit2

extension Repository {
  /// Creates the annotated tag `name` (without "refs/tags/") on `target`; fails with `isExists`
  /// when the tag already exists. Returns the id of the tag object.
  public func createTag(
    _ name: String, target: ObjectID, tagger: Signature, message: String
  )
    throws(GitError) -> ObjectID
  {
    try reach(.tag)
    let object = try lookupObject(target, as: GIT_OBJECT_ANY)
    defer { git_object_free(object) }
    var oid = git_oid()
    try tagger.withGitSignature { (signature) throws(GitError) in
      try check(git_tag_create(&oid, pointer, name, object, signature, message, 0))
    }
    return ObjectID(oid)
  }

  /// Writes the annotated tag object `name` for `target` without creating the tag reference, so that
  /// the reference can follow the branch (`BranchUpdate.tags`). Returns the tag object's id.
  public func createTagObject(
    _ name: String, target: ObjectID, tagger: Signature, message: String
  )
    throws(GitError) -> ObjectID
  {
    try reach(.tag)
    let object = try lookupObject(target, as: GIT_OBJECT_ANY)
    defer { git_object_free(object) }
    var oid = git_oid()
    try tagger.withGitSignature { (signature) throws(GitError) in
      try check(git_tag_annotation_create(&oid, pointer, name, object, signature, message))
    }
    return ObjectID(oid)
  }

  /// The commit a tag object (or commit) finally names.
  func peeledCommit(of object: ObjectID) throws(GitError) -> ObjectID {
    let commit = try lookupObject(object, as: GIT_OBJECT_COMMIT)
    defer { git_object_free(commit) }
    guard let id = ObjectID(git_object_id(commit)) else {
      throw GitError(code: -1, message: "libgit2 returned no id for \(object)")
    }
    return id
  }

  /// Whether `commit` is `tip` or one of the commits before it.
  public func contains(_ commit: ObjectID, from tip: ObjectID) throws(GitError) -> Bool {
    if commit == tip { return true }
    var descendant = tip.oid
    var ancestor = commit.oid
    return try check(git_graph_descendant_of(pointer, &descendant, &ancestor)) == 1
  }

  /// All tags by name (without "refs/tags/"), sorted, each peeled to the commit it marks.
  public func tags() throws(GitError) -> [(name: String, target: ObjectID)] {
    var names = git_strarray()
    try check(git_tag_list(&names, pointer))
    defer { git_strarray_dispose(&names) }
    var result: [(name: String, target: ObjectID)] = []
    for index in 0..<names.count {
      guard let raw = names.strings[index] else { continue }
      let name = String(cString: raw)
      if let target = try tagTarget(name) { result.append((name, target)) }
    }
    return result.sorted { $0.name < $1.name }
  }

  /// The commit tag `name` (without "refs/tags/") marks — or the object, when it does not mark a
  /// commit; nil when there is no such tag.
  public func tagTarget(_ name: String) throws(GitError) -> ObjectID? {
    var reference: OpaquePointer?
    let result = git_reference_lookup(&reference, pointer, "refs/tags/" + name)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result)
    defer { git_reference_free(reference) }
    var peeled: OpaquePointer?
    var peel = git_reference_peel(&peeled, reference, GIT_OBJECT_COMMIT)
    if peel == GIT_EPEEL.rawValue || peel == GIT_EINVALIDSPEC.rawValue {
      // A tag on a tree or blob: report the object it finally names.
      peel = git_reference_peel(&peeled, reference, GIT_OBJECT_ANY)
    }
    try check(peel)
    defer { git_object_free(peeled) }
    return ObjectID(git_object_id(peeled))
  }
}
