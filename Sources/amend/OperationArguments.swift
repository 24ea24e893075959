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
      --choose-option                     on an option line: keep it, delete the other options
      --new-article TITLE --paragraph TEXT... [--before]
                                          a new article after (or before) CLAUSE's article
      --delete-article                    delete CLAUSE's article, heading and all
      --retitle TITLE                     give CLAUSE's article heading a new title
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
    parsing: .unconditional,
    help: "Text of a new clause after CLAUSE (before it with --before); its points, if any, on lines after it, each opening with (a)…",
    transform: Words.value)
  var newClause: String?
  @Option(help: "Move the clause to follow this one.") var moveAfter: String?
  @Option(help: "Move the clause to stand right before this one, at its level.") var moveBefore: String?
  @Flag(help: "With --new-clause: list the new clause under CLAUSE (the last of its sub-list, or the first of a new one).")
  var under = false
  @Flag(help: "Remove a pair of brackets, keeping the text inside (--occurrence N when there are several).")
  var removeBrackets = false
  @Flag(help: "Delete bracketed text, brackets and all (--occurrence N when there are several).") var deleteBracketed = false
  @Option(
    defaultAsFlag: 0, parsing: .next,
    help:
      "Keep alternative N of a group side by side ([…][…]) and delete the others; alone, on an option line (Option 2 of Article 2bis): keep that option, delete the others."
  )
  var chooseOption: Int?

  @Option(
    parsing: .unconditional, help: "A new article after CLAUSE's article (before it with --before), with this title ('' for none).",
    transform: Words.value)
  var newArticle: String?
  @Option(parsing: .unconditionalSingleValue, help: "With --new-article: one of its paragraphs, in order (repeat it).", transform: Words.value)
  var paragraph: [String] = []
  @Flag(help: "Delete CLAUSE's article: its heading, its own text and everything under it.") var deleteArticle = false
  @Option(parsing: .unconditional, help: "Give CLAUSE's article heading this title ('' for none).", transform: Words.value)
  var retitle: String?

  func validate() throws {
    _ = try operation()
  }

  /// The fields the options name, for AmendKit's one rule (OperationFields).
  var fields: OperationFields {
    var fields = OperationFields()
    fields.replace = replace
    fields.with = with
    fields.delete = delete
    fields.insert = insert
    fields.after = after
    fields.before = before
    fields.atStart = atStart
    fields.atEnd = atEnd
    fields.occurrence = occurrence
    fields.text = text
    fields.deleteClause = deleteClause
    fields.newClause = newClause
    fields.moveAfter = moveAfter
    fields.moveBefore = moveBefore
    fields.under = under
    fields.removeBrackets = removeBrackets
    fields.deleteBracketed = deleteBracketed
    // Alone (no number), on an option line: choose that option.
    fields.chooseOption = chooseOption == 0 ? nil : chooseOption
    fields.chooseThisOption = chooseOption == 0
    fields.newArticle = newArticle
    fields.paragraphs = paragraph
    fields.deleteArticle = deleteArticle
    fields.retitle = retitle
    return fields
  }

  /// The one operation the options ask for (as a global amendment with `throughout`); every mistake in
  /// combining them is an argument error.
  func operation(throughout: Bool = false) throws(ValidationError) -> ProposalOperation {
    var fields = fields
    fields.throughout = throughout
    do {
      return try fields.operation()
    } catch {
      throw ValidationError(Messages.operationFields(error))
    }
  }

  /// What `propose` tables against: a clause, none (`--throughout`), or a proposal (`--to ID`).
  func target(clause: String?, to: String?, throughout: Bool) throws(ValidationError) -> (clause: String, to: ProposalID?) {
    var fields = fields
    fields.throughout = throughout
    do {
      return try fields.target(clause: clause, to: to)
    } catch {
      throw ValidationError(Messages.operationFields(error))
    }
  }
}
