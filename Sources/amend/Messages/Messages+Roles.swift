import AmendKit

extension Messages {
  /// A refusal by the roles the secretariat recorded, or a roles change that cannot be made.
  static func role(_ error: RoleError) -> String {
    switch error {
    case .notADelegation(let name):
      return "'\(name)' is not a participating delegation in roles.yaml: the secretariat adds it with 'amend roles set --delegation \"\(name)\"'"
    case .notChairOrSecretariat(let person, let act):
      return "only a chair or the secretariat may \(actWords(act)); '\(person)', at the keyboard, is neither ('amend roles' lists them)"
    case .notAChair(let name):
      return "'\(name)' is not a chair in roles.yaml: the secretariat adds one with 'amend roles set --chair \"\(name)\"'"
    case .notSecretariat(let person, let secretariat):
      return "only the secretariat (\(secretariat)) may change the roles; '\(person)', at the keyboard, is not it"
    case .deadlineNotBySecretariat(let person, let secretariat):
      return "only the secretariat (\(secretariat)) sets the deadline for amendments; '\(person)', at the keyboard, is not it"
    case .notListed(let role, let name):
      return "'\(name)' is not a \(role.rawValue) in roles.yaml: 'amend roles' lists them"
    case .keyUnreadable(let path):
      return "cannot read the public key file '\(path)'"
    case .notAPublicKey(let path):
      return "'\(path)' is not an SSH public key file (one line such as 'ssh-ed25519 AAAA… comment'; give the .pub file)"
    case .unreadable(let problem):
      return "\(problem.path) cannot be read (\(problem.message)); restore it with 'git checkout HEAD -- \(problem.path)'"
    }
  }

  static func actWords(_ act: RoleError.Act) -> String {
    switch act {
    case .openSession: "open a session"
    case .closeSession: "close a session"
    case .decide: "take or take back a decision"
    case .produceDraft: "produce the next draft"
    }
  }

  /// A commit that could not be signed.
  static func signing(_ error: SigningError) -> String {
    switch error {
    case .noSigningKey:
      return "signing was asked for (--sign or git config amend.sign) but git config user.signingkey is not set: "
        + "'git config user.signingkey ~/.ssh/id_ed25519.pub'"
    case .failed(let key, let program, let reason):
      return "\(program) could not sign with '\(key)': \(reason)"
    }
  }

  /// One breach found by `amend verify`, without its commit.
  static func breach(_ kind: Breach.Kind) -> String {
    switch kind {
    case .notChairOrSecretariat(let act, let person, let path):
      return "\(act) recorded (\(path)) by \(person), who was neither a chair nor the secretariat"
    case .chairNotListed(let chair, let path):
      return "session opened (\(path)) with chair \(chair), who was not a chair in the roles"
    case .authorNotDelegation(let proposal, let delegation, let author):
      return "proposal \(proposal) of \(delegation) was committed with \(author) as author"
    case .delegationNotListed(let proposal, let delegation):
      return "proposal \(proposal) tabled for \(delegation), which was not a participating delegation"
    case .withdrawalNotByProposer(let proposal, let author):
      return "withdrawal of \(proposal) committed by \(author), neither its delegation nor a co-sponsor"
    case .recordChanged(let path):
      return "record \(path) changed after it was written"
    case .recordDeleted(let path):
      return "record \(path) deleted after it was written"
    case .recordUnreadable(let path, let problem):
      return "record \(path) cannot be read: \(problem)"
    case .draftChangedOutsideNext(let path):
      return "\(path) changed other than by 'amend next'"
    case .draftDeleted(let path):
      return "\(path) deleted"
    case .draftDiffers(let draft, let path, let part):
      return "the \(ordinal(draft)) draft (\(path)) is not what its predecessor and the decisions make it: the \(part) differs"
    case .draftNotDerivable(let draft, let problem):
      return "the \(ordinal(draft)) draft cannot be re-derived: \(problem)"
    case .oppositeDecisions(let proposal, let decisions):
      return "opposite decisions on \(proposal) (events \(decisions.joined(separator: ", "))) that no later session settled"
    case .mergeChanged(let path):
      return "merge holds at \(path) what none of its parents holds"
    case .rolesNotBySecretariat(let person, let secretariat):
      return "roles changed by \(person), not by the secretariat (\(secretariat))"
    case .rolesUnreadable(let problem):
      return "roles.yaml cannot be read: \(problem)"
    case .signatureInvalid(let signer):
      return "signature of \(signer) does not verify"
    case .signedWithOthersKey(let signer, let owner, let role):
      return "signed in the name of \(signer) with the key of \(role.rawValue) \(owner)"
    case .signedWithUnknownKey(let signer):
      return "signed in the name of \(signer) with a key the roles do not hold for it"
    case .unsigned(let signer):
      return "not signed, although the roles hold a key for \(signer)"
    case .cosponsorshipNotByDelegation(let act, let proposal, let by, let author):
      return "\(act) on \(proposal) recorded in the name of \(by) by \(author)"
    case .revisionNotBySponsor(let proposal, let author):
      return "revision of \(proposal) committed by \(author), neither its delegation nor a co-sponsor"
    case .deadlineNotBySecretariat(let person, let secretariat):
      return "deadline for amendments set by \(person), not by the secretariat (\(secretariat))"
    }
  }
}
