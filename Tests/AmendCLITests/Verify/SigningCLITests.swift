import Foundation
import GitCLISupport
import Testing

/// SSH keys made with ssh-keygen in a scratch folder, one for each party.
struct Keys {
  let folder: Scratch

  init(_ names: [String]) throws {
    folder = try Scratch()
    for name in names {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
      process.arguments = ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", "\(folder.path)/\(name)"]
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else { throw StageFailure(message: "ssh-keygen exited \(process.terminationStatus)") }
    }
  }

  func privateKey(_ name: String) -> String { "\(folder.path)/\(name)" }
  func publicKey(_ name: String) -> String { "\(folder.path)/\(name).pub" }

  /// An allowed-signers file for `git verify-commit`: each party's key under its name.
  func allowedSigners(_ names: [String]) throws -> String {
    let path = "\(folder.path)/allowed_signers"
    var text = ""
    for name in names {
      text += "\(name) namespaces=\"git\" \(try String(contentsOfFile: publicKey(name), encoding: .utf8))"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }
}

@Suite("signed records")
struct SigningCLITests {
  /// Roles with keys: the secretariat's, the European Union's and the Group of African States'.
  static func signedStage() throws -> (NegotiationStage, Keys) {
    let keys = try Keys(["secretariat", "eu", "au"])
    let stage = try NegotiationStage(draft: false)
    try GitCLI.run(["config", "user.signingkey", keys.privateKey("secretariat")], in: stage.path)
    try stage.amend(["roles", "set", "--secretariat", "Secretariat", "--key", keys.publicKey("secretariat"), "--sign"])
    try stage.amend(["roles", "set", "--delegation", "European Union", "--key", keys.publicKey("eu"), "--sign"])
    try stage.amend(["roles", "set", "--delegation", "Group of African States", "--key", keys.publicKey("au"), "--sign"])
    return (stage, keys)
  }

  @Test("signed commits verify, in amend verify and in git verify-commit with an allowed-signers file")
  func signedAndChecked() throws {
    let (stage, keys) = try Self.signedStage()
    try GitCLI.run(["config", "user.signingkey", keys.privateKey("eu")], in: stage.path)
    let id = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.europeanUnion, extra: ["--sign"])
    let header = try GitCLI.run(["cat-file", "commit", "HEAD"], in: stage.path)
    #expect(header.contains("\ngpgsig -----BEGIN SSH SIGNATURE-----\n"))
    #expect(header.contains(" -----END SSH SIGNATURE-----\n\nTable \(id)"))
    let allowed = try keys.allowedSigners(["secretariat", "eu"])
    for commit in ["HEAD", "HEAD~1", "HEAD~2", "HEAD~3"] {
      let checked = try GitCLI.status(
        ["-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=\(allowed)", "verify-commit", commit], in: stage.path)
      #expect(checked.status == 0, "\(commit): \(checked.standardError)")
    }
    let run = try CLI.run(["verify"], in: stage.path)
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.hasSuffix("no draft produced, 4 signatures good, no breach\n"), "\(run.stdout)")
    #expect(try fsckIsClean(stage.path))
  }

  @Test("amend.sign=true signs without --sign; a chain of next is signed commit by commit")
  func signAlways() throws {
    let (stage, keys) = try Self.signedStage()
    try GitCLI.run(["config", "amend.sign", "true"], in: stage.path)
    try stage.amend(["roles", "set", "--chair", "Ambassador Ndiaye"])
    try GitCLI.run(["config", "user.signingkey", keys.privateKey("eu")], in: stage.path)
    let id = try stage.table("European Union", ["--replace", "forced labor", "--with", "forced labour"], as: NegotiationStage.europeanUnion)
    try GitCLI.run(["config", "user.signingkey", keys.privateKey("secretariat")], in: stage.path)
    try stage.amend(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"])
    try stage.amend(["accept", id])
    try stage.amend(["session", "close"])
    try stage.amend(["next"])
    for commit in try GitCLI.lines(["rev-list", "HEAD", "-8"], in: stage.path) {
      #expect(
        try GitCLI.run(["cat-file", "commit", commit], in: stage.path).contains("\ngpgsig -----BEGIN SSH SIGNATURE-----"), "\(commit) unsigned")
    }
    let run = try CLI.run(["verify"], in: stage.path)
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("drafts 8 re-derived"), "\(run.stdout)")
  }

  @Test("a proposal signed with another delegation's key")
  func anotherDelegationsKey() throws {
    let (stage, keys) = try Self.signedStage()
    try GitCLI.run(["config", "user.signingkey", keys.privateKey("au")], in: stage.path)
    _ = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.africanGroup, extra: ["--sign"])
    let commit = try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    expectOneBreach(
      try stage.verify(), commit: commit, saying: "signed in the name of European Union with the key of delegation Group of African States")
  }

  @Test("a forged signature: a signed commit's message changed, its signature kept")
  func forged() throws {
    let (stage, keys) = try Self.signedStage()
    try GitCLI.run(["config", "user.signingkey", keys.privateKey("eu")], in: stage.path)
    _ = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.europeanUnion, extra: ["--sign"])
    let object = try GitCLI.run(["cat-file", "commit", "HEAD"], in: stage.path)
    let tampered = object.replacingOccurrences(of: "Table ", with: "Table (revised) ")
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("forged-\(UUID().uuidString)")
    try Data(tampered.utf8).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let forged = try GitCLI.run(["hash-object", "-t", "commit", "-w", input.path], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    try GitCLI.run(["update-ref", "refs/heads/main", forged], in: stage.path)
    expectOneBreach(try stage.verify(), commit: String(forged.prefix(7)), saying: "signature of European Union does not verify")
  }

  @Test("an unsigned proposal of a delegation whose key the roles hold")
  func unsigned() throws {
    let (stage, _) = try Self.signedStage()
    _ = try stage.table("European Union", ["--delete-clause"], as: NegotiationStage.europeanUnion)
    let commit = try GitCLI.run(["rev-parse", "--short=7", "HEAD"], in: stage.path).trimmingCharacters(in: .whitespacesAndNewlines)
    expectOneBreach(try stage.verify(), commit: commit, saying: "not signed, although the roles hold a key for European Union")
  }

  @Test("--sign without user.signingkey is refused")
  func noKey() throws {
    let stage = try NegotiationStage(draft: false)
    try expectRefusal(
      HostileCase(
        name: "no signing key", arguments: ["propose", "7 (b)", "--by", "European Union", "--delete-clause", "--sign"],
        message: "git config user.signingkey is not set", environment: ["HOME": stage.path]), in: stage.path)
  }
}
