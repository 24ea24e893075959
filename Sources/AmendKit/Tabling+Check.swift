import DraftText

/// What tabling checks before anything is written, as one step that needs no repository: the
/// seeded tabling fuzzer calls it with hostile texts, so what it proves holds for `table` itself.
struct CheckedProposal {
  var textBefore: String
  var textProposed: String?
  var operation: ProposalOperation
  /// Said when a marker typed at the start of the text was left out.
  var note: String?
}

extension Workspace {
  /// Checks `asked` against `clause` of `version` as tabling does: a marker typed at the start of a
  /// clause's own text is left out (with a note), then the words, the read-back of the new text and
  /// the move's destination are checked.
  static func check(_ asked: ProposalOperation, on clause: Clause, in version: DraftVersion) throws -> CheckedProposal {
    var operation = asked
    var note: String?
    switch asked {
    case .replaceClause(let text):
      let stripped = ClauseText.withoutOwnMarker(text, like: clause, what: "the text for \(clause.id.display)")
      (operation, note) = (.replaceClause(text: stripped.text), stripped.note)
    case .newClause(let text, let before):
      let stripped = ClauseText.withoutOwnMarker(text, like: clause, what: "the new clause's text")
      (operation, note) = (.newClause(text: stripped.text, before: before), stripped.note)
    default:
      break
    }
    let (before, proposed, checked) = try texts(of: operation, on: clause, in: version)
    return CheckedProposal(textBefore: before, textProposed: proposed, operation: checked, note: note)
  }
}
