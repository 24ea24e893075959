import DraftText

/// The checks tabling makes for the structural operations of treaty-shaped texts (a move before or
/// after any clause, a new clause under a clause): the edit is made on a copy of the current draft,
/// renumbered and read back, so that what `next` would refuse is refused when tabled.
enum StructuralCheck {
  /// Refuses a move of `clause` next to `destination` that the draft cannot make or read back.
  static func move(_ clause: Clause, next destination: Clause, before: Bool, in draft: Draft) throws {
    var edited = draft
    guard destination.key != clause.key, !draft.isListed(destination.key, under: clause.key) else {
      throw TablingError.moveOutsideList(clause: clause.id, destination: destination.id)
    }
    do {
      if before { try edited.moveClause(clause.key, before: destination.key) } else { try edited.moveClause(clause.key, after: destination.key) }
      edited.renumber()
    } catch {
      throw ClauseTextError.edit(.proposedText(clause.id), error)
    }
    guard edited.readsBack else { throw ClauseTextError.notReadAsItself(.proposedText(clause.id)) }
  }

  /// Refuses a new clause under `parent` that the draft cannot hold or read back as one clause.
  static func newClause(_ text: String, under parent: Clause, in draft: Draft, what: ClauseTextSubject) throws(ClauseTextError) {
    let kind: LabelKind
    do {
      kind = try draft.labelKind(under: parent.key)
    } catch {
      throw .edit(what, error)
    }
    _ = try ClauseText.checkNewClauseCharacters(text, ownKind: kind, what: what)
    var edited = draft
    do {
      try edited.insertClause(text, under: parent.key)
      edited.renumber()
    } catch {
      throw .edit(what, error)
    }
    guard edited.readsBack else { throw ClauseText.refusal(text, what) }
  }
}

extension Draft {
  /// Whether clause `key` is listed under `ancestor`, at any depth.
  func isListed(_ key: ClauseKey, under ancestor: ClauseKey) -> Bool {
    var current = clause(key: key)?.parentKey
    while let parent = current {
      if parent == ancestor { return true }
      current = clause(key: parent)?.parentKey
    }
    return false
  }
}
