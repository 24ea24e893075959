import Foundation

/// SSH signatures in git's format (`gpg.format=ssh`): an armored `sshsig` in namespace "git", made and
/// checked by `ssh-keygen -Y`, as git itself makes and checks them.
public enum SSHSignature {
  /// What went wrong running `ssh-keygen`.
  public struct Failure: Error, Sendable, Equatable {
    /// The program run.
    public var program: String
    /// Its exit status, or nil when it could not be started.
    public var status: Int32?
    /// What it said on standard error, one line.
    public var message: String
  }

  /// Signs `data` with `key` (git's `user.signingkey`: a private key file, a public key file whose
  /// private half is in ssh-agent, or `key::ssh-ed25519 AAAA…` for a key in the agent).
  public static func sign(_ data: Data, key: String, program: String = "ssh-keygen") throws(Failure) -> String {
    var keyFile = expandingHome(key)
    var temporary: URL?
    defer { temporary.map { try? FileManager.default.removeItem(at: $0) } }
    var arguments = ["-Y", "sign", "-n", "git"]
    if key.hasPrefix("key::") {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("amend-signingkey-\(UUID().uuidString).pub")
      do {
        try Data((String(key.dropFirst(5)) + "\n").utf8).write(to: url)
      } catch {
        throw Failure(program: program, status: nil, message: "cannot write a temporary key file: \(error.localizedDescription)")
      }
      temporary = url
      keyFile = url.path
      arguments.append("-U")
    }
    arguments += ["-f", keyFile]
    let (status, output, errors) = try run(program, arguments, input: data)
    guard status == 0, output.contains("-----BEGIN SSH SIGNATURE-----") else {
      throw Failure(program: program, status: status, message: oneLine(errors.isEmpty ? "no signature written" : errors))
    }
    return output
  }

  /// Whether `armored` is a valid signature over `data` in namespace "git" made with `publicKey`
  /// ("ssh-ed25519 AAAA…"): `ssh-keygen -Y verify` against an allowed-signers list of that key alone.
  public static func verify(
    _ data: Data, armored: String, publicKey: String, program: String = "ssh-keygen"
  ) throws(Failure) -> Bool {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amend-verify-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let allowed = folder.appendingPathComponent("allowed_signers")
    let signature = folder.appendingPathComponent("commit.sig")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data("signer namespaces=\"git\" \(publicKey)\n".utf8).write(to: allowed)
      try Data(armored.utf8).write(to: signature)
    } catch {
      throw Failure(program: program, status: nil, message: "cannot write temporary files: \(error.localizedDescription)")
    }
    let (status, _, _) = try run(
      program, ["-Y", "verify", "-f", allowed.path, "-I", "signer", "-n", "git", "-s", signature.path], input: data)
    return status == 0
  }

  /// The public key ("ssh-ed25519 AAAA…", type and base64 blob) a signature says it was made with, read
  /// from the `sshsig` structure itself; nil when `armored` is not an SSH signature.
  public static func publicKey(of armored: String) -> String? {
    let body = armored.split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("-----") }
      .joined()
    guard let blob = Data(base64Encoded: body), blob.count > 10, blob.prefix(6) == Data("SSHSIG".utf8) else { return nil }
    var reader = blob.dropFirst(10)  // magic and version
    guard let key = readString(&reader), var inner = Optional(key[...]), let type = readString(&inner) else { return nil }
    guard let name = String(data: type, encoding: .utf8) else { return nil }
    return "\(name) \(key.base64EncodedString())"
  }

  /// "type base64" of a public key line ("ssh-ed25519 AAAA… comment"), comment dropped; nil when the
  /// line is not one.
  public static func normalizedPublicKey(_ line: String) -> String? {
    let fields = line.split(whereSeparator: \.isWhitespace)
    guard fields.count >= 2, fields[0].hasPrefix("ssh-") || fields[0].hasPrefix("ecdsa-") || fields[0].hasPrefix("sk-"),
      let blob = Data(base64Encoded: String(fields[1])), !blob.isEmpty
    else { return nil }
    var reader = blob[...]
    guard let type = readString(&reader), String(data: type, encoding: .utf8) == String(fields[0]) else { return nil }
    return "\(fields[0]) \(fields[1])"
  }

  /// Reads one SSH wire-format string (a 32-bit big-endian length, then the bytes).
  private static func readString(_ data: inout Data.SubSequence) -> Data? {
    guard data.count >= 4 else { return nil }
    let bytes = Array(data.prefix(4))
    let length = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
    data = data.dropFirst(4)
    guard data.count >= length else { return nil }
    let value = Data(data.prefix(length))
    data = data.dropFirst(length)
    return value
  }

  static func expandingHome(_ path: String) -> String {
    guard path.hasPrefix("~/") else { return path }
    return FileManager.default.homeDirectoryForCurrentUser.path + String(path.dropFirst(1))
  }

  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      .joined(separator: "; ")
  }

  /// Runs `program` (looked up on PATH) with `input` on standard input; returns status, stdout, stderr.
  private static func run(_ program: String, _ arguments: [String], input: Data) throws(Failure) -> (Int32, String, String) {
    let process = Process()
    if program.contains("/") {
      process.executableURL = URL(fileURLWithPath: expandingHome(program))
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [program] + arguments
    }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    do {
      try process.run()
    } catch {
      throw Failure(program: program, status: nil, message: error.localizedDescription)
    }
    // Output is read on another thread while input is written, so neither side can block the other.
    let collected = OutputCollector()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      collected.errors = stderr.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      collected.output = stdout.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    stdin.fileHandleForWriting.write(input)
    try? stdin.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: collected.output, as: UTF8.self),
      String(decoding: collected.errors, as: UTF8.self)
    )
  }
}

/// What a child process wrote, filled by two reader threads before the process is waited for.
private final class OutputCollector: @unchecked Sendable {
  var output = Data()
  var errors = Data()
}
