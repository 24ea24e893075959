import AmendKit
import Crypto
import Foundation

/// A person allowed to write through the server: a role and a name, given by the token they hold.
public struct Identity: Codable, Equatable, Sendable {
  /// The role the token grants.
  public var role: Roles.Role
  /// The delegation, chair or secretariat it names.
  public var name: String
  /// The grant's public id (for `amend access revoke`); never the token.
  public var grant: String
}

/// The access grants of one repository: who holds a token, as a SHA-256 hash of it, under `.git/amend/`
/// (outside the tracked record, never committed). The token itself is printed once, at grant, and never
/// stored. Reads follow the file, so a revocation made by `amend access revoke` while the server runs holds
/// at once.
public final class AccessTokens: @unchecked Sendable {
  /// One grant as stored.
  public struct Grant: Codable, Equatable, Sendable {
    /// The grant's public id: eight hex digits, derived from the token's hash.
    public var id: String
    /// The role.
    public var role: Roles.Role
    /// The delegation, chair or secretariat.
    public var name: String
    /// SHA-256 of the token, hex.
    public var hash: String
    /// When it was granted (ISO 8601).
    public var granted: String
  }

  struct Stored: Codable {
    var format = 1
    var grants: [Grant]
  }

  /// Where the grants are kept: `.git/amend/access-v1.json`.
  public let path: String
  private let lock = NSLock()
  private var loaded: (stamp: Stamp, grants: [Grant])?

  struct Stamp: Equatable {
    var modified: Date?
    var size: Int?
  }

  /// The grants in the file, read again only when it changed.
  private func current() throws -> [Grant] {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let stamp = Stamp(modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue)
    if let loaded, loaded.stamp == stamp { return loaded.grants }
    guard let data = FileManager.default.contents(atPath: path) else {
      loaded = (stamp, [])
      return []
    }
    guard let stored = try? JSONDecoder().decode(Stored.self, from: data) else {
      throw AccessError.unreadable(path: path)
    }
    loaded = (stamp, stored.grants)
    return stored.grants
  }

  /// The grants of the repository whose private folder (`.git/amend`) is `folder`.
  public init(folder: String) {
    path = folder + "/access-v1.json"
  }

  /// Every grant, in the order granted.
  public func grants() throws -> [Grant] {
    lock.lock()
    defer { lock.unlock() }
    return try current()
  }

  /// Grants `role` to `name`: a new random token (256 bits from the system's generator), of which only
  /// the hash is written. Returns the token, to be shown once, and its grant.
  public func grant(_ role: Roles.Role, to name: String, at time: String) throws -> (token: String, grant: Grant) {
    lock.lock()
    defer { lock.unlock() }
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let token = Self.base64URL(Data(bytes))
    let hash = Self.hash(token)
    let made = Grant(
      id: String(Self.hex(SHA256.hash(data: Data(("grant:" + hash).utf8))).prefix(8)), role: role, name: name, hash: hash, granted: time)
    var all = try current()
    all.append(made)
    try write(all)
    return (token, made)
  }

  /// Revokes the grant with this id (or unique prefix of it); returns it.
  public func revoke(_ id: String) throws -> Grant {
    lock.lock()
    defer { lock.unlock() }
    var all = try current()
    let wanted = id.lowercased()
    let matches = all.filter { $0.id.hasPrefix(wanted) }
    guard !wanted.isEmpty, matches.count == 1, let found = matches.first else {
      throw matches.isEmpty ? AccessError.noSuchGrant(id) : AccessError.ambiguousGrant(id, matches: matches.map(\.id))
    }
    all.removeAll { $0.id == found.id }
    try write(all)
    return found
  }

  /// The identity `token` names, compared in constant time against every stored hash; nil if none.
  public func identity(for token: String) -> Identity? {
    guard let all = try? grants() else { return nil }
    let presented = Array(Data(Self.hash(token).utf8))
    var found: Grant?
    for grant in all where Self.constantTimeEqual(Array(Data(grant.hash.utf8)), presented) {
      found = grant
    }
    return found.map { Identity(role: $0.role, name: $0.name, grant: $0.id) }
  }

  /// The grant with this id, if it is still in force.
  public func identity(grant id: String) -> Identity? {
    guard let found = (try? grants())?.first(where: { $0.id == id }) else { return nil }
    return Identity(role: found.role, name: found.name, grant: found.id)
  }

  private func write(_ grants: [Grant]) throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(Stored(grants: grants))
    // Written beside, then renamed over: a reader sees the old file or the new one, never half of one.
    let temporary = folder + "/.access-v1.json.\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
      throw AccessError.cannotWrite(path: path)
    }
    guard rename(temporary, path) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw AccessError.cannotWrite(path: path)
    }
    loaded = nil
  }

  /// SHA-256 of `token`'s UTF-8 bytes, hex.
  public static func hash(_ token: String) -> String { hex(SHA256.hash(data: Data(token.utf8))) }

  static func hex(_ digest: some Sequence<UInt8>) -> String { digest.map { String(format: "%02x", $0) }.joined() }

  static func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  /// Whether two byte strings are equal, looking at every byte whatever the first difference.
  static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
    return difference == 0
  }

  /// A new random secret (session ids, CSRF tokens): 256 bits, base64url.
  static func secret() -> String {
    var generator = SystemRandomNumberGenerator()
    return base64URL(Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }))
  }
}

/// What is wrong with the access grants.
public enum AccessError: Error, Equatable, Sendable {
  /// The grants file does not decode.
  case unreadable(path: String)
  /// The grants file cannot be written.
  case cannotWrite(path: String)
  /// No grant has this id.
  case noSuchGrant(String)
  /// Several grants start with this id.
  case ambiguousGrant(String, matches: [String])
  /// The roles recorded in roles.yaml do not give `name` this role.
  case notInRoles(role: Roles.Role, name: String)
}
