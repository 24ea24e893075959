import AmendKit
import ArgumentParser

extension Amend {
  /// `amend compile`: the compilation text.
  struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the current draft with every pending proposal under its clause.")

    @Option(help: "text or markdown.") var format = Choice(Compilation.Format.text)
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let chosen = try format.value()
      let snapshot = try options.workspace().snapshot()
      let current = try snapshot.currentDraft()
      let pending = try snapshot.marshalledList(current, toleratingDamage: true) { $0.isOnAgenda }
      snapshot.reportProblems()
      Output.exact(Compilation.render(current, proposals: pending, format: chosen))
    }
  }
}
