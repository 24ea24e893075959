/// Why a commit could not be signed.
public enum SigningError: Error, Equatable, Sendable {
  /// Signing was asked for (`--sign`, `amend.sign`) but git config `user.signingkey` is not set.
  case noSigningKey
  /// `ssh-keygen` failed to sign with `key`.
  case failed(key: String, program: String, reason: String)
}
