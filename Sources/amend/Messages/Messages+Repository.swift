import AmendKit
import GitStore

extension Messages {
  /// A problem with the repository itself.
  static func repository(_ error: RepositoryError) -> String {
    switch error {
    case .detachedHead:
      return "HEAD is detached: switch to the negotiation's branch first (git switch main)"
    case .noSuchFolder(let path):
      return "no such folder: \(path); give an existing folder with --repo"
    case .notARepository(let path, let error):
      return "\(path) is not inside a negotiation repository (\(error.message)); run 'amend init --from FILE' there first"
    case .noCommitter:
      return "who is at the keyboard? pass --committer 'Name <email>' or set git config user.name and user.email"
    case .inTheWay(let refusal):
      return refusal.message
    case .locked(let error):
      return error.message
    case .nothingCommitted:
      return "nothing is committed yet: run 'amend init --from FILE' first"
    case .emptyBranchBesideDrafts(let branch, let tag):
      return
        "HEAD names the branch '\(branch)', which has no commits, but this repository holds drafts (tag \(tag)): switch to the "
        + "negotiation's branch ('git branch' lists them, e.g. git switch main)"
    case .draftMissing(let path):
      return "\(path) is missing from the last commit"
    case .draftNotText(let path):
      return "\(path) is not UTF-8 text; restore it with 'git checkout -- \(path)'"
    case .draftUnreadable(let path, let error):
      return "\(path): \(error)"
    case .strayTag(let tag, let commit, let branch, let onBranch):
      let place =
        onBranch
        ? "commit \(commit.short), although the branch has no such draft"
        : "commit \(commit.short), which is not on \(branch) (left behind by a reset?)"
      return "tag \(tag) already marks \(place): if that draft is abandoned, delete the tag with 'git tag -d \(tag)' and run 'amend next' again"
    case .notRecorded(.proposal):
      return "the proposal was not recorded"
    case .notRecorded(.withdrawal):
      return "the withdrawal was not recorded"
    case .notRecorded(.decision):
      return "the decision was not recorded"
    case .notRecorded(.sessionClosing):
      return "the session was not closed"
    case .notRecorded(.cosponsorship):
      return "the co-sponsorship was not recorded"
    case .notRecorded(.revision):
      return "the revision was not recorded"
    case .notRecorded(.deadline):
      return "the deadline was not recorded"
    case .notRecorded(.roles):
      return "the roles were not recorded"
    case .movedDuringSitting(let commits):
      return "the branch moved while \(commits) commits were being recorded at one sitting: none was recorded; run it again"
    }
  }

  /// A draft, clause or proposal that is not there.
  static func lookup(_ error: LookupError) -> String {
    switch error {
    case .noDraftYet:
      return "no draft in this repository yet: run 'amend init --from FILE' first"
    case .noSuchDraft(let number, let drafts):
      return "there is no draft \(number); the drafts are: \(drafts.isEmpty ? "none" : list(drafts))"
    case .nothingBefore(let draft, let drafts):
      return "there is no draft before draft \(draft) to compare it with; the drafts are: \(list(drafts))"
    case .outOfOrder(let from, let to):
      return "compare an earlier draft with a later one: amend diff \(min(from, to)) \(max(from, to))"
    case .clause(let error, let draft):
      return "\(error) (in the \(ordinal(draft)) draft)"
    case .clauseNotInDraft(let spelling, let draft):
      return "unknown clause \"\(spelling)\" in the \(ordinal(draft)) draft"
    case .unknownProposal(let prefix):
      return "no proposal '\(prefix)': 'amend proposals' lists them"
    case .ambiguousProposal(let prefix, let matches):
      return "proposal id '\(prefix)' is ambiguous: \(matches.joined(separator: ", ")); type more of it"
    }
  }

  /// "7, 8, 9".
  static func list(_ numbers: [Int]) -> String { numbers.map(String.init).joined(separator: ", ") }

  /// A record that cannot be read, and how to restore it.
  static func record(_ error: RecordError) -> String {
    switch error {
    case .damaged(let record): record.refusal
    case .unreadable(let problem): problem.description
    }
  }

  /// A refused `amend init`.
  static func initialise(_ error: InitError) -> String {
    switch error {
    case .sourceMissing(let path):
      return "\(path) does not exist: give the path of the draft's text file"
    case .sourceUnreadable(let path):
      return "\(path) cannot be read: check its permissions"
    case .sourceEmpty(let path):
      return "\(path) is empty: give a file with the draft's text"
    case .sourceNotText(let path):
      return "\(path) is not UTF-8 text (binary or another encoding): save it as UTF-8 plain text"
    case .sourceNotDraft(let path, let error):
      return "\(path): \(error)"
    case .sourceNotXML(let path, let reason):
      return "\(path) is not well-formed XML (\(reason)): give an Akoma Ntoso document, or the draft's text as .txt or .md"
    case .sourceNotAkomaNtoso(let path, let root):
      return "\(path) is XML but not Akoma Ntoso (its root element is <\(root)>, not <akomaNtoso>): give an Akoma Ntoso draft"
    case .sourceWithoutBody(let path):
      return "\(path) is an Akoma Ntoso document without a body (no mainBody or body with text): give a document with the draft's paragraphs"
    case .numberOutOfRange(let number):
      return "--number must be between 1 and 999, not \(number)"
    case .cannotCreateFolder(let folder, let reason):
      return "cannot create \(folder): \(reason)"
    case .cannotCreateRepository(let folder, let error):
      return "cannot make \(folder) a git repository: \(error.message)"
    case .alreadyNegotiation(let existing):
      return "this repository already holds a negotiation (\(existing)): table proposals with 'amend propose', or init in a new folder"
    }
  }
}
