import AmendKit
import ArgumentParser
import Documents
import DraftText

extension Amend {
  /// `amend show [CLAUSE]`: the current draft exactly as filed, or one clause.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Print the current draft byte for byte, or one clause with its subparagraphs.")

    @Argument(help: "A clause, as people cite it: 7.b, 7 (b), para 7 (b), OP7(b)…")
    var clause: String?

    @Option(help: "The draft's number (default: the current draft).")
    var draft: Int?

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "text, or the whole draft as a document: html, pdf, docx or akn (Akoma Ntoso 3.0).")
    var format = Choice(ShowFormat.text)
    @OptionGroup var destination: DocumentDestination
    @Flag(help: "Number the draft's lines (in PDF and Word, on numbered pages: numbering restarts on each page).") var lineNumbers = false

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let document = try format.value().document
      if let document {
        try destination.check(document)
        if clause != nil { throw Refusal("--format \(document.rawValue) makes the whole draft: leave out the clause") }
      }
      let snapshot = try options.workspace().snapshot()
      let version = try draft.map { try snapshot.draft(number: $0) } ?? snapshot.currentDraft()
      if let document {
        try destination.write(.draft(version, in: snapshot), as: document, options: DocumentOptions(lineNumbers: lineNumbers))
        return
      }
      guard let clause else {
        if json {
          Output.line(try JSONOutput.encode(version.draft.clauses.map { ClauseEntry($0, in: version) }))
        } else {
          Output.exact(lineNumbers ? LineNumbers.numbered(version.text, width: LineNumbers.width(for: version.text)) : version.text)
        }
        return
      }
      let found: Clause
      do {
        found = try version.draft.resolve(clause)
      } catch {
        throw Refusal("\(error)")
      }
      if json {
        Output.line(try JSONOutput.encode(ClauseEntry(found, in: version)))
        return
      }
      let width = LineNumbers.width(for: version.text)
      for shown in [found] + version.draft.descendants(of: found) {
        Output.line(lineNumbers ? LineNumbers.numbered(shown.marker + shown.text, from: shown.line, width: width) : shown.marker + shown.text)
      }
    }
  }
}
