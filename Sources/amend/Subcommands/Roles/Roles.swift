import AmendKit
import ArgumentParser

extension Amend {
  /// `amend roles`: who is the secretariat, who chairs, which delegations take part; `set` and `remove`.
  struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "roles", abstract: "Show or change the secretariat, the chairs and the participating delegations.",
      subcommands: [ShowRoles.self, SetRole.self, RemoveRole.self], defaultSubcommand: ShowRoles.self)
  }
}

/// The roles as `amend roles --json` prints them.
struct RolesJSON: Encodable {
  var recorded: Bool
  var secretariat: Roles.Party
  var chairs: [Roles.Party]
  var delegations: [Roles.Party]

  init(_ inForce: RolesInForce) {
    recorded = inForce.isRecorded
    secretariat = inForce.roles.secretariat
    chairs = inForce.roles.chairs
    delegations = inForce.roles.delegations
  }
}

extension Amend.RolesCommand {
  /// `amend roles [show]`.
  struct ShowRoles: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the roles in force.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: RepositoryOptions

    func run() throws {
      let workspace = try options.workspace()
      let inForce = try workspace.roles()
      workspace.reportWarnings()
      if json {
        Output.line(try JSONOutput.encode(RolesJSON(inForce)))
        return
      }
      Self.print(inForce)
    }

    static func print(_ inForce: RolesInForce) {
      let roles = inForce.roles
      func line(_ party: Roles.Party) -> String {
        party.key.map { "\(party.name)  (key \(Self.short($0)))" } ?? party.name
      }
      Output.line("Secretariat: \(line(roles.secretariat))")
      Output.line("Chairs: \(roles.chairs.isEmpty ? "none named" : roles.chairs.map(line).joined(separator: "; "))")
      Output.line("Delegations: \(roles.delegations.isEmpty ? "none named" : "\(roles.delegations.count)")")
      for delegation in roles.delegations { Output.line("  \(line(delegation))") }
      if !inForce.isRecorded {
        Output.line("No roles recorded yet: the person who ran 'amend init' is the secretariat, and anyone may table or decide.")
      }
    }

    /// "ssh-ed25519 AAAAC3Nz…Xy1z": enough of a key to tell keys apart.
    static func short(_ key: String) -> String {
      let fields = key.split(separator: " ")
      guard fields.count >= 2, fields[1].count > 20 else { return key }
      return "\(fields[0]) \(fields[1].prefix(12))…\(fields[1].suffix(8))"
    }
  }

  /// `amend roles set --secretariat NAME | --chair NAME | --delegation NAME [--key FILE.pub]`.
  struct SetRole: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set", abstract: "Name the secretariat, add a chair or a delegation, or record its SSH public key (secretariat only).")

    @Option(help: "Hand the secretariat to this person.") var secretariat: String?
    @Option(help: "Add this chair (or record its key).") var chair: String?
    @Option(help: "Add this participating delegation (or record its key).") var delegation: String?
    @Option(help: "The SSH public key file (FILE.pub) its signed commits are checked against.") var key: String?
    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      let given = [secretariat, chair, delegation].compactMap { $0 }
      guard given.count == 1 else {
        throw ValidationError("give exactly one of --secretariat, --chair, --delegation")
      }
    }

    func run() throws {
      let workspace = try options.workspace()
      let line = try key.map { try Workspace.publicKey(file: $0) }
      let change: RoleChange =
        if let secretariat { .secretariat(secretariat, key: line) } else if let chair { .chair(chair, key: line) } else {
          .delegation(delegation ?? "", key: line)
        }
      let roles = try workspace.changeRoles(change)
      workspace.reportWarnings()
      ShowRoles.print(RolesInForce(roles: roles, isRecorded: true))
    }
  }

  /// `amend roles remove --chair NAME | --delegation NAME`.
  struct RemoveRole: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove", abstract: "Remove a chair or a delegation from the roles (secretariat only).")

    @Option(help: "Remove this chair.") var chair: String?
    @Option(help: "Remove this delegation.") var delegation: String?
    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      guard (chair == nil) != (delegation == nil) else {
        throw ValidationError("give exactly one of --chair, --delegation")
      }
    }

    func run() throws {
      let workspace = try options.workspace()
      let roles = try workspace.changeRoles(chair.map { .removeChair($0) } ?? .removeDelegation(delegation ?? ""))
      workspace.reportWarnings()
      ShowRoles.print(RolesInForce(roles: roles, isRecorded: true))
    }
  }
}
