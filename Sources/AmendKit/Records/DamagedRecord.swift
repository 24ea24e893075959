/// A record the fold could not use: a proposal or event file that does not read, or a proposal an
/// event names that is not in the record. Reading commands warn about it; writers that need it refuse.
public struct DamagedRecord: Equatable, Sendable {
  /// The record file's path in the repository.
  public var path: String
  /// The proposal it is (or would be) the record of; nil for an event.
  public var proposal: String?
  /// What is wrong, in a few words.
  public var reason: String
  /// The command that puts back the last readable version from git history, when there is one.
  public var restore: String?
  /// For a proposal: its status as the events give it.
  public var status: ProposalStatus = .pending
  /// For a proposal missing from the record: the event that names it.
  public var namedBy: String?

  /// "restore it with 'git show …' and commit it", or what to do when history holds no good copy.
  public var remedy: String {
    if let restore { return "restore it with '\(restore)' and commit it" }
    if let namedBy { return "no commit ever held it; remove \(namedBy), which names it, with 'git rm'" }
    return "no earlier commit holds a readable copy; mend the file by hand or remove it with 'git rm \(path)'"
  }

  /// The one-line warning a reading command prints before going on.
  public var warning: String {
    "skipped \(path): \(reason); \(remedy)"
  }

  /// The one-line refusal of a writer that needs it.
  public var refusal: String {
    let what = proposal.map { "the record of \(status == .pending ? "" : "\(status.rawValue) ")proposal \($0)" } ?? "an event record"
    return "\(what), \(path), cannot be read (\(reason)): \(remedy), then run the command again"
  }

  /// The proposal id in `proposals/<xx>/<id>.md` (or the flat `proposals/<id>.md`), nil for any other path.
  static func proposalID(inPath path: String) -> String? { RecordLayout.proposalID(inPath: path) }

  /// The status an event leaves an unreadable proposal in.
  static func status(after event: EventRecord, from status: ProposalStatus) -> ProposalStatus {
    switch event.kind {
    case .withdrawn: .withdrawn
    case .accepted: .accepted
    case .rejected: .rejected
    case .deferred: .deferred
    case .reopened, .reconsidered: .pending
    case .draftProduced: .applied
    case .sessionOpened, .sessionClosed, .cosponsorJoined, .cosponsorLeft, .proposalRevised, .deadlineSet, .subAmended: status
    }
  }
}
