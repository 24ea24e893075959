import ArgumentParser

/// A clause as the history commands take it: cited from the current draft or an earlier one.
struct ClauseCitation: ParsableArguments {
  @Argument(help: "A clause, as people cite it: 7.b, 7 (b), para 7 (b)…") var clause: String
  @Option(help: "The draft the clause is cited from (default: the current draft).") var draft: Int?
  @Flag(help: "Print JSON.") var json = false
  @Option(help: "text, or html (one standalone page).") var format = Choice(ClauseReportFormat.text)
  @OptionGroup var destination: DocumentDestination
}
