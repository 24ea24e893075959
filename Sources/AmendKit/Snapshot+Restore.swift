import Foundation
import GitStore

extension Snapshot {
  /// The command that puts back the last readable version of the record at `path`: the newest
  /// commit on the branch's history, before the tip's, whose copy of it decodes.
  func restoreCommand(for path: String) -> String? {
    guard let tip, let commits = try? repository.history(from: tip, touching: path, limit: 16) else { return nil }
    let isEvent = RecordLayout.isEventPath(path)
    for commit in commits {
      guard let data = try? repository.fileContent(at: path, inCommit: commit.id) else { continue }
      let readable =
        isEvent
        ? (try? RecordCoding.decodeEvent(data, path: path)) != nil
        : (try? RecordCoding.decodeProposal(data, path: path)) != nil
      if readable { return "git show \(commit.id.hex.prefix(12)):\(path) > \(path)" }
    }
    return nil
  }
}
