import Foundation

/// A named person: a delegation's contact, a chair, or the person at the keyboard.
public struct Person: Equatable, Sendable, CustomStringConvertible {
  /// The person's name.
  public var name: String
  /// The person's e-mail address.
  public var email: String

  /// A person with this name and e-mail address, unchecked.
  public init(name: String, email: String) {
    self.name = name
    self.email = email
  }

  /// Reads "Name <email>".
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") else { return nil }
    let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
    let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
    guard !name.isEmpty, !email.isEmpty else { return nil }
    self.init(name: name, email: String(email))
  }

  /// "Name <email>", as git writes an author.
  public var description: String { "\(name) <\(email)>" }

  /// Reads and checks "Name <email>" given from `source` (an argument, the environment): both parts by
  /// the one rule for names, so a committer can never forge a header or a trailer.
  public init(committer text: String, from source: CommitterSource) throws(NameError) {
    guard let person = Person(parsing: text) else {
      throw .notNameAndEmail(source, text: text)
    }
    try self.init(checking: person, from: source)
  }

  /// `person` with name and e-mail checked by the one rule for names.
  public init(checking person: Person, from source: CommitterSource) throws(NameError) {
    self.init(
      name: try Names.checked(person.name, .committerName(source)),
      email: try Names.checkedEmail(person.email, .committerEmail(source)))
  }

  /// A delegation's or chair's address when none is given: a reserved domain, so it can never reach anyone.
  public static func named(_ name: String, email: String? = nil) -> Person {
    if let email, !email.isEmpty { return Person(name: name, email: email) }
    let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
      .split(separator: "-").joined(separator: "-")
    return Person(name: name, email: "\(slug.isEmpty ? "delegation" : slug)@delegations.invalid")
  }
}
