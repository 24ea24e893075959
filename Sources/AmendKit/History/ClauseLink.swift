import DraftText

/// How one clause of a version of a draft relates to the version before it.
struct ClauseLink: Equatable, Sendable {
  /// The same clause in the previous version, by index; nil for a clause that is new.
  var origin: Int?
  /// Whether the clause changed place in the list (a move), rather than staying where it was.
  var moved: Bool
  /// For each line of the clause (marker and text), the line of the previous clause it still is
  /// word for word; nil for a line this version wrote.
  var lineOrigins: [Int?]

  /// Whether this version wrote any of the clause's lines, as a line-based `git blame` sees it.
  var rewroteALine: Bool { lineOrigins.contains(nil) }
}
