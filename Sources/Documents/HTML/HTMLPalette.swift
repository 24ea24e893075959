/// The colour of each author in one document: the first author named gets the first colour, and so on,
/// so the same record always gives the same colours. The colours are the stylesheet's classes
/// `who-0` … `who-9` (`HTMLDocument.stylesheet`); past ten authors they repeat, the legend still naming each.
public struct HTMLPalette: Sendable {
  /// The number of colours the stylesheet defines.
  public static let colours = [
    "#1f4e9c", "#b3261e", "#2e7d32", "#7b1fa2", "#b35c00", "#00796b", "#ad1457", "#5d4037", "#455a64", "#827717",
  ]

  /// The authors in the order they were first named, each with its colour class.
  public private(set) var authors: [ChangeAuthor] = []
  private var index: [String: Int] = [:]

  public init() {}

  /// The class of `author`'s colour ("who-2"), giving it one when it has none yet.
  public mutating func colourClass(of author: ChangeAuthor) -> String {
    if let known = index[author.name] { return "who-\(known % Self.colours.count)" }
    let next = authors.count
    authors.append(author)
    index[author.name] = next
    return "who-\(next % Self.colours.count)"
  }

  /// The colour of the author named `name` ("#1f4e9c"), when it is in the palette.
  public func colour(of name: String) -> String? {
    index[name].map { Self.colours[$0 % Self.colours.count] }
  }
}
