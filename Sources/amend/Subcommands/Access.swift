import AmendKit
import AmendServer
import ArgumentParser
import Foundation

extension Amend {
  /// `amend access grant|list|revoke`: who may write through `amend serve`.
  struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "access", abstract: "Grant, list and revoke the tokens that let people write through 'amend serve'.",
      subcommands: [Grant.self, List.self, Revoke.self])

    struct Grant: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Grant a delegation, a chair or the secretariat a token: printed once, only its hash is kept (.git/amend/).",
        discussion: "The token is the first line printed; the second is the sign-in link to send its holder.")

      @Option(parsing: .unconditional, help: "A delegation: it may table, and withdraw its own proposals.", transform: Words.value)
      var delegation: String?
      @Option(parsing: .unconditional, help: "A chair: it may open and close sessions and decide.", transform: Words.value)
      var chair: String?
      @Option(
        parsing: .unconditional, help: "The secretariat: what a chair may, and produce the next draft.", transform: Words.value)
      var secretariat: String?
      @Option(help: "The server's address, for the sign-in link.") var host = "127.0.0.1"
      @Option(help: "The server's port, for the sign-in link.") var port = 8080
      @OptionGroup var options: RepositoryOptions

      func validate() throws {
        let given = [delegation, chair, secretariat].compactMap { $0 }
        guard given.count == 1 else {
          throw ValidationError("name exactly one of --delegation NAME, --chair NAME, --secretariat NAME")
        }
      }

      func run() throws {
        let (role, spelled): (Roles.Role, String) =
          if let delegation { (.delegation, delegation) } else if let chair { (.chair, chair) } else { (.secretariat, secretariat ?? "") }
        let workspace = try options.workspace()
        let name: String
        switch role {
        case .delegation: name = try Names.checked(spelled, .delegation)
        case .chair: name = try Names.checked(spelled, .chair)
        case .secretariat: name = try Names.checked(spelled, .role(.secretariat))
        }
        // Where roles.yaml names people, the token's role must agree with it.
        if let roles = try workspace.snapshot().recordedRoles() {
          let agrees =
            switch role {
            case .delegation: roles.delegation(name) != nil
            case .chair: roles.mayChair(name)
            case .secretariat: roles.isSecretariat(name)
            }
          guard agrees else { throw AccessError.notInRoles(role: role, name: name) }
        }
        let tokens = AccessTokens(folder: workspace.privateFolder)
        let (token, grant) = try tokens.grant(role, to: name, at: Context.timestamp(workspace.context.now()))
        let shown = host.contains(":") ? "[\(host)]" : host
        Output.line(token)
        Output.line("sign-in link: http://\(shown):\(port)/signin#token=\(token)")
        Output.line(
          "granted \(name) the \(role.rawValue)'s access as \(grant.id); the token is shown only now (only its hash is kept): "
            + "'amend access revoke \(grant.id)' takes it back")
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "List the access granted (never the tokens).")
      @Flag(help: "Print JSON.") var json = false
      @OptionGroup var options: RepositoryOptions

      func run() throws {
        let workspace = try options.workspace()
        let grants = try AccessTokens(folder: workspace.privateFolder).grants()
        if json {
          Output.line(try JSONOutput.encode(grants.map { GrantJSON(id: $0.id, role: $0.role.rawValue, name: $0.name, granted: $0.granted) }))
          return
        }
        if grants.isEmpty { Output.line("no access granted") }
        for grant in grants {
          Output.line("\(grant.id)  \(grant.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(grant.granted)  \(grant.name)")
        }
      }
    }

    struct Revoke: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Revoke an access grant at once: its token and the browsers signed in with it stop working.")
      @Argument(help: "The grant's id, from 'amend access list' (or its first characters).") var id: String
      @OptionGroup var options: RepositoryOptions

      func run() throws {
        let workspace = try options.workspace()
        let grant = try AccessTokens(folder: workspace.privateFolder).revoke(id)
        Output.line("revoked \(grant.id): \(grant.name) (\(grant.role.rawValue))")
      }
    }
  }
}

/// A grant as `amend access list --json` prints it: never the hash.
struct GrantJSON: Codable {
  var id: String
  var role: String
  var name: String
  var granted: String
}
