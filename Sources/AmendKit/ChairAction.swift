/// What the chair does to a proposal in a session: decides it (accept, reject, defer), reopens it, or
/// reconsiders a decision of an earlier session.
public enum ChairAction: String, Sendable {
  case accept, reject, deferral, reopen
  /// Takes back a decision of an earlier session, in the open one; the record keeps both.
  case reconsider

  var kind: EventRecord.Kind {
    switch self {
    case .accept: .accepted
    case .reject: .rejected
    case .deferral: .deferred
    case .reopen: .reopened
    case .reconsider: .reconsidered
    }
  }
}
