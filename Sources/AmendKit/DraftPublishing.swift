import Foundation
import GitStore

extension Workspace {
  /// Refuses, before anything is written, when the tag the next draft would get already exists: after a
  /// `git reset` past a draft its tag still marks the abandoned commit, and moving a tag others may have
  /// fetched is the secretariat's decision, not amend's.
  func refuseStrayTag(_ tag: String, tip: ObjectID) throws {
    guard let marked = try repository.tagTarget(tag) else { return }
    let name = branch.replacingOccurrences(of: "refs/heads/", with: "")
    throw RepositoryError.strayTag(tag, commit: marked, branch: name, onBranch: try repository.contains(marked, from: tip))
  }

  /// Moves the branch from `tip` to the draft's last `commit`, then tags it and brings its files up to
  /// date in the index and working tree, all under the index lock (`Repository.publish`); a process
  /// killed in between leaves what remains for the next amend command. False when someone moved the
  /// branch first.
  func publishDraft(
    _ commit: ObjectID, on tip: ObjectID, tag: String, title: String, tagger: Signature, paths: [String]
  ) throws -> Bool {
    let tagObject = try repository.createTagObject(tag, target: commit, tagger: tagger, message: title)
    let update = BranchUpdate(
      branch: branch, commit: commit, expected: tip, reflogMessage: "amend next: \(title)",
      workingTreePaths: paths, tags: [tag: tagObject])
    guard let publication = try refusingObstacles({ try repository.publish(update) }) else { return false }
    syncWorkingTree(publication, paths: paths)
    return true
  }
}
