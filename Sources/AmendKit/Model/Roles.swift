import Foundation
import GitStore

/// Who takes part, as the secretariat records it in `roles.yaml`: the secretariat itself, the chairs and
/// the participating delegations, each with the SSH public key its signed commits are checked against.
public struct Roles: Codable, Equatable, Sendable {
  /// One person or delegation in a role.
  public struct Party: Codable, Equatable, Sendable {
    /// The name, as it stands in commits (the committer's name, a delegation's author name).
    public var name: String
    /// Its SSH public key ("ssh-ed25519 AAAA… comment"), if recorded.
    public var key: String?

    /// A party with this name and, optionally, key.
    public init(name: String, key: String? = nil) {
      self.name = name
      self.key = key
    }

    /// Whether `other` names this party (names compare without regard to case, as co-sponsors do).
    public func isNamed(_ other: String) -> Bool { name.caseInsensitiveCompare(other) == .orderedSame }
  }

  /// The secretariat: keeps the record, changes the roles, produces drafts.
  public var secretariat: Party
  /// The chairs: open and close sessions and decide.
  public var chairs: [Party]
  /// The participating delegations: table and withdraw proposals.
  public var delegations: [Party]

  /// Roles with these parties.
  public init(secretariat: Party, chairs: [Party] = [], delegations: [Party] = []) {
    self.secretariat = secretariat
    self.chairs = chairs
    self.delegations = delegations
  }

  /// Reads a roles file whose lists may be missing.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    secretariat = try container.decode(Party.self, forKey: .secretariat)
    chairs = try container.decodeIfPresent([Party].self, forKey: .chairs) ?? []
    delegations = try container.decodeIfPresent([Party].self, forKey: .delegations) ?? []
  }

  /// The roles file's path: at the top of the repository, beside `drafts/` and `proposals/`, since it is
  /// the one file of the record that is edited rather than written once.
  public static let path = "roles.yaml"

  /// Whether `name` is the secretariat.
  public func isSecretariat(_ name: String) -> Bool { secretariat.isNamed(name) }
  /// Whether `name` is one of the chairs.
  public func isChair(_ name: String) -> Bool { chairs.contains { $0.isNamed(name) } }
  /// Whether `name` may open sessions, decide and produce drafts: a chair or the secretariat.
  public func mayChair(_ name: String) -> Bool { isChair(name) || isSecretariat(name) }
  /// The participating delegation named `name`, if it is one.
  public func delegation(_ name: String) -> Party? { delegations.first { $0.isNamed(name) } }

  /// Every party with its role, secretariat first.
  public var parties: [(role: Role, party: Party)] {
    [(.secretariat, secretariat)] + chairs.map { (.chair, $0) } + delegations.map { (.delegation, $0) }
  }

  /// The party whose recorded key is `key` (compared without comments), if any.
  public func owner(ofKey key: String) -> (role: Role, party: Party)? {
    guard let wanted = SSHSignature.normalizedPublicKey(key) else { return nil }
    return parties.first { $0.party.key.flatMap(SSHSignature.normalizedPublicKey) == wanted }
  }

  /// A role in the negotiation.
  public enum Role: String, Sendable, Equatable, Codable {
    /// The secretariat.
    case secretariat
    /// A chair.
    case chair
    /// A participating delegation.
    case delegation
  }
}

/// The roles in force at one commit: recorded in `roles.yaml`, or, before anything is recorded, the person
/// who ran `init` as the secretariat and no one else named.
public struct RolesInForce: Equatable, Sendable {
  /// The roles.
  public var roles: Roles
  /// Whether they are recorded in `roles.yaml`; when false, every check of today applies and no other.
  public var isRecorded: Bool

  /// `roles`, recorded or not.
  public init(roles: Roles, isRecorded: Bool) {
    self.roles = roles
    self.isRecorded = isRecorded
  }
}

/// A change to the roles, made by the secretariat.
public enum RoleChange: Equatable, Sendable {
  /// Hands the secretariat to `name` (with its key, if given).
  case secretariat(String, key: String?)
  /// Adds a chair, or records a chair's key.
  case chair(String, key: String?)
  /// Adds a participating delegation, or records a delegation's key.
  case delegation(String, key: String?)
  /// Removes a chair.
  case removeChair(String)
  /// Removes a delegation.
  case removeDelegation(String)
}
