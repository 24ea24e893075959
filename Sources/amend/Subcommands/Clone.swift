import AmendKit
import ArgumentParser

extension Amend {
  /// `amend clone URL [DIR]`: a clone of a negotiation to table, decide or produce drafts in.
  struct Clone: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "clone",
      abstract: "Clone a negotiation (a path, file://, git://, ssh:// or https:// URL) to work in; 'amend sync' keeps it in step.")

    @Argument(help: "The negotiation's repository: a path or a URL.") var url: String
    @Argument(help: "The folder to clone into (default: the URL's last part without .git).") var folder: String?
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let target = folder ?? (options.repo == "." ? nil : options.repo)
      let cloned = try Workspace.clone(from: url, into: target, context: try options.context())
      Output.line(
        "cloned \(url) into \(cloned.folder): \(cloned.branch) at \(cloned.tip.short), the \(Messages.ordinal(cloned.draft.number)) draft, "
          + "\(cloned.proposals) proposal\(cloned.proposals == 1 ? "" : "s"); 'amend sync' sends what you record and brings in the others'")
    }
  }
}
