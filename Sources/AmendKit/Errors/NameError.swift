/// Where a refused name came from, so that the refusal can point at it.
public enum NameField: Equatable, Sendable {
  /// The name of a session being opened.
  case sessionName
  /// The chair of a session being opened.
  case chair
  /// The delegation that tables or withdraws a proposal.
  case delegation
  /// A co-sponsor named when a proposal is tabled.
  case cosponsor
  /// The contact e-mail address given for the delegation that tables a proposal.
  case delegationEmail
  /// A name given to `amend roles set` for the role.
  case role(Roles.Role)
  /// The name in the committer's "Name <email>", from `source`.
  case committerName(CommitterSource)
  /// The e-mail address in the committer's "Name <email>", from `source`.
  case committerEmail(CommitterSource)

  /// Whether the field holds an e-mail address rather than a name.
  public var isEmail: Bool {
    switch self {
    case .delegationEmail, .committerEmail: true
    default: false
    }
  }
}

/// Where the person at the keyboard was read from.
public enum CommitterSource: Equatable, Sendable {
  /// Given by the caller for this one command.
  case argument
  /// Read from the process environment.
  case environment
  /// The committer already in the workspace's `Context`, given either way.
  case context
  /// Git's configuration (`user.name` and `user.email`).
  case gitConfig
}

/// A name amend would write into a commit or a record that breaks the one rule for names: one line of
/// printable text, without `<` or `>`, of at most ``Names/limit`` characters.
public enum NameError: Error, Equatable, Sendable {
  /// The name is empty, or only spaces.
  case empty(NameField)
  /// The name holds a line break or a control character.
  case lineBreak(NameField, text: String)
  /// The name holds `<` or `>`, which would end git's author field early.
  case angleBracket(NameField, text: String)
  /// The name is longer than `limit` characters.
  case tooLong(NameField, text: String, limit: Int)
  /// The committer is not written as "Name <email>".
  case notNameAndEmail(CommitterSource, text: String)
}
