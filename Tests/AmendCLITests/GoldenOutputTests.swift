import Foundation
import Testing

/// The output of `compile` and `agenda`, text and JSON, byte for byte against files checked by eye
/// under Golden/. `AMEND_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` writes them afresh
/// (then read the diff before committing it).
@Suite("Golden outputs: compile and agenda on the bundled example")
struct GoldenOutputTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  /// The bundled example in session: the seventh draft, every example proposal tabled
  /// (scripts/example-proposals.sh), the session "Second reading" open, the European Union's
  /// proposal accepted and Mexico's deferred. Clock, ids and committer are pinned.
  static func exampleInSession(in scratch: Scratch) throws -> String {
    let repo = scratch.path + "/example"
    let script = """
      set -euo pipefail
      . "$ROOT/scripts/example-proposals.sh"
      AMEND=$BIN REPO=$REPO
      amend_at 2010-10-12T09:00:00Z init --from "$ROOT/drafts/07-seventh-draft.md" >/dev/null
      table_example_proposals "$BIN" "$REPO" 2>/dev/null
      amend_at 2010-10-13T10:00:00Z session open "Second reading" --chair "Ambassador Ndiaye" --date 2010-10-13 >/dev/null
      amend_at 2010-10-13T10:05:00Z accept "$EU" >/dev/null
      amend_at 2010-10-13T10:26:00Z defer "$MEXICO" >/dev/null
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.environment = CLI.environment.merging(
      ["ROOT": CLI.packageRoot, "BIN": CLI.binary.path, "REPO": repo, "AMEND_NONCE": "20101012"]) { _, new in new }
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "\(said)")
    return repo
  }

  @Test("compile (text, markdown) and agenda (text, JSON) print exactly what Golden/ holds")
  func compileAndAgenda() throws {
    let scratch = try Scratch()
    let repo = try Self.exampleInSession(in: scratch)
    let outputs: [(file: String, arguments: [String])] = [
      ("compile.txt", ["compile"]),
      ("compile.md", ["compile", "--format", "markdown"]),
      ("agenda.txt", ["agenda"]),
      ("agenda.json", ["agenda", "--json"]),
    ]
    let update = ProcessInfo.processInfo.environment["AMEND_UPDATE_GOLDEN"] == "1"
    for (file, arguments) in outputs {
      let run = try CLI.run(arguments, in: repo)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(run.stderr.isEmpty, "\(arguments): \(run.stderr)")
      let url = Self.golden.appendingPathComponent(file)
      if update { try run.stdoutData.write(to: url) }
      let expected = try #require(FileManager.default.contents(atPath: url.path), "no golden file \(file)")
      #expect(
        run.stdoutData == expected,
        "\(file) differs; AMEND_UPDATE_GOLDEN=1 rewrites it:\n\(run.stdout)")
    }
  }
}
