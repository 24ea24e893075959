import AmendKit
import ArgumentParser

extension Amend {
  /// `amend sync [REMOTE]`: fetch, join by merging, push with a lease; conflicting decisions reported.
  struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sync",
      abstract:
        "Bring in the remote's record and send yours: fetch, join the histories (a merge, never a rebase), push; "
        + "report opposite decisions as conflicts.")

    @Argument(help: "The remote (default: the branch's upstream, else origin, else the only one).") var remote: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let workspace = try options.workspace()
      let report = try workspace.sync(remote: remote)
      workspace.reportWarnings()
      if json {
        Output.line(try JSONOutput.encode(report))
        return
      }
      for line in SyncWords.lines(report) { Output.line(line) }
    }
  }
}

/// The text form of a sync: what came, what went, how the histories were joined, then one line per
/// conflicting proposal.
enum SyncWords {
  static func lines(_ report: SyncReport) -> [String] {
    let place = "\(report.remote) (\(report.url))"
    let tip = String(report.tip.prefix(7))
    let both = "\(report.branch) and \(report.remote)/\(report.branch) at \(tip)"
    var first: String
    switch report.integration {
    case .upToDate:
      first = report.tagsSent.isEmpty ? "\(place): up to date; \(both)" : "\(place): \(both)"
    case .fastForward:
      first = "\(place): received \(commits(report.fetched)) (fast-forward); \(both)"
    case .localAhead:
      first = "\(place): sent \(commits(report.pushed)); \(both)"
    case .merged:
      first =
        "\(place): received \(commits(report.fetched)), sent \(commits(report.pushed)) with the merge \(report.mergeCommit?.prefix(7) ?? "?") "
        + "that joins them; \(both)"
    }
    if report.retries > 0 {
      first += "; pushed again after \(report.retries) push\(report.retries == 1 ? "" : "es") by others came first"
    }
    var lines = [first]
    if !report.tagsReceived.isEmpty { lines.append("tags received: \(report.tagsReceived.joined(separator: ", "))") }
    if !report.tagsSent.isEmpty { lines.append("tags sent: \(report.tagsSent.joined(separator: ", "))") }
    for conflict in report.conflicts {
      let decisions = conflict.decisions.map { decision in
        "\(decision.decision) in session '\(decision.sessionName ?? decision.session ?? "?")' (\(decision.date ?? "?"), chair "
          + "\(decision.chair ?? "?"), commit \(decision.commit.map { String($0.prefix(7)) } ?? "not found"))"
      }.joined(separator: " and ")
      lines.append(
        "conflict: \(conflict.proposal) (\(conflict.delegation), \(conflict.clause)) was \(decisions); "
          + "the chair settles it by deciding it again in a later session")
    }
    return lines
  }

  static func commits(_ count: Int) -> String { "\(count) commit\(count == 1 ? "" : "s")" }
}
