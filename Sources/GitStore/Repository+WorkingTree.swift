import Foundation
internal import CLibGit2

extension Repository {
  /// Brings the working-tree and index copies of exactly `paths` up to date with `commit`: files
  /// it has are written, files it lacks are removed. Every other file, and every uncommitted edit
  /// elsewhere, is left alone. Does nothing in a bare repository.
  ///
  /// While another process holds the index lock, retries a few times with a short backoff.
  public func updateWorkingTree(paths: [String], to commit: ObjectID) throws(GitError) {
    guard !isBare, let root = workingDirectory else { return }
    let files = Array(Set(paths.map(Repository.normalized).filter { !$0.isEmpty })).sorted()
    guard !files.isEmpty else { return }
    let tree = try lookupObject(commit, as: GIT_OBJECT_TREE)
    defer { git_object_free(tree) }
    var options = git_checkout_options()
    try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)))
    // FORCE: the named paths take the commit's content whatever the working tree holds;
    // RECREATE_MISSING: files deleted by hand come back; DISABLE_PATHSPEC_MATCH: literal paths.
    options.checkout_strategy =
      GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_RECREATE_MISSING.rawValue
      | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue
    let attempts = 8
    for attempt in 0..<attempts {
      let result = withStrArray(files) { pathspec in
        options.paths = pathspec.pointee
        return git_checkout_tree(pointer, tree, &options)
      }
      if result == GIT_ELOCKED.rawValue && attempt + 1 < attempts {
        Repository.backoff(attempt: attempt * 4)
        continue
      }
      try check(result)
      break
    }
    // Checkout removes only files the index tracks; a named path the commit lacks must go too.
    for file in files where try Repository.entry(in: tree, at: file) == nil {
      let location = root + "/" + file
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: location, isDirectory: &isFolder),
        !isFolder.boolValue
      else { continue }
      do {
        try FileManager.default.removeItem(atPath: location)
      } catch {
        throw GitError(
          code: -1, errorClass: Int32(GIT_ERROR_OS.rawValue),
          message: "could not remove \(location): \(error.localizedDescription)")
      }
    }
  }
}
