import AmendKit
import ArgumentParser

/// The operation flags `propose` and `revise` share: exactly one of them says what a proposal does.
struct OperationArguments: ParsableArguments {
  /// How the operation flags combine, for the commands' help.
  static let discussion = """
    Give exactly one operation:
      --replace OLD --with NEW            replace words
      --delete WORDS                      delete words
      --insert TEXT --after WORDS | --before WORDS | --at-start | --at-end
      --text NEW                          replace the whole clause
      --delete-clause                     delete the clause
      --new-clause TEXT [--before]        a new clause after (or before) CLAUSE
      --new-clause TEXT --under           a new clause listed under CLAUSE (starts a sub-list)
      --move-after CLAUSE2                move the clause to follow CLAUSE2
      --move-before CLAUSE2               move the clause to stand before CLAUSE2
      --remove-brackets                   remove a pair of brackets, keeping the text
      --delete-bracketed                  delete bracketed text, brackets and all
      --choose-option N                   keep alternative N of [..][..], delete the others
    Add --occurrence N when the words occur more than once in the clause, or to pick a
    bracket (or group of alternatives) when the clause has several, counted as they open.
    """

  @Option(parsing: .unconditional, help: "Words to replace (with --with).", transform: Words.value)
  var replace: String?
  @Option(parsing: .unconditional, help: "The words that replace them.", transform: Words.value)
  var with: String?
  @Option(parsing: .unconditional, help: "Words to delete.", transform: Words.value)
  var delete: String?
  @Option(
    parsing: .unconditional, help: "Words to insert (with --after, --before, --at-start or --at-end).",
    transform: Words.value)
  var insert: String?
  @Option(parsing: .unconditional, help: "Insert after these words.", transform: Words.value)
  var after: String?
  /// A value for --insert, a switch for --new-clause: given alone it reads as the empty string.
  @Option(
    defaultAsFlag: "", parsing: .next,
    help: "Insert before these words (words beginning with '-': --before=-WORDS); alone, with --new-clause: place the new clause before CLAUSE.")
  var before: String?
  @Flag(help: "Insert at the start of the clause.") var atStart = false
  @Flag(help: "Insert at the end of the clause.") var atEnd = false
  @Option(parsing: .unconditional, help: "Which occurrence of the words, counting from 1.") var occurrence: Int?
  @Option(parsing: .unconditional, help: "The clause's whole new text.", transform: Words.value)
  var text: String?
  @Flag(help: "Delete the clause.") var deleteClause = false
  @Option(
    parsing: .unconditional, help: "Text of a new clause after CLAUSE (before it with --before).",
    transform: Words.value)
  var newClause: String?
  @Option(help: "Move the clause to follow this one.") var moveAfter: String?
  @Option(help: "Move the clause to stand right before this one, at its level.") var moveBefore: String?
  @Flag(help: "With --new-clause: list the new clause under CLAUSE (the last of its sub-list, or the first of a new one).")
  var under = false
  @Flag(help: "Remove a pair of brackets, keeping the text inside (--occurrence N when there are several).")
  var removeBrackets = false
  @Flag(help: "Delete bracketed text, brackets and all (--occurrence N when there are several).") var deleteBracketed = false
  @Option(help: "Keep alternative N of a group side by side ([…][…]) and delete the others.") var chooseOption: Int?

  func validate() throws {
    if let occurrence, occurrence < 1 {
      throw ValidationError("--occurrence counts from 1 (the first place the words occur), so \(occurrence) is not one")
    }
    _ = try operation()
  }

  /// The one operation the options ask for; every mistake in combining them is an argument error.
  func operation() throws(ValidationError) -> ProposalOperation {
    let placeBefore = before == "" && newClause != nil
    let before = placeBefore ? nil : before
    var chosen: [ProposalOperation] = []
    if let replace {
      guard let with else { throw ValidationError("--replace needs --with NEW: the words that replace '\(replace)'") }
      chosen.append(.replaceWords(words: replace, with: with, occurrence: occurrence))
    } else if with != nil {
      throw ValidationError("--with goes with --replace OLD: say which words it replaces")
    }
    if let delete { chosen.append(.deleteWords(words: delete, occurrence: occurrence)) }
    if let insert {
      let anchors: [ProposalOperation.Anchor] =
        [after.map { .after($0) }, before.map { .before($0) }, atStart ? .atStart : nil, atEnd ? .atEnd : nil]
        .compactMap { $0 }
      if case .before("") = anchors.first {
        throw ValidationError("--before needs the words to insert before (words beginning with '-' are written --before=-WORDS)")
      }
      guard anchors.count == 1, let anchor = anchors.first else {
        throw ValidationError("--insert needs exactly one of --after WORDS, --before WORDS, --at-start, --at-end")
      }
      chosen.append(.insertWords(text: insert, anchor: anchor, occurrence: occurrence))
    } else if after != nil || before != nil || atStart || atEnd {
      throw ValidationError("--after, --before, --at-start and --at-end go with --insert TEXT")
    }
    if let text { chosen.append(.replaceClause(text: text)) }
    if deleteClause { chosen.append(.deleteClause) }
    if under {
      guard let newClause, !placeBefore else { throw ValidationError("--under goes with --new-clause TEXT, without --before") }
      chosen.append(.newClauseUnder(text: newClause))
    } else if let newClause {
      chosen.append(.newClause(text: newClause, before: placeBefore))
    }
    if let moveAfter { chosen.append(.moveClause(after: moveAfter)) }
    if let moveBefore { chosen.append(.moveClauseBefore(moveBefore)) }
    if removeBrackets { chosen.append(.brackets(.removeBrackets, occurrence: occurrence)) }
    if deleteBracketed { chosen.append(.brackets(.deleteBracketed, occurrence: occurrence)) }
    if let chooseOption {
      guard chooseOption >= 1 else { throw ValidationError("--choose-option counts from 1 (the first alternative), so \(chooseOption) is not one") }
      chosen.append(.brackets(.chooseOption(chooseOption), occurrence: occurrence))
    }
    guard chosen.count == 1, let operation = chosen.first else {
      throw ValidationError(
        chosen.isEmpty
          ? "say what the amendment does: --replace/--with, --delete, --insert, --text, --delete-clause, --new-clause, --move-after, --move-before, "
            + "--remove-brackets, --delete-bracketed or --choose-option"
          : "give one operation per proposal; table the others separately")
    }
    if occurrence != nil, operation.anchorWords == nil, !operation.isBracketEdit {
      throw ValidationError("--occurrence goes with --replace, --delete, --insert with --after/--before, or a bracket operation")
    }
    return operation
  }
}
