import GitStore

/// One thing in the history that the record's rules do not allow, found by `Workspace.verify()`: the
/// commit that did it and what is wrong, as facts (the CLI words them).
public struct Breach: Sendable, Equatable {
  /// The commit at fault.
  public var commit: ObjectID
  /// What is wrong.
  public var kind: Kind

  /// A breach of `kind` in `commit`.
  public init(commit: ObjectID, kind: Kind) {
    self.commit = commit
    self.kind = kind
  }

  /// What is wrong, with the facts that show it.
  public enum Kind: Sendable, Equatable, Codable {
    /// A session opened or closed, a decision or a draft recorded by `person`, who was neither a chair nor
    /// the secretariat when it was recorded (`act` is the event's kind: "accepted", "session-opened", …).
    case notChairOrSecretariat(act: String, person: String, path: String)
    /// A session opened with a chair the roles of the time did not list.
    case chairNotListed(chair: String, path: String)
    /// A proposal whose commit author is not the delegation the record names.
    case authorNotDelegation(proposal: String, delegation: String, author: String)
    /// A proposal tabled for a delegation the roles of the time did not list.
    case delegationNotListed(proposal: String, delegation: String)
    /// A withdrawal committed by someone who is neither the proposal's delegation nor a co-sponsor.
    case withdrawalNotByProposer(proposal: String, author: String)
    /// A record changed after it was written.
    case recordChanged(path: String)
    /// A record deleted after it was written.
    case recordDeleted(path: String)
    /// A record, added, that cannot be read.
    case recordUnreadable(path: String, problem: String)
    /// A draft or its numbering table changed other than by `amend next`.
    case draftChangedOutsideNext(path: String)
    /// A draft's file deleted.
    case draftDeleted(path: String)
    /// Draft `draft`, re-derived from its predecessor and the decisions before it, differs from what was
    /// committed: in `part` ("text", "numbering table", "applied list", "step for ID", "first commit").
    case draftDiffers(draft: Int, path: String, part: String)
    /// Draft `draft` cannot be re-derived at all (`problem` says why).
    case draftNotDerivable(draft: Int, problem: String)
    /// Opposite decisions on one proposal that no later session settled.
    case oppositeDecisions(proposal: String, decisions: [String])
    /// A merge whose tree holds, at `path`, what none of its parents holds (or drops what one holds).
    case mergeChanged(path: String)
    /// The roles changed by someone who was not the secretariat of the time.
    case rolesNotBySecretariat(person: String, secretariat: String)
    /// The roles file, as committed, cannot be read.
    case rolesUnreadable(problem: String)
    /// A signature that does not verify with the key of the party the commit claims.
    case signatureInvalid(signer: String)
    /// A signature made with the key of another party of the roles.
    case signedWithOthersKey(signer: String, owner: String, role: Roles.Role)
    /// A signature made with a key the roles do not hold for the party the commit claims.
    case signedWithUnknownKey(signer: String)
    /// A commit recorded in the name of a party whose key the roles hold, without a signature.
    case unsigned(signer: String)
    /// A co-sponsor joining or leaving (`act`) recorded in the name of `by` with `author` as the commit's author.
    case cosponsorshipNotByDelegation(act: String, proposal: String, by: String, author: String)
    /// A revision committed by `author`, who was neither the proposal's delegation nor one of its co-sponsors.
    case revisionNotBySponsor(proposal: String, author: String)
    /// The deadline for amendments set by `person`, not by the secretariat.
    case deadlineNotBySecretariat(person: String, secretariat: String)
  }
}

/// What `Workspace.verify()` found.
public struct VerificationReport: Sendable {
  /// The commits walked, merges included.
  public var commits: Int
  /// The drafts re-derived and compared, by number.
  public var drafts: [Int]
  /// The signatures checked (and found good).
  public var signatures: Int
  /// Every breach, oldest commit first.
  public var breaches: [Breach]

  /// Whether everything holds.
  public var isClean: Bool { breaches.isEmpty }
}
