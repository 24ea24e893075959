import AmendKit
import AmendServer
import Documents
import DraftText

/// The one-line wording of every refusal: what is wrong and what to do, with the commands and flags
/// that do it. The library throws typed errors carrying the facts; the words for people live here.
enum Messages {
  /// The line printed for `error`, or nil when it is not a refusal amend words itself.
  static func message(for error: any Error) -> String? {
    switch error {
    case let error as Refusal: error.message
    case let error as TablingError: tabling(error)
    case let error as CosponsorError: cosponsor(error)
    case let error as RevisionError: revision(error)
    case let error as DeadlineError: deadline(error)
    case let error as DecisionError: decision(error)
    case let error as NextDraftError: nextDraft(error)
    case let error as ClauseTextError: clauseText(error)
    case let error as NameError: name(error)
    case let error as DateError: date(error)
    case let error as LookupError: lookup(error)
    case let error as RecordError: record(error)
    case let error as RepositoryError: repository(error)
    case let error as InitError: initialise(error)
    case let error as DocumentError: document(error)
    case let error as SyncError: sync(error)
    case let error as RoleError: role(error)
    case let error as SigningError: signing(error)
    case let error as OperationFieldsError: operationFields(error)
    case let error as AccessError: access(error)
    default: nil
    }
  }

  /// "the seventh" for 7.
  static func ordinal(_ number: Int) -> String { Ordinal.words(number) }

  /// The command that takes back `proposal`'s decision, quoted.
  static func takeBack(_ takeBack: TakeBack, _ proposal: String) -> String {
    switch takeBack {
    case .reopen: "'amend reopen \(proposal)'"
    case .reconsider: "'amend reconsider \(proposal)'"
    }
  }
}

/// A refusal worded by the CLI itself (its own options and environment variables).
struct Refusal: Error, CustomStringConvertible {
  var message: String

  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}
