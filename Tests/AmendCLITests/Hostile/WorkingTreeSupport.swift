import Foundation
import Testing

/// A negotiation taken step by step through every kind of write, so that a test can stop at any step
/// and run the next command under hostile conditions.
struct NegotiationScript {
  /// What each step runs; `{A}`, `{B}`, `{C}` stand for the ids the proposals were given.
  static let steps: [(name: String, arguments: [String])] = [
    ("init", ["init", "--from", CLI.seed]),
    ("propose", ["propose", "7 (b)", "--by", "European Union", "--replace", "labor", "--with", "labour"]),
    ("propose", ["propose", "4 (a)", "--by", "Norway", "--insert", "and dignity", "--at-end"]),
    ("propose", ["propose", "4 (a)", "--by", "Brazil", "--insert", "in full", "--at-end"]),
    ("withdraw", ["withdraw", "{C}", "--by", "Brazil"]),
    ("session open", ["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"]),
    ("accept", ["accept", "{A}"]),
    ("reject", ["reject", "{B}"]),
    ("session close", ["session", "close"]),
    ("next", ["next"]),
  ]

  /// The step index of each write command worth testing once.
  static let commands: [Int] = [1, 4, 5, 6, 7, 8, 9]

  let folder: String
  var ids: [String: String] = [:]

  /// A folder under `scratch` where steps `0..<count` have run: a copy of the prepared stage.
  init(in scratch: Scratch, name: String = "base", through count: Int) throws {
    folder = scratch.path + "/" + name
    let prepared = try NegotiationScript.prepared.get()
    try copyRepository(prepared.root + "/stage-\(count)", to: folder)
    ids = prepared.ids
  }

  private init(folder: String) {
    self.folder = folder
  }

  /// The negotiation run once per test process, a copy kept before each step.
  static let prepared: Result<(root: String, ids: [String: String]), any Error> = Result {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("amend-prepared-\(UUID().uuidString)").path
    preparedRoot.withLock { $0 = root }
    atexit { preparedRoot.withLock { if let root = $0 { try? FileManager.default.removeItem(atPath: root) } } }
    var script = NegotiationScript(folder: root + "/work")
    try FileManager.default.createDirectory(atPath: script.folder, withIntermediateDirectories: true)
    for index in 0..<steps.count {
      try copyRepository(script.folder, to: root + "/stage-\(index)")
      try script.run(step: index)
    }
    try copyRepository(script.folder, to: root + "/stage-\(steps.count)")
    return (root, script.ids)
  }

  /// The arguments of step `index`, with the proposal ids filled in.
  func arguments(step index: Int) -> [String] {
    NegotiationScript.steps[index].arguments.map { argument in
      ids.reduce(argument) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
  }

  mutating func run(step index: Int) throws {
    let done = try CLI.run(arguments(step: index), in: folder)
    guard done.status == 0 else {
      Issue.record("step \(index) \(arguments(step: index)) failed: \(done.stderr)")
      return
    }
    if NegotiationScript.steps[index].name == "propose" {
      ids[["A", "B", "C"][ids.count]] = String(done.stdout.prefix(8))
    }
  }
}

private let preparedRoot = Locked<String?>(nil)

/// Copies `folder` (repository and working tree) to `destination` with `cp -a`.
func copyRepository(_ folder: String, to destination: String) throws {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/cp")
  process.arguments = ["-a", folder, destination]
  try process.run()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
}

/// Runs a shell command line in `folder`; returns its exit status and output.
@discardableResult
func shell(_ command: String, in folder: String) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", command]
  process.currentDirectoryURL = URL(fileURLWithPath: folder)
  process.environment = CLI.environment.merging(["GIT_CONFIG_GLOBAL": "/dev/null"]) { $1 }
  let output = Pipe()
  process.standardOutput = output
  process.standardError = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// What is wrong with the index against the branch tip: staged differences (`git diff --cached HEAD`)
/// and files both staged as deleted and untracked. Empty when the index is in step.
func indexLag(in folder: String) throws -> String {
  let staged = try git(["diff", "--cached", "--name-status", "HEAD"], in: folder)
  let status = try git(["status", "--porcelain", "--untracked-files=all"], in: folder)
    .split(separator: "\n").map(String.init)
  let deleted = Set(status.filter { $0.hasPrefix("D ") }.map { String($0.dropFirst(3)) })
  let untracked = Set(status.filter { $0.hasPrefix("?? ") }.map { String($0.dropFirst(3)) })
  let pairs = deleted.intersection(untracked).sorted().map { "D+?? \($0)" }
  return (staged + pairs.joined(separator: "\n")).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Every file of the record (drafts and proposals) at HEAD.
func recordFiles(in folder: String) throws -> Set<String> {
  Set(
    try git(["ls-tree", "-r", "--name-only", "HEAD", "--", "drafts", "proposals"], in: folder)
      .split(separator: "\n").map(String.init))
}

/// Runs an ordinary `git commit -am x --allow-empty`, as a secretariat member might, and returns the
/// record files it dropped from HEAD (a commit git refuses, for example on a held lock, drops none).
func filesDroppedByOrdinaryCommit(in folder: String) throws -> Set<String> {
  let before = try recordFiles(in: folder)
  try shell("git -c user.name=Clerk -c user.email=clerk@example.org commit -qam x --allow-empty", in: folder)
  return before.subtracting(try recordFiles(in: folder))
}
