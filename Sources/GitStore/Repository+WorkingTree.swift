internal import CLibGit2
import Foundation

/// Refused because a file amend did not write stands where it would write one; nothing was written.
public struct WorkingTreeRefusal: Error, CustomStringConvertible, Equatable, Sendable {
  /// The path in the way, relative to the working tree.
  public let path: String
  /// One line: what is in the way and what to do.
  public let message: String
  public var description: String { message }
}

extension Repository {
  /// Brings the working-tree and index copies of exactly `paths` up to date with `commit`: files
  /// it has are written, files it lacks are removed, whatever stands there. Every other file, and
  /// every uncommitted edit elsewhere, is left alone. Does nothing in a bare repository.
  ///
  /// Works under `.git/index.lock`, waiting while another writer holds it.
  public func updateWorkingTree(paths: [String], to commit: ObjectID) throws(GitError) {
    guard !isBare, workingDirectory != nil else { return }
    let files = Repository.cleaned(paths)
    guard !files.isEmpty else { return }
    let lock = try IndexLock.acquire(
      gitDirectory: gitDirectory, journal: IndexJournal(branch: "", paths: files))
    try finish(lock.inherited)
    try synchronise(files, to: commit, force: true)
    lock.release()
  }

  /// Finishes what killed writers left in their journals, if one left `.git/index.lock` behind; does not
  /// wait for a lock that is still held. Cheap when there is no lock.
  public func finishInterruptedUpdate() throws(GitError) {
    guard !isBare, workingDirectory != nil,
      FileManager.default.fileExists(atPath: gitDirectory + "/index.lock")
    else { return }
    let lock: IndexLock
    do {
      lock = try IndexLock.acquire(
        gitDirectory: gitDirectory, journal: IndexJournal(branch: "", paths: []), waiting: false)
    } catch  where error.isLocked {
      return
    }
    try finish(lock.inherited)
    lock.release()
  }

  /// Finishes killed writers' journals: tags their branch now holds, and their paths made to agree with
  /// the branch tip. Call with the index lock held.
  func finish(_ journals: [IndexJournal]) throws(GitError) {
    for journal in journals where !journal.branch.isEmpty {
      let tip = try referenceTarget(journal.branch)
      try pointTags(journal.tags, reachableFrom: tip)
      try synchronise(journal.paths, to: tip, force: false)
    }
  }

  /// Creates each missing tag reference whose tag object marks `tip` or a commit before it.
  func pointTags(_ tags: [String: ObjectID], reachableFrom tip: ObjectID?) throws(GitError) {
    guard let tip else { return }
    for (name, object) in tags.sorted(by: { $0.key < $1.key }) where try tagTarget(name) == nil {
      guard let target = try? peeledCommit(of: object), try contains(target, from: tip) else { continue }
      try reach(.tag)
      var oid = object.oid
      var reference: OpaquePointer?
      let result = git_reference_create(&reference, pointer, "refs/tags/" + name, &oid, 0, "amend: tag \(name)")
      git_reference_free(reference)
      if result == GIT_EEXISTS.rawValue { continue }
      try check(result)
    }
  }

  /// Refuses when something amend did not write stands at one of `paths` where `commit` would put
  /// (or remove) a file: an untracked or locally modified file, a folder, a symbolic link. A file with
  /// exactly the bytes to be written is not in the way. Call with the index lock held.
  func checkNothingInTheWay(of paths: [String], for commit: ObjectID) throws {
    guard let root = workingDirectory else { return }
    let tree = try lookupObject(commit, as: GIT_OBJECT_TREE)
    defer { git_object_free(tree) }
    let indexed = try indexEntries(for: paths)
    for path in paths {
      var folder = (path as NSString).deletingLastPathComponent
      while !folder.isEmpty {
        if case let found = WorkingFile(at: root + "/" + folder), found != .absent, found != .folder {
          throw WorkingTreeRefusal(
            path: folder,
            message:
              "\(folder) is in the way: amend would record \(path) inside a folder of that name; move \(folder) elsewhere and run the command again")
        }
        folder = (folder as NSString).deletingLastPathComponent
      }
      let wanted = try Repository.entry(in: tree, at: path)?.id
      switch WorkingFile(at: root + "/" + path) {
      case .absent: continue
      case .file:
        let bytes = FileManager.default.contents(atPath: root + "/" + path) ?? Data()
        let hash = try hashBlob(bytes)
        if hash == wanted || (indexed[path] != nil && hash == indexed[path]) { continue }
        let what = indexed[path] == nil ? "an untracked file" : "a file with local changes"
        throw WorkingTreeRefusal(
          path: path,
          message:
            "\(path) is in the way: \(what) stands where amend would record \(wanted == nil ? "a removal" : "a file"); move it elsewhere "
            + "(or delete it) and run the command again"
        )
      case .folder, .other:
        throw WorkingTreeRefusal(
          path: path,
          message:
            "\(path) is in the way: a folder or link stands where amend would record a file; move it elsewhere and run the command again")
      }
    }
  }

  /// Makes the index entries and working-tree files of `paths` agree with `commit` (nil: the paths are
  /// removed). Without `force`, a file amend did not write is left as it is (its index entry still
  /// follows the commit). Call with the index lock held: the index is read, changed and renamed into
  /// place while no one else can write it.
  func synchronise(_ paths: [String], to commit: ObjectID?, force: Bool) throws(GitError) {
    guard let root = workingDirectory, !paths.isEmpty else { return }
    let tree = try commit.map { (commit) throws(GitError) in try lookupObject(commit, as: GIT_OBJECT_TREE) }
    defer { git_object_free(tree) }
    let scratch = try scratchPath("index")
    let indexPath = gitDirectory + "/index"
    if FileManager.default.fileExists(atPath: indexPath) {
      do {
        try FileManager.default.copyItem(atPath: indexPath, toPath: scratch)
      } catch {
        throw GitError(code: -1, errorClass: 2, message: "could not copy the index: \(error.localizedDescription)")
      }
    }
    defer { unlink(scratch) }
    var index: OpaquePointer?
    try check(git_index_open(&index, scratch))
    defer { git_index_free(index) }
    for path in paths {
      let location = root + "/" + path
      let wanted = try tree.flatMap { (tree) throws(GitError) in try Repository.entry(in: tree, at: path) }
      let indexed = git_index_get_bypath(index, path, 0).flatMap { ObjectID($0.pointee.id) }
      let onDisk = WorkingFile(at: location)
      let hash: ObjectID? =
        onDisk == .file ? try hashBlob(FileManager.default.contents(atPath: location) ?? Data()) : nil
      // A file amend may replace: absent, already right, or as the index last recorded it.
      let mine = force || onDisk == .absent || (onDisk == .file && (hash == wanted?.id || hash == indexed))
      if let wanted, wanted.kind == .blob {
        if mine && hash != wanted.id {
          try writeFile(try blobContent(wanted.id), to: location, root: root)
        }
        var entry = git_index_entry()
        entry.mode = 0o100644
        entry.id = wanted.id.oid
        if WorkingFile(at: location) == .file, hash == wanted.id || mine {
          Repository.copyStat(of: location, into: &entry)
        }
        let result = path.withCString { (raw) -> Int32 in
          entry.path = raw
          return git_index_add(index, &entry)
        }
        try check(result)
      } else {
        if indexed != nil { try check(git_index_remove(index, path, 0)) }
        if mine && onDisk == .file {
          try reach(.workingTreeFile)
          unlink(location)
        }
      }
    }
    try reach(.index)
    try check(git_index_write(index))
    guard rename(scratch, indexPath) == 0 else {
      throw GitError(
        code: -1, errorClass: 2, message: "could not replace \(indexPath): \(String(cString: strerror(errno)))")
    }
  }

  /// The index's blob ids for `paths` (absent paths left out).
  func indexEntries(for paths: [String]) throws(GitError) -> [String: ObjectID] {
    let indexPath = gitDirectory + "/index"
    guard FileManager.default.fileExists(atPath: indexPath) else { return [:] }
    var index: OpaquePointer?
    try check(git_index_open(&index, indexPath))
    defer { git_index_free(index) }
    var result: [String: ObjectID] = [:]
    for path in paths {
      if let entry = git_index_get_bypath(index, path, 0) { result[path] = ObjectID(entry.pointee.id) }
    }
    return result
  }

  /// Writes `data` to `location` whole or not at all: into a scratch file, then renamed into place.
  private func writeFile(_ data: Data, to location: String, root: String) throws(GitError) {
    try reach(.workingTreeFile)
    let scratch = try scratchPath("file")
    do {
      try FileManager.default.createDirectory(
        atPath: (location as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try data.write(to: URL(fileURLWithPath: scratch))
    } catch {
      unlink(scratch)
      throw GitError(code: -1, errorClass: 2, message: "could not write \(location): \(error.localizedDescription)")
    }
    chmod(scratch, 0o644 & ~Repository.umask)
    guard rename(scratch, location) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(scratch)
      throw GitError(code: -1, errorClass: 2, message: "could not write \(location): \(reason)")
    }
  }

  /// A fresh file name in `.git/amend` for this process.
  private func scratchPath(_ kind: String) throws(GitError) -> String {
    let folder = gitDirectory + "/amend"
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw GitError(code: -1, errorClass: 2, message: "could not create \(folder): \(error.localizedDescription)")
    }
    return folder + "/\(kind)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
  }

  private static let umask: mode_t = {
    let mask = Foundation.umask(0o022)
    _ = Foundation.umask(mask)
    return mask
  }()

  /// Fills an index entry's stat fields from the file, so git sees it unchanged without hashing it.
  private static func copyStat(of location: String, into entry: inout git_index_entry) {
    var info = stat()
    guard lstat(location, &info) == 0 else { return }
    #if os(Linux)
      entry.ctime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_ctim.tv_sec), nanoseconds: UInt32(info.st_ctim.tv_nsec))
      entry.mtime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_mtim.tv_sec), nanoseconds: UInt32(info.st_mtim.tv_nsec))
    #else
      entry.ctime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_ctimespec.tv_sec), nanoseconds: UInt32(info.st_ctimespec.tv_nsec))
      entry.mtime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_mtimespec.tv_sec), nanoseconds: UInt32(info.st_mtimespec.tv_nsec))
    #endif
    entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
    entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
    entry.uid = UInt32(truncatingIfNeeded: info.st_uid)
    entry.gid = UInt32(truncatingIfNeeded: info.st_gid)
    entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
  }

  static func cleaned(_ paths: [String]) -> [String] {
    Array(Set(paths.map(Repository.normalized).filter { !$0.isEmpty })).sorted()
  }
}

/// What stands at a path in the working tree, symbolic links not followed.
enum WorkingFile: Equatable {
  case absent, file, folder, other

  init(at location: String) {
    var info = stat()
    guard lstat(location, &info) == 0 else {
      self = .absent
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: self = .file
    case S_IFDIR: self = .folder
    default: self = .other
    }
  }
}
