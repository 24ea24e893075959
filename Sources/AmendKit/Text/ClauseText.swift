import Foundation
import DraftText

/// The rule that one clause's text is one clause, decided at one boundary for every way a text comes
/// in (--text, --with, --insert, --new-clause, --as-revised, and the wordings next combines): the
/// text is put in the draft, the draft read back, and it must hold the same clauses in the same
/// places with only this clause's text changed.
enum ClauseText {
  /// Refuses `text` as the wording of `clause` when the draft would not read back so.
  static func checkWording(
    _ text: String, of clause: Clause, in draft: Draft, what: ClauseTextSubject
  ) throws(ClauseTextError) {
    guard mayBreak(text) else { return }
    var edited = draft
    do {
      try edited.replaceText(of: clause.key, with: text)
    } catch {
      throw .edit(what, error)
    }
    guard edited.readsBack else { throw .notOneClause(what) }
  }

  /// Refuses `text` as a new clause next to `anchor` when the draft would not read back with it as
  /// one clause.
  static func checkNewClause(
    _ text: String, next anchor: Clause, before: Bool, in draft: Draft, what: ClauseTextSubject
  ) throws(ClauseTextError) {
    guard mayBreak(text) else { return }
    var edited = draft
    do {
      if before { try edited.insertClause(text, before: anchor.key) } else { try edited.insertClause(text, after: anchor.key) }
    } catch {
      throw .edit(what, error)
    }
    guard edited.readsBack else { throw .notOneClause(what) }
  }

  /// Whether a text can change the draft's structure at all: only a line break (or a space at
  /// either end, which the parser may read differently) can; most texts need no read-back.
  static func mayBreak(_ text: String) -> Bool {
    text.unicodeScalars.contains(where: Names.isBreakOrControl) || text.first?.isWhitespace == true
      || text.last?.isWhitespace == true
  }

  /// `text` without a number or letter of its clause's own kind at its start ("2. The Working
  /// Group…" for a paragraph), which amend writes itself, and a note saying it was left out.
  static func withoutOwnMarker(_ text: String, like clause: Clause, what: String) -> (text: String, note: String?) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let (marker, rest) = Draft.leadingMarker(of: trimmed, like: clause) else { return (text, nil) }
    return (
      rest.trimmingCharacters(in: .whitespacesAndNewlines),
      "\(what) began with '\(marker)', which was left out: amend numbers the clause from its place"
    )
  }
}
