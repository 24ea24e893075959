internal import CLibGit2
import Foundation

extension Repository {
  /// Looks up an object, peeling it to `type` (a commit id gives its tree when asking for a tree);
  /// `GIT_OBJECT_ANY` takes the object unpeeled.
  ///
  /// The caller frees the result with `git_object_free`.
  func lookupObject(_ id: ObjectID, as type: git_object_t) throws(GitError) -> OpaquePointer {
    var oid = id.oid
    var object: OpaquePointer?
    try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY))
    if type == GIT_OBJECT_ANY, let object {
      // Peeling to ANY would turn a commit into its tree: take the object as it is.
      return object
    }
    defer { git_object_free(object) }
    var peeled: OpaquePointer?
    try check(git_object_peel(&peeled, object, type))
    guard let peeled else {
      throw GitError(code: -1, message: "libgit2 returned no object for \(id)")
    }
    return peeled
  }

  /// The id of the root tree of commit `id`.
  public func treeID(ofCommit id: ObjectID) throws(GitError) -> ObjectID {
    let commit = try lookupObject(id, as: GIT_OBJECT_COMMIT)
    defer { git_object_free(commit) }
    guard let tree = ObjectID(git_commit_tree_id(commit)) else {
      throw GitError(code: -1, message: "commit \(id) has no tree")
    }
    return tree
  }

  /// The bytes of the file at `path` in commit (or tree) `id`; nil when there is no file there.
  public func fileContent(at path: String, inCommit id: ObjectID) throws(GitError) -> Data? {
    guard let entry = try entryID(at: path, in: id), entry.kind == .blob else { return nil }
    return try blobContent(entry.id)
  }

  /// The id of the blob at `path` in commit (or tree) `id`; nil when there is no file there. Lets a
  /// caller that caches by content skip reading bytes it already has.
  public func blobID(at path: String, inCommit id: ObjectID) throws(GitError) -> ObjectID? {
    guard let entry = try entryID(at: path, in: id), entry.kind == .blob else { return nil }
    return entry.id
  }

  /// The bytes of blob `id`.
  public func blobContent(_ id: ObjectID) throws(GitError) -> Data {
    let blob = try lookupObject(id, as: GIT_OBJECT_BLOB)
    defer { git_object_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
    return Data(bytes: bytes, count: size)
  }

  /// The direct entries of folder `path` ("" for the root) in commit (or tree) `id`, in git's
  /// order; empty when the folder does not exist.
  public func listTree(
    ofCommit id: ObjectID, under path: String = ""
  ) throws(GitError)
    -> [TreeEntry]
  {
    let folder = Repository.normalized(path)
    var treeID = try treeID(ofCommitOrTree: id)
    if !folder.isEmpty {
      guard let entry = try entryID(at: folder, in: id), entry.kind == .tree else { return [] }
      treeID = entry.id
    }
    let tree = try lookupObject(treeID, as: GIT_OBJECT_TREE)
    defer { git_object_free(tree) }
    var entries: [TreeEntry] = []
    for index in 0..<git_tree_entrycount(tree) {
      guard let entry = git_tree_entry_byindex(tree, index) else { continue }
      let name = String(cString: git_tree_entry_name(entry))
      guard let entryID = ObjectID(git_tree_entry_id(entry)) else { continue }
      entries.append(
        TreeEntry(
          name: name, path: folder.isEmpty ? name : folder + "/" + name, id: entryID,
          kind: Repository.kind(git_tree_entry_type(entry)),
          mode: UInt32(git_tree_entry_filemode_raw(entry).rawValue)))
    }
    return entries
  }

  /// Stores `data` as a blob and returns its id.
  public func writeBlob(_ data: Data) throws(GitError) -> ObjectID {
    try reach(.blob)
    var oid = git_oid()
    let result = Repository.withBytes(data) { bytes, count in
      git_blob_create_from_buffer(&oid, pointer, bytes, count)
    }
    try check(result)
    return ObjectID(oid)
  }

  /// The id `data` would have as a blob, without storing it.
  public func hashBlob(_ data: Data) throws(GitError) -> ObjectID {
    var oid = git_oid()
    let result = Repository.withBytes(data) { bytes, count in
      git_odb_hash(&oid, bytes, count, GIT_OBJECT_BLOB)
    }
    try check(result)
    return ObjectID(oid)
  }

  /// Writes a tree that is `base` (a tree or commit id; nil for the empty tree) with `changes`
  /// applied, creating and pruning nested folders; never touches the index or working tree.
  ///
  /// When several changes name the same path the last one wins.
  public func writeTree(base: ObjectID?, changes: [TreeChange]) throws(GitError) -> ObjectID {
    try reach(.tree)
    let baseTree = try lookupTree(base)
    defer { git_object_free(baseTree) }
    var latest: [String: TreeChange] = [:]
    for change in changes {
      let path = Repository.normalized(change.path)
      guard !path.isEmpty else {
        throw GitError(
          code: GIT_EINVALIDSPEC.rawValue, message: "tree change with an empty path")
      }
      latest[path] = change
    }
    var updates: [(path: String, update: git_tree_update)] = []
    for (path, change) in latest.sorted(by: { $0.key < $1.key }) {
      var update = git_tree_update()
      switch change {
      case .upsert(_, let blob):
        update.action = GIT_TREE_UPDATE_UPSERT
        update.id = blob.oid
        update.filemode = GIT_FILEMODE_BLOB
      case .remove:
        // libgit2 fails on removing what is not there; callers mean "make sure it is gone".
        guard let baseTree, try Repository.treeHasEntry(baseTree, at: path) else { continue }
        update.action = GIT_TREE_UPDATE_REMOVE
      }
      updates.append((path, update))
    }
    var oid = git_oid()
    let result = withStrArray(updates.map(\.path)) { paths in
      var raw = updates.map(\.update)
      for index in raw.indices { raw[index].path = UnsafePointer(paths.pointee.strings[index]) }
      return git_tree_create_updated(&oid, pointer, baseTree, raw.count, raw)
    }
    try check(result)
    return ObjectID(oid)
  }

  /// The tree of a tree or commit id; nil stays nil. The caller frees it with `git_object_free`.
  func lookupTree(_ id: ObjectID?) throws(GitError) -> OpaquePointer? {
    guard let id else { return nil }
    return try lookupObject(id, as: GIT_OBJECT_TREE)
  }

  /// The id and kind of the entry at `path` in commit (or tree) `id`; nil when absent.
  func entryID(
    at path: String, in id: ObjectID
  ) throws(GitError) -> (
    id: ObjectID, kind: TreeEntryKind
  )? {
    let relative = Repository.normalized(path)
    let tree = try lookupObject(id, as: GIT_OBJECT_TREE)
    defer { git_object_free(tree) }
    if relative.isEmpty {
      guard let treeID = ObjectID(git_tree_id(tree)) else { return nil }
      return (treeID, .tree)
    }
    return try Repository.entry(in: tree, at: relative)
  }

  /// The id and kind of the entry at `path` below an already looked-up tree; nil when absent.
  static func entry(
    in tree: OpaquePointer, at path: String
  ) throws(GitError)
    -> (id: ObjectID, kind: TreeEntryKind)?
  {
    var entry: OpaquePointer?
    let result = git_tree_entry_bypath(&entry, tree, path)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result)
    defer { git_tree_entry_free(entry) }
    guard let id = ObjectID(git_tree_entry_id(entry)) else { return nil }
    return (id, kind(git_tree_entry_type(entry)))
  }

  private static func treeHasEntry(_ tree: OpaquePointer, at path: String) throws(GitError) -> Bool {
    try entry(in: tree, at: path) != nil
  }

  private func treeID(ofCommitOrTree id: ObjectID) throws(GitError) -> ObjectID {
    let tree = try lookupObject(id, as: GIT_OBJECT_TREE)
    defer { git_object_free(tree) }
    guard let treeID = ObjectID(git_tree_id(tree)) else {
      throw GitError(code: -1, message: "object \(id) has no tree")
    }
    return treeID
  }

  /// Strips the leading and trailing "/" callers may write.
  static func normalized(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
    while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }

  static func kind(_ type: git_object_t) -> TreeEntryKind {
    switch type {
    case GIT_OBJECT_BLOB: .blob
    case GIT_OBJECT_TREE: .tree
    case GIT_OBJECT_COMMIT: .commit
    default: .other
    }
  }

  /// Passes `data`'s bytes, with a valid pointer even when empty (libgit2 rejects NULL buffers).
  private static func withBytes<Result>(
    _ data: Data, _ body: (UnsafeRawPointer, Int) -> Result
  ) -> Result {
    if data.isEmpty {
      var zero: UInt8 = 0
      return withUnsafePointer(to: &zero) { body(UnsafeRawPointer($0), 0) }
    }
    return data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else {
        var zero: UInt8 = 0
        return withUnsafePointer(to: &zero) { body(UnsafeRawPointer($0), 0) }
      }
      return body(base, buffer.count)
    }
  }
}
