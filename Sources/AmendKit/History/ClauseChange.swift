import DraftText

/// What one version of a draft did to one clause.
public struct ClauseChange: Codable, Equatable, Sendable {
  /// The kind of change, most telling first when a commit did several things at once.
  public enum Kind: String, Codable, Sendable {
    /// The clause stands in the first draft of the record.
    case received
    /// A new clause.
    case introduced
    /// Its words changed.
    case amended
    /// It changed place in the list.
    case moved
    /// Only its number changed, because clauses were added, deleted or moved around it.
    case renumbered
    /// Only its marker's style or spacing changed.
    case restyled
    /// The clause was deleted.
    case deleted
  }

  /// What the change did to the clause.
  public var kind: Kind
  /// The clause's id before the change; nil for a new clause.
  public var clauseBefore: String?
  /// The clause's id after the change; nil when deleted.
  public var clauseAfter: String?
  /// The clause's text before the change; nil for a new clause.
  public var textBefore: String?
  /// The clause's text after the change; nil when deleted.
  public var textAfter: String?
  /// Who made the change, and on what authority.
  public var source: ChangeSource
}
