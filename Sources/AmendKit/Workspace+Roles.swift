import Foundation
import GitStore

extension Snapshot {
  /// The roles recorded in `roles.yaml` at this commit; nil when none are recorded yet.
  public func recordedRoles() throws -> Roles? {
    guard let tip, let data = try repository.fileContent(at: Roles.path, inCommit: tip) else { return nil }
    return try Roles.decode(data)
  }

  /// The roles in force at this commit: the recorded ones, or else the person who ran `init` as the
  /// secretariat.
  public func rolesInForce() throws -> RolesInForce {
    if let recorded = try recordedRoles() { return RolesInForce(roles: recorded, isRecorded: true) }
    guard let tip else { throw RepositoryError.nothingCommitted }
    return RolesInForce(roles: Roles(secretariat: Roles.Party(name: try founder(from: tip).committer.name)), isRecorded: false)
  }

  /// The commit `amend init` made: the first of the branch, or, when init ran in a repository that
  /// already had commits, the first that wrote a draft.
  func founder(from tip: ObjectID) throws -> Commit {
    let root = try repository.firstParentRoot(from: tip)
    if try !repository.listTree(ofCommit: root.id, under: "drafts").isEmpty { return root }
    return try repository.history(from: tip, touching: "drafts").last ?? root
  }
}

extension Roles {
  /// Reads a roles file.
  static func decode(_ data: Data) throws(RoleError) -> Roles {
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(RecordProblem(path: path, message: "not UTF-8 text; restore it from git history"))
    }
    do {
      return try RecordCoding.decode(text, path: path)
    } catch {
      throw .unreadable(error)
    }
  }

  /// The roles file's text.
  func encoded() throws -> String { try RecordCoding.encoder().encode(self) }

  /// These roles with `change` made.
  func applying(_ change: RoleChange) throws(RoleError) -> Roles {
    var roles = self
    func upsert(_ list: inout [Party], _ name: String, _ key: String?) {
      if let index = list.firstIndex(where: { $0.isNamed(name) }) {
        list[index].name = name
        if let key { list[index].key = key }
      } else {
        list.append(Party(name: name, key: key))
      }
    }
    switch change {
    case .secretariat(let name, let key):
      let keep = roles.secretariat.isNamed(name) ? roles.secretariat.key : nil
      roles.secretariat = Party(name: name, key: key ?? keep)
    case .chair(let name, let key):
      upsert(&roles.chairs, name, key)
    case .delegation(let name, let key):
      upsert(&roles.delegations, name, key)
    case .removeChair(let name):
      guard roles.isChair(name) else { throw .notListed(.chair, name) }
      roles.chairs.removeAll { $0.isNamed(name) }
    case .removeDelegation(let name):
      guard roles.delegation(name) != nil else { throw .notListed(.delegation, name) }
      roles.delegations.removeAll { $0.isNamed(name) }
    }
    return roles
  }
}

extension Workspace {
  /// The roles in force at the tip of the branch.
  public func roles() throws -> RolesInForce { try snapshot().rolesInForce() }

  /// Reads an SSH public key file (`--key FILE.pub`) as the one line the roles file stores.
  public static func publicKey(file path: String) throws(RoleError) -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw .keyUnreadable(path: path)
    }
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard lines.count == 1, let line = lines.first, SSHSignature.normalizedPublicKey(line) != nil,
      (try? Names.checked(line, .role(.delegation))) != nil
    else {
      throw .notAPublicKey(path: path)
    }
    return line
  }

  /// Changes the roles, as the secretariat (the person at the keyboard must be the secretariat in force):
  /// one commit of `roles.yaml`, authored by the secretariat, with the trailer `Amend-Event: roles`.
  @discardableResult
  public func changeRoles(_ change: RoleChange) throws -> Roles {
    let checked: RoleChange
    switch change {
    case .secretariat(let name, let key): checked = .secretariat(try Names.checked(name, .role(.secretariat)), key: key)
    case .chair(let name, let key): checked = .chair(try Names.checked(name, .role(.chair)), key: key)
    case .delegation(let name, let key): checked = .delegation(try Names.checked(name, .role(.delegation)), key: key)
    case .removeChair, .removeDelegation: checked = change
    }
    let committer = try committer()
    var result: Roles?
    try commit(
      author: committer,
      message: { _ in "Roles: \(CommitText.line(Self.describe(checked)))\n\nAmend-Event: roles" }
    ) { snapshot in
      let inForce = try snapshot.rolesInForce()
      guard inForce.roles.isSecretariat(committer.name) else {
        throw RoleError.notSecretariat(person: committer.name, secretariat: inForce.roles.secretariat.name)
      }
      let changed = try inForce.roles.applying(checked)
      result = changed
      return [Roles.path: Data(try changed.encoded().utf8)]
    }
    guard let result else { throw RepositoryError.notRecorded(.roles) }
    return result
  }

  static func describe(_ change: RoleChange) -> String {
    switch change {
    case .secretariat(let name, let key): "secretariat \(name)\(key == nil ? "" : ", with its key")"
    case .chair(let name, let key): "chair \(name)\(key == nil ? "" : ", with its key")"
    case .delegation(let name, let key): "delegation \(name)\(key == nil ? "" : ", with its key")"
    case .removeChair(let name): "remove chair \(name)"
    case .removeDelegation(let name): "remove delegation \(name)"
    }
  }

  /// Refuses, once roles are recorded at `snapshot`, a proposal tabled or withdrawn for a delegation
  /// they do not list.
  func requireDelegation(_ name: String, at snapshot: Snapshot) throws {
    guard let roles = try snapshot.recordedRoles() else { return }
    guard roles.delegation(name) != nil else { throw RoleError.notADelegation(name) }
  }

  /// Refuses, once roles are recorded at `snapshot`, a deadline set by anyone but the secretariat.
  func requireSecretariat(_ person: Person, at snapshot: Snapshot) throws {
    guard let roles = try snapshot.recordedRoles() else { return }
    guard roles.isSecretariat(person.name) else {
      throw RoleError.deadlineNotBySecretariat(person: person.name, secretariat: roles.secretariat.name)
    }
  }

  /// Refuses, once roles are recorded at `snapshot`, a session, decision or draft by someone at the
  /// keyboard who is neither a chair nor the secretariat.
  func requireChairOrSecretariat(_ act: RoleError.Act, at snapshot: Snapshot) throws {
    guard let roles = try snapshot.recordedRoles() else { return }
    let person = try committer().name
    guard roles.mayChair(person) else { throw RoleError.notChairOrSecretariat(person: person, act: act) }
  }

  /// Refuses, once roles are recorded, a session chaired by someone they do not list as a chair (or the
  /// secretariat, which may chair a meeting itself).
  func requireChair(_ chair: String, at snapshot: Snapshot) throws {
    guard let roles = try snapshot.recordedRoles() else { return }
    guard roles.mayChair(chair) else { throw RoleError.notAChair(chair) }
  }
}
