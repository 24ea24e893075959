import Foundation
import GitCLISupport
import Testing

/// A negotiation with roles recorded, played through the real `amend`: the secretariat names a chair and
/// two delegations, each delegation tables on 7 (b), the chair accepts both in a session, and the
/// secretariat produces the eighth draft.
struct NegotiationStage {
  static let secretariat = ["AMEND_COMMITTER": "Secretariat <secretariat@example.org>"]
  static let chair = ["AMEND_COMMITTER": "Ambassador Ndiaye <ndiaye@example.org>"]
  static let europeanUnion = ["AMEND_COMMITTER": "European Union <clerk@eu.example.org>"]
  static let africanGroup = ["AMEND_COMMITTER": "Group of African States <clerk@au.example.org>"]

  let scratch: Scratch
  var path: String { scratch.path }
  /// The proposals of the European Union and of the Group of African States.
  var european = ""
  var african = ""

  /// The stage up to the roles (`draft: false`) or through the eighth draft.
  init(draft: Bool = true) throws {
    scratch = try Scratch()
    try amend(["init", "--from", CLI.seed])
    try amend(["roles", "set", "--chair", "Ambassador Ndiaye"])
    try amend(["roles", "set", "--delegation", "European Union"])
    try amend(["roles", "set", "--delegation", "Group of African States"])
    guard draft else { return }
    european = try table("European Union", ["--replace", "forced labor", "--with", "forced labour"], as: Self.europeanUnion)
    african = try table("Group of African States", ["--insert", ", smuggling", "--after", "trafficking"], as: Self.africanGroup)
    try amend(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"], as: Self.chair)
    try amend(["accept", european], as: Self.chair)
    try amend(["accept", african], as: Self.chair)
    try amend(["session", "close"], as: Self.chair)
    try amend(["next"])
  }

  /// Runs amend and requires it to succeed.
  @discardableResult
  func amend(_ arguments: [String], as person: [String: String] = NegotiationStage.secretariat) throws -> Run {
    let run = try CLI.run(arguments, in: path, extra: person)
    guard run.status == 0 else {
      throw StageFailure(message: "amend \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
    }
    return run
  }

  /// Tables on 7 (b) for `delegation`; returns the proposal's id.
  func table(_ delegation: String, _ operation: [String], as person: [String: String], extra: [String] = []) throws -> String {
    let run = try amend(["propose", "7 (b)", "--by", delegation] + operation + extra, as: person)
    return String(run.stdout.prefix(8))
  }

  /// Runs `amend verify`: its exit status and its lines.
  func verify() throws -> (status: Int32, lines: [String]) {
    let run = try CLI.run(["verify"], in: path)
    return (run.status, run.stdout.split(separator: "\n").map(String.init))
  }

  /// Commits everything in the working tree with plain git, as `name`, and returns the commit's short id.
  @discardableResult
  func commitWithGit(as name: String, message: String) throws -> String {
    let email = ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": "x@example.org", "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": "x@example.org"]
    try GitCLI.run(["add", "-A"], in: path)
    try GitCLI.run(["commit", "-q", "-m", message], in: path, environment: email)
    return try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: path).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func write(_ text: String, to relative: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + relative))
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
  }
}

/// A step of the stage that did not do what it should.
struct StageFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// `verify` found exactly one breach, in `commit`, saying `words`.
func expectOneBreach(
  _ result: (status: Int32, lines: [String]), commit: String, saying words: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.status == 1, "verify exited \(result.status): \(result.lines)", sourceLocation: sourceLocation)
  #expect(result.lines.count == 1, "not one breach: \(result.lines)", sourceLocation: sourceLocation)
  #expect(
    result.lines.first?.hasPrefix("\(commit): ") == true && result.lines.first?.contains(words) == true,
    "expected '\(commit): …\(words)…', got \(result.lines)", sourceLocation: sourceLocation)
}
