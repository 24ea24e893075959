import Foundation

/// What an amend writer intends while it holds `.git/index.lock`: written into the lock file itself,
/// so that when the writer is killed the lock it leaves behind says what is left to finish (a journal,
/// as SQLite keeps one). Git never reads a lock file's contents, only its existence.
struct IndexJournal: Equatable {
  static let header = "amend index lock"
  var pid: Int32
  /// The branch the writer publishes on ("refs/heads/main").
  var branch: String
  /// The paths whose index entries and working-tree files follow the branch.
  var paths: [String]
  /// Tags to point at their tag objects once the branch holds their target: name → tag object.
  var tags: [String: ObjectID]

  var text: String {
    ([Self.header, "pid \(pid)", "branch \(branch)"] + tags.sorted { $0.key < $1.key }.map { "tag \($0.key) \($0.value.hex)" }
      + paths.map { "path \($0)" }).joined(separator: "\n") + "\n"
  }

  /// Reads a lock file's contents; nil when it is not an amend journal (git's own lock, or one
  /// caught before its first line was written).
  init?(text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    guard lines.first == Self.header else { return nil }
    var pid: Int32?
    var branch: String?
    var paths: [String] = []
    var tags: [String: ObjectID] = [:]
    for line in lines.dropFirst() {
      let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { continue }
      switch parts[0] {
      case "pid": pid = Int32(parts[1])
      case "branch": branch = parts[1]
      case "path": paths.append(parts[1])
      case "tag":
        let tag = parts[1].split(separator: " ").map(String.init)
        if tag.count == 2, let object = ObjectID(hex: tag[1]) { tags[tag[0]] = object }
      default: continue
      }
    }
    guard let pid, let branch else { return nil }
    self.init(pid: pid, branch: branch, paths: paths, tags: tags)
  }

  init(pid: Int32 = getpid(), branch: String, paths: [String], tags: [String: ObjectID] = [:]) {
    self.pid = pid
    self.branch = branch
    self.paths = paths
    self.tags = tags
  }
}

/// Which lock file is there: a new holder's file is a different inode or modification time.
struct LockIdentity: Equatable {
  var inode: UInt64
  var modified: Int

  init(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      (inode, modified) = (0, 0)
      return
    }
    inode = UInt64(info.st_ino)
    #if os(Linux)
      modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
    #else
      modified = Int(info.st_mtimespec.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtimespec.tv_nsec)
    #endif
  }
}

/// `.git/index.lock`, taken the way git takes it (create-exclusive, then rename the new index into
/// place), but held by amend across moving the branch, so that a git command run meanwhile or after a
/// kill never commits from an index that lags behind the branch.
final class IndexLock {
  let path: String
  /// Journals of killed writers found in the way and taken over: their work is to be finished.
  let inherited: [IndexJournal]
  private var held = true

  /// Locks held by this process, so that a lock this process abandoned is told from a live one.
  private static let heldHere = Locked(Set<String>())

  private init(path: String, inherited: [IndexJournal]) {
    self.path = path
    self.inherited = inherited
  }

  /// How long to wait for a lock whose holder is not an amend writer (git, an editor, or nobody).
  static let foreignPatience: TimeInterval = 1.5
  /// How long to wait for another amend writer, which holds the lock for milliseconds.
  static let amendPatience: TimeInterval = 60

  /// Takes the lock for `journal`, waiting while another writer holds it and taking over a lock whose
  /// amend writer was killed. Throws `isLocked` when the lock stays held by something else.
  /// `waiting: false` gives up at once unless the lock is a killed writer's.
  static func acquire(
    gitDirectory: String, journal: IndexJournal, waiting: Bool = true
  ) throws(GitError)
    -> IndexLock
  {
    let path = gitDirectory + "/index.lock"
    try reach(.indexLock)
    var inherited: [IndexJournal] = []
    // Patience runs per holder: a queue of amend writers passing the lock on is not a stuck lock.
    var holderSeen: (identity: LockIdentity, since: Date)?
    var attempt = 0
    while true {
      defer { attempt += 1 }
      if try create(path, holding: journal, in: gitDirectory) {
        heldHere.withLock { _ = $0.insert(path) }
        return IndexLock(path: path, inherited: inherited)
      }
      let holder = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap(IndexJournal.init(text:))
      if let holder, isAbandoned(holder, path: path) {
        if let taken = takeOver(path, from: holder) { inherited.append(taken) }
        continue
      }
      let identity = LockIdentity(path)
      if holderSeen?.identity != identity { holderSeen = (identity, Date()) }
      let waited = Date().timeIntervalSince(holderSeen?.since ?? Date())
      if !waiting || waited > (holder == nil ? foreignPatience : amendPatience) {
        let who = holder.map { "amend process \($0.pid) holds it" } ?? "another git process holds it, or one was stopped"
        throw GitError(
          code: -14, errorClass: 10,  // GIT_ELOCKED, GIT_ERROR_INDEX
          message:
            "the index is locked (\(who)): if no git or amend command is running, remove the lock with 'rm -f \(path)' and run the command again")
      }
      Repository.backoff(attempt: min(attempt, 19))
    }
  }

  /// Creates the lock file with the journal already in it (written aside, then hard-linked into
  /// place, which fails when the lock exists), so no one ever reads a half-written amend lock.
  /// False when the lock is held.
  private static func create(
    _ path: String, holding journal: IndexJournal, in gitDirectory: String
  )
    throws(GitError) -> Bool
  {
    let aside = path + ".amend-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    defer { unlink(aside) }
    let descriptor = open(aside, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw GitError(
        code: -1, errorClass: 2,
        message: "could not create \(path): \(String(cString: strerror(errno))); check the permissions of \(gitDirectory)")
    }
    let bytes = Array(journal.text.utf8)
    let written = write(descriptor, bytes, bytes.count)
    close(descriptor)
    guard written == bytes.count else {
      throw GitError(code: -1, errorClass: 2, message: "could not write \(path): \(String(cString: strerror(errno)))")
    }
    if link(aside, path) == 0 { return true }
    if errno == EEXIST { return false }
    // A file system without hard links: create the lock in place, then write the journal.
    let direct = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o666)
    if direct < 0 {
      if errno == EEXIST { return false }
      throw GitError(
        code: -1, errorClass: 2,
        message: "could not create \(path): \(String(cString: strerror(errno))); check the permissions of \(gitDirectory)")
    }
    _ = write(direct, bytes, bytes.count)
    close(direct)
    return true
  }

  /// Whether the writer that left `journal` is gone: its process no longer exists, or it is this
  /// process and no code here holds the lock any more (a write that failed half way).
  private static func isAbandoned(_ journal: IndexJournal, path: String) -> Bool {
    if journal.pid == getpid() { return !heldHere.withLock { $0.contains(path) } }
    return kill(journal.pid, 0) != 0 && errno == ESRCH
  }

  /// Moves a killed writer's lock aside; returns its journal when it was still that writer's lock.
  private static func takeOver(_ path: String, from journal: IndexJournal) -> IndexJournal? {
    let aside = path + ".stale-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    guard rename(path, aside) == 0 else { return nil }
    defer { unlink(aside) }
    let moved = (try? String(contentsOfFile: aside, encoding: .utf8)).flatMap(IndexJournal.init(text:))
    if moved == journal { return journal }
    // Another process took the lock over between reading and moving it: give it back.
    _ = link(aside, path)
    return nil
  }

  /// Lets the lock go. The index was already renamed into place, or was never touched.
  func release() {
    guard held else { return }
    held = false
    unlink(path)
    IndexLock.heldHere.withLock { _ = $0.remove(path) }
  }

  /// Stops holding the lock in this process but leaves the file, with its journal, for the next amend
  /// command to finish: it also stops git from committing from an index that lags behind.
  func abandon() {
    guard held else { return }
    held = false
    IndexLock.heldHere.withLock { _ = $0.remove(path) }
  }

  deinit { release() }
}
