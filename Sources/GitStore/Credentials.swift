internal import CLibGit2
import Foundation

/// Where a network operation takes credentials from, as git itself does: the SSH agent for SSH URLs,
/// the git credential helper (`git credential fill`) for HTTPS ones, and nothing at all for local
/// paths, `file://` and `git://`, which never ask.
///
/// One instance lives for one connection (it is the payload of every callback of that connection, so
/// it also keeps what a push learns); libgit2 calls its callback again after each refusal, so it tries
/// each source once and then gives up, rather than asking for ever.
final class RemoteSession {
  /// For a push: the reference whose remote value must still be `expected` (the lease).
  var lease: (reference: String, expected: ObjectID?)?
  /// The remote's value of the leased reference when it was not the expected one.
  var leaseBroken = false
  /// References the remote refused to update, with its reason.
  var rejected: [String: String] = [:]

  private var triedAgent = false
  private var triedHelper = false
  private var triedUsername = false
  /// The username and password the helper gave, to approve once the operation succeeded.
  private(set) var helperAnswer: [String: String]?
  /// Whether a source was tried and the remote still refused.
  private(set) var exhausted = false

  /// The callback libgit2 calls; its payload is an unretained `RemoteSession`.
  static let callback: git_credential_acquire_cb = { out, url, usernameFromURL, allowedTypes, payload in
    guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
    let source = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
    let address = url.map { String(cString: $0) } ?? ""
    let user = usernameFromURL.map { String(cString: $0) }
    return source.acquire(out, url: address, username: user, allowed: allowedTypes)
  }

  private func acquire(
    _ out: UnsafeMutablePointer<OpaquePointer?>, url: String, username: String?, allowed: UInt32
  ) -> Int32 {
    if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0, !triedAgent {
      triedAgent = true
      return git_credential_ssh_key_from_agent(out, username ?? "git")
    }
    if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, !triedHelper {
      triedHelper = true
      if let answer = RemoteSession.fill(url: url, username: username),
        let user = answer["username"], let password = answer["password"]
      {
        helperAnswer = answer
        return git_credential_userpass_plaintext_new(out, user, password)
      }
    }
    if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0, !triedUsername {
      triedUsername = true
      return git_credential_username_new(out, username ?? "git")
    }
    exhausted = true
    git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "authentication refused for \(url): no SSH agent key or stored credential was accepted")
    return GIT_EAUTH.rawValue
  }

  /// Tells the credential helper the answer it gave worked (`git credential approve`), so it may keep it.
  func approve(url: String) {
    guard var answer = helperAnswer else { return }
    answer.merge(RemoteSession.describe(url: url)) { mine, _ in mine }
    _ = RemoteSession.runCredential("approve", answer)
  }

  /// Asks git's credential helpers for a username and password for `url`, never prompting on the
  /// terminal: `git credential fill` with the URL's protocol, host and path. Nil when git is not
  /// installed or no helper has one.
  static func fill(url: String, username: String?, environment: [String: String] = [:]) -> [String: String]? {
    var request = describe(url: url)
    if let username { request["username"] = username }
    guard let output = runCredential("fill", request, environment: environment) else { return nil }
    var answer: [String: String] = [:]
    for line in output.split(separator: "\n") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      answer[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    return answer["password"] == nil ? nil : answer
  }

  /// protocol, host and path of `url`, as `git credential` reads them.
  static func describe(url: String) -> [String: String] {
    guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
      return ["url": url]
    }
    var fields = ["protocol": scheme, "host": components.port.map { "\(host):\($0)" } ?? host]
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    if !path.isEmpty { fields["path"] = path }
    return fields
  }

  /// Runs `git credential <action>` with `fields` on its input; its output, or nil when it failed.
  private static func runCredential(_ action: String, _ fields: [String: String], environment extra: [String: String] = [:]) -> String? {
    let git = ["/usr/bin/git", "/usr/local/bin/git", "/opt/homebrew/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let git else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: git)
    process.arguments = ["credential", action]
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["GIT_ASKPASS"] = "/bin/false"
    environment["SSH_ASKPASS"] = "/bin/false"
    environment.merge(extra) { $1 }
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    let text = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined() + "\n"
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// Fills `callbacks` so that libgit2 asks this session for credentials and tells it how a push went.
  func install(in callbacks: inout git_remote_callbacks) {
    callbacks.credentials = RemoteSession.callback
    callbacks.push_negotiation = RemoteSession.negotiation
    callbacks.push_update_reference = RemoteSession.updateReference
    callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
  }

  /// Checks the lease just before the pack is sent: the remote must still hold what was fetched.
  static let negotiation: git_push_negotiation = { updates, count, payload in
    guard let payload else { return 0 }
    let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
    guard let lease = session.lease, let updates else { return 0 }
    for index in 0..<count {
      guard let update = updates[index], let destination = update.pointee.dst_refname else { continue }
      guard String(cString: destination) == lease.reference else { continue }
      var current = update.pointee.src
      let remote: ObjectID? = git_oid_is_zero(&current) == 1 ? nil : ObjectID(current)
      if remote != lease.expected {
        session.leaseBroken = true
        git_error_set_str(Int32(GIT_ERROR_REFERENCE.rawValue), "the remote's \(lease.reference) moved since it was fetched")
        return GIT_EMODIFIED.rawValue
      }
    }
    return 0
  }

  /// Records the remote's refusal of a reference (`status` non-NULL).
  static let updateReference: git_push_update_reference_cb = { reference, status, payload in
    guard let payload, let reference, let status else { return 0 }
    let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
    session.rejected[String(cString: reference)] = String(cString: status)
    return 0
  }
}

/// What git's credential helpers hold, as amend asks them for an HTTPS remote.
public enum RemoteCredentials {
  /// The fields `git credential fill` answers for `url` (username, password, protocol, host…), asked
  /// without a terminal prompt; nil when no helper has a password for it. `environment` adds to the
  /// process's environment for the helper (tests point `GIT_CONFIG_GLOBAL` at their own file).
  public static func fill(url: String, username: String? = nil, environment: [String: String] = [:]) -> [String: String]? {
    RemoteSession.fill(url: url, username: username, environment: environment)
  }
}
