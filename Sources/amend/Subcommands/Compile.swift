import AmendKit
import ArgumentParser
import Documents

extension Amend {
  /// `amend compile`: the compilation text.
  struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "compile",
      abstract: "Print the current draft with every pending proposal under its clause.")

    @Option(help: "text, markdown, or a document: html, pdf, docx (pending proposals as Word tracked changes) or akn (an Akoma Ntoso amendmentList).")
    var format = Choice(CompileFormat.text)
    @Flag(help: "Print each proposal's explanatory statement under it.") var withStatements = false
    @Flag(help: "Number each clause by its line in the draft, and cite each proposal by page and line of the draft as printed with line numbers.")
    var lineNumbers = false
    @OptionGroup var destination: DocumentDestination
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let chosen = try format.value()
      if let document = chosen.document { try destination.check(document) }
      let snapshot = try options.workspace().snapshot()
      let current = try snapshot.currentDraft()
      let pending = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
      snapshot.reportProblems()
      if let text = chosen.compilation {
        Output.exact(
          Compilation.render(current, proposals: pending, format: text, statements: withStatements, lineNumbers: lineNumbers))
      } else if let document = chosen.document {
        try destination.write(
          .compilation(current, proposals: pending, in: snapshot), as: document, options: DocumentOptions(lineNumbers: lineNumbers))
      }
    }
  }
}
