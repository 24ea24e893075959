/// What the roles recorded by the secretariat do not allow, and what is wrong with a roles change.
public enum RoleError: Error, Equatable, Sendable {
  /// A proposal tabled or withdrawn for a delegation the roles do not list.
  case notADelegation(String)
  /// A session opened, closed or a decision or draft made by someone who is neither a chair nor the secretariat.
  case notChairOrSecretariat(person: String, act: Act)
  /// A session opened with a chair the roles do not list.
  case notAChair(String)
  /// The roles changed by someone who is not the secretariat.
  case notSecretariat(person: String, secretariat: String)
  /// The deadline for amendments set or lifted by `person`, who is not the secretariat.
  case deadlineNotBySecretariat(person: String, secretariat: String)
  /// A chair or delegation to remove that the roles do not list.
  case notListed(Roles.Role, String)
  /// The public key file cannot be read.
  case keyUnreadable(path: String)
  /// The public key file does not hold an SSH public key line.
  case notAPublicKey(path: String)
  /// The roles file at the tip does not decode.
  case unreadable(RecordProblem)

  /// What the refused person tried to do.
  public enum Act: String, Equatable, Sendable {
    /// Open a session.
    case openSession
    /// Close a session.
    case closeSession
    /// Take or take back a decision.
    case decide
    /// Produce the next draft.
    case produceDraft
  }
}
