import Foundation
import GitStore

/// What `Workspace.clone(from:into:context:)` made.
public struct Cloned: Sendable {
  /// The folder of the new clone.
  public var folder: String
  /// The branch checked out ("main").
  public var branch: String
  /// The commit it holds.
  public var tip: ObjectID
  /// The current draft.
  public var draft: DraftFile
  /// How many proposals the record holds.
  public var proposals: Int
}

extension Workspace {
  /// Clones the negotiation at `url` (a path, `file://`, `git://`, `ssh://` or `https://`) into `folder`
  /// (default: the URL's last part without `.git`), which must not exist or be empty. The remote is
  /// `origin`, which `sync` then uses. A repository that holds no draft is refused and the folder
  /// removed again (emptied, when it existed).
  public static func clone(from url: String, into folder: String?, context: Context) throws -> Cloned {
    let source = Remote.isLocal(url) && !url.hasPrefix("file://") ? absolute(url) : url
    let target = folder ?? defaultFolder(for: url)
    var isFolder: ObjCBool = false
    let existed = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
    if existed {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? ["?"]
      guard isFolder.boolValue, entries.isEmpty else { throw SyncError.cloneTargetNotEmpty(target) }
    }
    func removeClone() {
      if existed {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [] {
          try? FileManager.default.removeItem(atPath: target + "/" + entry)
        }
      } else {
        try? FileManager.default.removeItem(atPath: target)
      }
    }
    do {
      // A remote whose HEAD names a branch it does not have (a bare repository made by 'git init', HEAD
      // master, where main was pushed) is cloned on main, else master, else its only branch.
      let advertised: (headResolves: Bool, branches: [String])
      do {
        advertised = try Repository.advertisedBranches(at: source)
      } catch {
        throw remoteFailure(error, remote: "origin", url: url)
      }
      guard !advertised.branches.isEmpty else { throw SyncError.notANegotiation(url: url, branch: nil) }
      let branch = ["main", "master"].first(where: advertised.branches.contains) ?? advertised.branches[0]
      // A clone is a new repository with an 'origin' that it syncs from: the same fetch, checks and
      // fast-forward as every later sync, so a clone of something that is not a negotiation is refused
      // before anything is checked out.
      let repository: Repository
      do {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        repository = try Repository.create(at: target, initialBranch: branch)
      } catch let error as GitError {
        throw InitError.cannotCreateRepository(target, error)
      } catch {
        throw InitError.cannotCreateFolder(target, reason: error.localizedDescription)
      }
      try repository.addRemote("origin", url: source)
      try repository.setUpstream(of: branch, remote: "origin", remoteBranch: branch)
      let workspace = try Workspace(repository: repository, context: context)
      let report = try workspace.sync(remote: "origin")
      guard let tip = ObjectID(hex: report.tip) else { throw SyncError.notANegotiation(url: url, branch: branch) }
      let snapshot = try workspace.snapshot()
      let draft = try snapshot.currentDraft()
      let proposals = (try? snapshot.ledger.get().proposals.count) ?? 0
      return Cloned(folder: target, branch: branch, tip: tip, draft: draft.file, proposals: proposals)
    } catch {
      removeClone()
      throw error
    }
  }

  /// The folder `git clone` would make for `url`: its last part, without `.git`.
  static func defaultFolder(for url: String) -> String {
    var last = url
    while last.hasSuffix("/") { last.removeLast() }
    last = String(last.split(whereSeparator: { $0 == "/" || $0 == ":" }).last ?? "negotiation")
    if last.hasSuffix(".git") { last.removeLast(4) }
    return last.isEmpty ? "negotiation" : last
  }

  private static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }
}
