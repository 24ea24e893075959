import AmendKit
import GitStore

extension Messages {
  /// A refused clone or sync.
  static func sync(_ error: SyncError) -> String {
    switch error {
    case .unknownRemote(let name, let known):
      return known.isEmpty
        ? "no remote named '\(name)', and this repository has none: add one with 'git remote add \(name) URL'"
        : "no remote named '\(name)': the remotes are \(known.joined(separator: ", ")) ('git remote -v' shows their URLs)"
    case .noRemote(let known):
      return known.isEmpty
        ? "this repository has no remote to sync with: add one with 'git remote add origin URL', or start from 'amend clone URL'"
        : "which remote? the branch follows none and there is no 'origin': name one of \(known.joined(separator: ", ")) ('amend sync NAME')"
    case .unreachable(let remote, let url, let error):
      return
        "cannot reach remote '\(remote)' at \(url) (\(error.plainText)): check the URL with 'git remote -v' and the network, and run the command again"
    case .authenticationRefused(let remote, let url, let error):
      return
        "remote '\(remote)' at \(url) refused the credentials (\(error.plainText)): load your SSH key into the agent with 'ssh-add', "
        + "or store a username and token with git's credential helper, and run the command again"
    case .notANegotiation(let url, let branch):
      guard let branch else {
        return "\(url) is not an amend repository: it has no branch with commits; clone or sync only a negotiation begun with 'amend init'"
      }
      return
        "\(url) is not an amend repository: its branch '\(branch)' holds no draft (drafts/NN-…-draft.md); clone or sync only a negotiation "
        + "begun with 'amend init'"
    case .unrelatedHistories(let remote, let branch):
      return
        "remote '\(remote)' holds another negotiation: its branch '\(branch.replacingOccurrences(of: "refs/heads/", with: ""))' shares no "
        + "commit with this one; nothing was merged"
    case .textualConflict(let paths):
      return
        "the local and remote histories changed \(paths.joined(separator: ", ")) differently, which amend never does (records are written "
        + "once): someone edited them by hand; nothing was merged; compare with 'git fetch' and 'git diff', put the record back as first "
        + "written on the side that changed it, and sync again"
    case .pushKeptFailing(let remote, let attempts, let reason):
      return
        "could not push to '\(remote)': someone else pushed first each of \(attempts) times (last: \(reason)); nothing was lost; run "
        + "'amend sync' again"
    case .pushRefused(let remote, let error):
      return "remote '\(remote)' refused the push (\(error.plainText)); nothing was changed here"
    case .uncommittedRecords(let paths):
      let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
      return
        "record files have changes that are not committed: \(shown); sync shares only the record: put them back with "
        + "'git checkout -- PATH' (delete untracked ones) or record them with amend, then sync again"
    case .cloneTargetNotEmpty(let folder):
      return "\(folder) already exists and is not empty: clone into a new folder ('amend clone URL DIR')"
    }
  }
}

extension GitError {
  /// libgit2's message without a trailing full stop, to go inside parentheses.
  var plainText: String {
    var text = Substring(message)
    while let last = text.last, ".: ".contains(last) { text = text.dropLast() }
    return String(text)
  }
}
