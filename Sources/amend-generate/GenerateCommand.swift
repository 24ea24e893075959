import ArgumentParser
import Foundation
import NegotiationGenerator

/// `amend-generate`: builds a deterministic negotiation repository for the benchmarks.
@main
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "amend-generate",
    abstract: "Build a negotiation repository of a given scale (S, M or L) through amend's library, from a seed.")

  @Option(help: "S (the seed draft, 50 proposals), M (500 clauses, 4,000 proposals, 10 drafts) or L (5,000 clauses, 40,000 proposals, 50 drafts).")
  var scale: String = "S"

  @Option(help: "The seed: the same seed makes the same repository.") var seed: UInt64 = 7

  @Option(help: "The seed draft the S scale starts from.")
  var seedDraft: String = "../shared/seeds/seventh-draft-migration-2010-10-12.txt"

  @Option(help: "Proposals to table instead of the scale's number (drafts shrink in proportion); for trial runs.")
  var proposals: Int?

  @Argument(help: "The folder to create; it must not exist yet.") var folder: String

  func run() throws {
    guard var chosen = Scale.named(scale) else {
      throw ValidationError("unknown scale '\(scale)': use S, M or L")
    }
    if let proposals {
      guard proposals > 0 else { throw ValidationError("--proposals must be positive") }
      chosen.drafts = max(1, chosen.drafts * proposals / chosen.proposals)
      chosen.proposals = proposals
    }
    guard !FileManager.default.fileExists(atPath: folder) else {
      throw ValidationError("\(folder) already exists: give a new folder")
    }
    let generator = NegotiationGenerator(scale: chosen, seed: seed, seedDraft: seedDraft) { line in
      FileHandle.standardError.write(Data((line + "\n").utf8))
    }
    let report = try generator.generate(into: folder)
    print(report.summary)
  }
}
