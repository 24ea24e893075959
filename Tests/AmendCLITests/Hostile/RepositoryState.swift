import Foundation
import Testing

/// Everything a refused command must leave as it was: the branch tip, every ref and tag, the index as
/// git reads it, `git status`, and the bytes of the working tree (objects aside: a refused writer may
/// leave unreachable blobs, which are not part of the record).
struct RepositoryState: Equatable, CustomStringConvertible {
  var refs: String
  var index: String
  var status: String
  var files: [String: Data]

  init(of folder: String) throws {
    refs =
      try git(["for-each-ref", "--format=%(refname) %(objectname)"], in: folder)
      + (try git(["symbolic-ref", "-q", "HEAD"], in: folder))
    index = try git(["ls-files", "--stage"], in: folder)
    status = try git(["status", "--porcelain", "--untracked-files=all"], in: folder)
    files = contents(of: folder).filter { path, _ in
      !path.hasPrefix(".git/objects") && !path.hasPrefix(".git/logs") && !path.hasPrefix(".git/amend")
    }
  }

  var description: String { "refs:\n\(refs)\nindex:\n\(index)\nstatus:\n\(status)" }
}

/// One hostile or careless input: the arguments, what must come back, and how to set the stage.
struct HostileCase: CustomTestStringConvertible, Sendable {
  var name: String
  var arguments: [String]
  /// Words the one-line error must contain (case-insensitive).
  var message: String
  var environment: [String: String] = [:]

  var testDescription: String { name }
}

/// Runs `amend` with `arguments` in `folder` and checks the promise every refusal keeps: a non-zero
/// exit, exactly one line on standard error naming the problem, nothing on the record changed.
func expectRefusal(
  _ hostile: HostileCase, in folder: String, sourceLocation: SourceLocation = #_sourceLocation
)
  throws
{
  let before = try RepositoryState(of: folder)
  let run = try CLI.run(hostile.arguments, in: folder, extra: hostile.environment)
  #expect(run.status != 0, "\(hostile.name): exit 0, stdout: \(run.stdout)", sourceLocation: sourceLocation)
  let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: true)
  #expect(lines.count == 1, "\(hostile.name): stderr is not one line: \(run.stderr)", sourceLocation: sourceLocation)
  #expect(
    run.stderr.lowercased().contains(hostile.message.lowercased()),
    "\(hostile.name): '\(run.stderr)' does not say '\(hostile.message)'", sourceLocation: sourceLocation)
  let after = try RepositoryState(of: folder)
  #expect(
    after == before, "\(hostile.name): the refusal changed the repository\nbefore \(before)\nafter \(after)",
    sourceLocation: sourceLocation)
}
