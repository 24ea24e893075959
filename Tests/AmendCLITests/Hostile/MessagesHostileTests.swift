import AmendKit
import Foundation
import Testing

/// Messages say what happened: every argument error is one line, every failure of git is named by its
/// kind with what to do, and "the repository may be damaged" is said only of a damaged repository.
@Suite("Messages say what happened")
struct MessagesHostileTests {
  /// The seventh draft with one proposal tabled (d851302d), as every case below finds it.
  static func negotiation(seed: String = CLI.seed) throws -> Scratch {
    let scratch = try Scratch()
    try expectSuccess(["init", "--from", seed], in: scratch.path)
    try expectSuccess(
      ["propose", "7.b", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"],
      in: scratch.path)
    return scratch
  }

  static func expectSuccess(_ arguments: [String], in folder: String, extra: [String: String] = [:]) throws {
    let run = try CLI.run(arguments, in: folder, extra: extra)
    try #require(run.status == 0, "\(arguments): \(run.stderr)")
  }

  static let usage: [HostileCase] = [
    HostileCase(
      name: "unknown flag", arguments: ["propose", "7.b", "--by", "EU", "--delete", "labor", "--bogus"],
      message: "unknown option '--bogus' (see 'amend help propose')"),
    HostileCase(
      name: "missing value at the end", arguments: ["propose", "7.b", "--by", "EU", "--replace", "labor", "--with"],
      message: "missing value for '--with"),
    HostileCase(
      name: "an option where the words should be",
      arguments: ["propose", "7.b", "--by", "EU", "--replace", "labor", "--with", "--at-end"],
      message: "it is an option, so the text is missing"),
    HostileCase(
      name: "no clause", arguments: ["propose", "--by", "EU", "--delete", "labor"],
      message: "missing expected argument '<clause>'"),
    HostileCase(
      name: "no delegation", arguments: ["propose", "7.b", "--delete", "labor"],
      message: "missing expected argument '--by"),
    HostileCase(
      name: "two operations at once", arguments: ["propose", "7.b", "--by", "EU", "--delete", "labor", "--text", "x"],
      message: "one operation per proposal"),
    HostileCase(name: "no operation", arguments: ["propose", "7.b", "--by", "EU"], message: "say what the amendment does"),
    HostileCase(
      name: "--with without --replace", arguments: ["propose", "7.b", "--by", "EU", "--with", "x"],
      message: "--with goes with --replace"),
    HostileCase(
      name: "--replace without --with", arguments: ["propose", "7.b", "--by", "EU", "--replace", "labor"],
      message: "--replace needs --with"),
    HostileCase(
      name: "--insert without a place", arguments: ["propose", "7.b", "--by", "EU", "--insert", "x"],
      message: "--insert needs exactly one of"),
    HostileCase(
      name: "--insert with two places",
      arguments: ["propose", "7.b", "--by", "EU", "--insert", "x", "--after", "labor", "--at-end"],
      message: "--insert needs exactly one of"),
    HostileCase(
      name: "--after without --insert", arguments: ["propose", "7.b", "--by", "EU", "--after", "labor"],
      message: "go with --insert"),
    HostileCase(
      name: "negative occurrence",
      arguments: ["propose", "7.b", "--by", "EU", "--replace", "of", "--with", "for", "--occurrence", "-1"],
      message: "--occurrence counts from 1"),
    HostileCase(
      name: "occurrence zero",
      arguments: ["propose", "7.b", "--by", "EU", "--replace", "of", "--with", "for", "--occurrence", "0"],
      message: "--occurrence counts from 1"),
    HostileCase(
      name: "occurrence not a number",
      arguments: ["propose", "7.b", "--by", "EU", "--replace", "of", "--with", "for", "--occurrence", "two"],
      message: "the value 'two' is invalid for '--occurrence"),
    HostileCase(
      name: "occurrence without words", arguments: ["propose", "7.b", "--by", "EU", "--text", "x", "--occurrence", "1"],
      message: "--occurrence goes with"),
    HostileCase(
      name: "--before without words", arguments: ["propose", "7.b", "--by", "EU", "--insert", "x", "--before"],
      message: "--before needs the words"),
    HostileCase(
      name: "--before with words beginning with '-'",
      arguments: ["propose", "7.b", "--by", "EU", "--insert", "x", "--before", "-labor"],
      message: "written --before=-"),
    HostileCase(
      name: "missing co-sponsor", arguments: ["propose", "7.b", "--by", "EU", "--delete", "labor", "--cosponsor"],
      message: "missing value for '--cosponsor"),
    HostileCase(name: "unknown command", arguments: ["frob"], message: "unknown command 'frob' (see 'amend help')"),
    HostileCase(
      name: "unknown session command", arguments: ["session", "frob"],
      message: "unexpected argument 'frob' (see 'amend help session')"),
    HostileCase(
      name: "session without a name", arguments: ["session", "open", "--chair", "C"],
      message: "missing expected argument '<name>' (see 'amend help session open')"),
    HostileCase(
      name: "session without a chair", arguments: ["session", "open", "Second reading"],
      message: "missing expected argument '--chair"),
    HostileCase(name: "accept without an id", arguments: ["accept"], message: "missing expected argument '<id>'"),
    HostileCase(name: "log limit not a number", arguments: ["log", "--limit", "many"], message: "invalid for '--limit"),
    HostileCase(name: "diff draft not a number", arguments: ["diff", "seven"], message: "the value 'seven' is invalid"),
    HostileCase(name: "show with two clauses", arguments: ["show", "7.b", "7.c"], message: "unexpected argument '7.c'"),
    HostileCase(name: "init without a file", arguments: ["init"], message: "missing expected argument '--from"),
    HostileCase(name: "withdraw without a delegation", arguments: ["withdraw", "d851"], message: "'--by"),
  ]

  @Test("Argument errors are one line, exit 64 and change nothing", arguments: usage)
  func argumentErrors(_ hostile: HostileCase) throws {
    let scratch = try Self.negotiation()
    try expectRefusal(hostile, in: scratch.path)
    let run = try CLI.run(hostile.arguments, in: scratch.path)
    #expect(run.status == 64, "\(hostile.name): exit \(run.status)")
    #expect(run.stderr.hasPrefix("amend: error: "), "\(hostile.name): \(run.stderr)")
  }

  static let refusals: [HostileCase] = [
    HostileCase(
      name: "bad date", arguments: ["session", "open", "S", "--chair", "C", "--date", "2010-13-45"],
      message: "is not a date"),
    HostileCase(name: "bad date for next", arguments: ["next", "--date", "yesterday"], message: "is not a date"),
    HostileCase(name: "bad --format for compile", arguments: ["compile", "--format", "rtf"], message: "unknown format"),
    HostileCase(name: "bad --format for diff", arguments: ["diff", "--format", "odt"], message: "unknown format"),
    HostileCase(name: "bad --status", arguments: ["proposals", "--status", "maybe"], message: "unknown status 'maybe'"),
    HostileCase(name: "unknown proposal", arguments: ["proposal", "ffff"], message: "no proposal 'ffff'"),
    HostileCase(name: "too short a prefix", arguments: ["proposal", "d8"], message: "no proposal 'd8'"),
    HostileCase(name: "a decision with no session", arguments: ["accept", "d851"], message: "no session is open"),
    HostileCase(
      name: "unknown clause", arguments: ["propose", "99.z", "--by", "EU", "--delete", "x"],
      message: "unknown clause \"99.z\""),
    HostileCase(name: "unknown clause to show", arguments: ["show", "99"], message: "unknown clause \"99\""),
    HostileCase(name: "unknown clause's history", arguments: ["history", "99"], message: "unknown clause \"99\""),
    HostileCase(
      name: "words that do not occur", arguments: ["propose", "7.b", "--by", "EU", "--delete", "forced labour"],
      message: "do not occur"),
    HostileCase(
      name: "words that occur twice", arguments: ["propose", "7.b", "--by", "EU", "--replace", "of", "--with", "for"],
      message: "occur 2 times"),
    HostileCase(
      name: "occurrence past the last",
      arguments: ["propose", "7.b", "--by", "EU", "--replace", "of", "--with", "for", "--occurrence", "3"],
      message: "no occurrence 3"),
    HostileCase(
      name: "--repo of a missing folder", arguments: ["show", "--repo", "/nonexistent/amend"], message: "no such folder"),
    HostileCase(name: "--repo of a file", arguments: ["show", "--repo", "drafts/07-seventh-draft.md"], message: "no such folder"),
    HostileCase(name: "--repo of a non-repository", arguments: ["show", "--repo", "/"], message: "not inside a negotiation repository"),
    HostileCase(
      name: "malformed committer", arguments: ["propose", "7.b", "--by", "EU", "--delete", "labor"],
      message: "not of the form 'Name <email>'", environment: ["AMEND_COMMITTER": "nobody"]),
    HostileCase(
      name: "malformed AMEND_NOW", arguments: ["propose", "7.b", "--by", "EU", "--delete", "labor"],
      message: "is not an ISO 8601 time", environment: ["AMEND_NOW": "tomorrow"]),
    HostileCase(
      name: "withdrawal by someone else", arguments: ["withdraw", "d851", "--by", "Norway"],
      message: "Norway cannot withdraw"),
  ]

  @Test("Refusals while running are one line, exit 1 and change nothing", arguments: refusals)
  func runRefusals(_ hostile: HostileCase) throws {
    let scratch = try Self.negotiation()
    try expectRefusal(hostile, in: scratch.path)
  }

  @Test("An id prefix shared by two proposals is refused as ambiguous")
  func ambiguousPrefix() throws {
    let scratch = try Self.negotiation()
    let record = try String(contentsOfFile: scratch.path + "/" + ProposalRecord.path(for: "d851302d"), encoding: .utf8)
    try record.replacingOccurrences(of: "id: d851302d", with: "id: d851ffff")
      .write(toFile: scratch.path + "/" + ProposalRecord.path(for: "d851ffff"), atomically: true, encoding: .utf8)
    try git(["add", "proposals"], in: scratch.path)
    try git(["-c", "user.name=S", "-c", "user.email=s@x", "commit", "-qm", "A second record"], in: scratch.path)
    try expectRefusal(
      HostileCase(name: "ambiguous prefix", arguments: ["proposal", "d851"], message: "is ambiguous"), in: scratch.path)
  }

  @Test("A detached HEAD, and HEAD on a branch with no commits beside the drafts, are named")
  func headElsewhere() throws {
    let scratch = try Self.negotiation()
    try git(["checkout", "-q", "--detach"], in: scratch.path)
    try expectRefusal(
      HostileCase(name: "detached", arguments: ["propose", "7.b", "--by", "EU", "--delete", "labor"], message: "HEAD is detached"),
      in: scratch.path)
    try git(["checkout", "-q", "main"], in: scratch.path)
    try git(["symbolic-ref", "HEAD", "refs/heads/master"], in: scratch.path)
    for arguments in [["propose", "7.b", "--by", "EU", "--delete", "labor"], ["show", "7.b"]] {
      try expectRefusal(
        HostileCase(name: "unborn HEAD branch", arguments: arguments, message: "HEAD names the branch 'master', which has no commits"),
        in: scratch.path)
    }
  }

  // MARK: - Faults: each its own message, none "may be damaged"

  static let proposing = ["propose", "7.b", "--by", "EU", "--delete", "labor"]

  static func expectFault(_ hostile: HostileCase, in folder: String) throws {
    try expectRefusal(hostile, in: folder)
    let run = try CLI.run(hostile.arguments, in: folder, extra: hostile.environment)
    #expect(!run.stderr.contains("may be damaged"), "\(hostile.name): \(run.stderr)")
  }

  @Test("A held ref lock names the lock file")
  func lockedReference() throws {
    let scratch = try Self.negotiation()
    let lock = scratch.path + "/.git/refs/heads/main.lock"
    _ = FileManager.default.createFile(atPath: lock, contents: Data())
    try Self.expectFault(HostileCase(name: "locked ref", arguments: Self.proposing, message: "main.lock is held"), in: scratch.path)
  }

  @Test(
    "Names and e-mails git would refuse are refused before anything is written",
    arguments: [
      HostileCase(
        name: "committer with '<'", arguments: ["propose", "7.b", "--by", "EU", "--delete", "labor"],
        message: "contains < or >", environment: ["AMEND_COMMITTER": "A<b <a@example.org>"]),
      HostileCase(
        name: "e-mail with '>'", arguments: ["propose", "7.b", "--by", "EU", "--delete", "labor", "--email", "eu>@x.org"],
        message: "contains < or >"),
    ])
  func refusedSignatures(_ hostile: HostileCase) throws {
    let scratch = try Self.negotiation()
    try Self.expectFault(hostile, in: scratch.path)
  }

  @Test("A damaged repository, and only that, may be damaged")
  func damaged() throws {
    let scratch = try Self.negotiation()
    let tree = try git(["rev-parse", "HEAD^{tree}"], in: scratch.path).trimmingCharacters(in: .whitespacesAndNewlines)
    let object = scratch.path + "/.git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))"
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object)
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: object))
    try expectRefusal(
      HostileCase(name: "damaged tree", arguments: ["show", "7.b"], message: "the repository may be damaged"), in: scratch.path)
  }

  /// Whether this process may mount file systems in a private namespace (root, as in CI's container).
  static let canMount: Bool = {
    guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    probe.arguments = ["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"]
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return false }
    probe.waitUntilExit()
    return probe.terminationStatus == 0
  }()

  /// Runs `amend` after `setup` (shell, in a private mount namespace when root, so nothing mounted
  /// outlives it), and checks the refusal's promise.
  static func expectFault(_ hostile: HostileCase, setup: String, in folder: String) throws {
    let before = try RepositoryState(of: folder)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: canMount ? "/usr/bin/unshare" : "/bin/sh")
    let script = "\(setup) && exec \"$0\" \"$@\""
    process.arguments = (canMount ? ["-m", "sh"] : []) + ["-c", script, CLI.binary.path] + hostile.arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = CLI.environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus != 0, "\(hostile.name): exit 0")
    #expect(stderr.split(separator: "\n").count == 1, "\(hostile.name): \(stderr)")
    #expect(stderr.lowercased().contains(hostile.message.lowercased()), "\(hostile.name): \(stderr)")
    #expect(!stderr.contains("may be damaged"), "\(hostile.name): \(stderr)")
    #expect(try RepositoryState(of: folder) == before, "\(hostile.name) changed the repository")
  }

  /// A read-only mount when root (who ignores permissions); the permissions themselves otherwise.
  static func readOnly(_ path: String) -> String {
    canMount ? "mount --bind \(path) \(path) && mount -o remount,ro,bind \(path)" : "chmod -R a-w \(path)"
  }

  @Test("A read-only repository is named as such", arguments: [".git", ".git/objects", ".git/refs"])
  func readOnlyRepository(_ path: String) throws {
    let scratch = try Self.negotiation()
    try Self.expectFault(
      HostileCase(name: "read-only \(path)", arguments: Self.proposing, message: Self.canMount ? "read-only" : "permission denied"),
      setup: Self.readOnly(path), in: scratch.path)
    if !Self.canMount { _ = try GitCLIChmod.restore(scratch.path + "/" + path) }
  }

  /// A full disk: the repository copied onto a 1 MB tmpfs that is then filled (needs root for the mount).
  @Test("A full disk is named as such", .enabled(if: canMount))
  func fullDisk() throws {
    let scratch = try Self.negotiation()
    let disk = try Scratch()
    let notes = try Scratch()
    let setup = """
      mount -t tmpfs -o size=1m tmpfs \(disk.path) && cp -a . \(disk.path)/r && cd \(disk.path)/r \
      && { dd if=/dev/zero of=\(disk.path)/fill bs=4k 2>/dev/null; true; } \
      && git for-each-ref > \(notes.path)/refs
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    let script = "\(setup) && \"$0\" \"$@\"; status=$?; git for-each-ref | cmp -s - \(notes.path)/refs || exit 99; exit $status"
    process.arguments = ["-m", "sh", "-c", script, CLI.binary.path] + Self.proposing
    process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
    process.environment = CLI.environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1, "exit \(process.terminationStatus): \(stderr)")
    #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
    #expect(stderr.contains("the disk is full"), "\(stderr)")
    #expect(!stderr.contains("may be damaged"), "\(stderr)")
  }
}

/// Gives back write permission taken for a test run without root.
enum GitCLIChmod {
  static func restore(_ path: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/chmod")
    process.arguments = ["-R", "u+w", path]
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
