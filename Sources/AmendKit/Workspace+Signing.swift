import Foundation
import GitStore

extension Workspace {
  /// Whether this command signs its commits: `Context.sign` when given, else git config `amend.sign`.
  public func signs() throws -> Bool {
    if let sign = context.sign { return sign }
    return try repository.configBool("amend.sign") ?? false
  }

  /// The signer of this command's commits, or nil when it does not sign: an SSH signature in git's format
  /// made by `ssh-keygen -Y sign -n git` (or git config `gpg.ssh.program`) with git config
  /// `user.signingkey`, read as git reads it.
  func signer() throws -> CommitSigner? {
    guard try signs() else { return nil }
    guard let key = try repository.configString("user.signingkey"), !key.isEmpty else { throw SigningError.noSigningKey }
    let program = try repository.configString("gpg.ssh.program").flatMap { $0.isEmpty ? nil : $0 } ?? "ssh-keygen"
    return CommitSigner { data in
      do {
        return try SSHSignature.sign(data, key: key, program: program)
      } catch let failure as SSHSignature.Failure {
        throw SigningError.failed(key: key, program: program, reason: failure.message)
      }
    }
  }
}
