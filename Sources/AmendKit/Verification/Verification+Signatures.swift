import Foundation
import GitStore

extension HistoryCheck {
  /// Checks `commit`'s signature against the key the roles hold for each party it claims to be (`signers`:
  /// the delegation for a proposal or withdrawal, the person at the keyboard for everything else). A
  /// signature must verify with that party's key; one made with another party's key, or with a key the
  /// roles do not hold for it, is a breach; and with `required`, a commit in the name of a party whose key
  /// the roles hold must be signed. Nothing is checked before roles are recorded.
  func checkSignature(_ commit: Commit, signers: Set<String>, roles inForce: RolesInForce, required: Bool) throws {
    guard inForce.isRecorded else { return }
    let roles = inForce.roles
    let signature = try repository.commitSignature(commit.id)
    for signer in signers.sorted() {
      let keys = Set(roles.parties.filter { $0.party.isNamed(signer) }.compactMap { $0.party.key.flatMap(SSHSignature.normalizedPublicKey) })
      guard let signature else {
        if required, !keys.isEmpty { breach(commit, .unsigned(signer: signer)) }
        continue
      }
      guard let key = SSHSignature.publicKey(of: signature.armored) else {
        breach(commit, .signatureInvalid(signer: signer))
        continue
      }
      if keys.contains(key) {
        let good = (try? SSHSignature.verify(signature.signedData, armored: signature.armored, publicKey: key)) ?? false
        if good {
          current.signatures += 1
        } else {
          breach(commit, .signatureInvalid(signer: signer))
        }
      } else if let owner = roles.owner(ofKey: key) {
        breach(commit, .signedWithOthersKey(signer: signer, owner: owner.party.name, role: owner.role))
      } else {
        breach(commit, .signedWithUnknownKey(signer: signer))
      }
    }
  }
}
