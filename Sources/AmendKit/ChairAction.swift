/// What the chair does to a proposal in a session: decides it (accept, reject, defer), reopens it, or
/// reconsiders a decision of an earlier session.
public enum ChairAction: String, Sendable {
  /// Accept it: the next draft applies it.
  case accept
  /// Reject it.
  case reject
  /// Defer it to a later session; it stays on the chair's list.
  case deferral
  /// Take back a decision of the open session, putting the proposal back on the chair's list.
  case reopen
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
