import AmendKit
import AmendServer

extension Messages {
  /// A refused `amend access` command, or a token refused by the server.
  static func access(_ error: AccessError) -> String {
    switch error {
    case .unreadable(let path): "the access grants in \(path) cannot be read: remove the file and grant again"
    case .cannotWrite(let path): "the access grants cannot be written to \(path): check the folder's permissions"
    case .noSuchGrant(let id): "no access grant has the id '\(id)': see 'amend access list'"
    case .ambiguousGrant(let id, let matches):
      "the id '\(id)' names \(matches.count) grants (\(matches.joined(separator: ", "))): give more of it"
    case .notInRoles(let role, let name):
      switch role {
      case .delegation:
        "roles.yaml does not list \(name) as a delegation: the secretariat adds it with 'amend roles set --delegation \(name)'"
      case .chair:
        "roles.yaml lists \(name) neither as a chair nor as the secretariat: the secretariat adds it with 'amend roles set --chair \(name)'"
      case .secretariat: "roles.yaml names another secretariat than \(name): grant the secretariat named there"
      }
    }
  }
}
