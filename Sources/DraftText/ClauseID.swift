/// The number people cite a clause by, as the draft now stands.
///
/// Scheme of `rawValue`:
/// - operative paragraphs and their lists: `7`, `7.b`, `3.a.ii` (paragraph, then each list label);
/// - preambular paragraphs, counted in order: `PP1`, `PP2`…;
/// - treaties with `## Article N` headings: `A4` is the article's own unnumbered text, `A4.1` its
///   paragraph 1, `A4.1.a` (or `A2.1.1` where the source numbers the items) an item of it. The
///   `A` keeps "paragraph 4, item 1" and "Article 4, paragraph 1" apart in a text that has both;
/// - a proposed new clause carries a Latin suffix glued to its label: `7.bbis` ("7 (b bis)");
/// - a number the source repeats in one list (parallel options, a typing slip) keeps its label and
///   gets `#2`, `#3`… for its second, third occurrence: `1#2` ("1 (second)"), `7.b#2`, `A2bis.1#2`
///   (see ``ClauseRepeat``). The first occurrence keeps the plain id.
///
/// Labels are lower-case and contain no spaces. ``display`` gives the form negotiators write
/// ("7 (b)", "PP2", "Article 4.1 (a)") and ``eId`` the Akoma Ntoso name.
public struct ClauseID: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// How the first component of an id is to be read.
  public enum Scheme: Sendable, Equatable {
    /// Numbered operative paragraphs: `7.b`.
    case operative
    /// Paragraphs under `## Article N` headings: `A4.1.a`.
    case article
    /// Unnumbered preambular paragraphs: `PP2`.
    case preambular
  }

  public let rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  public init(stringLiteral value: String) {
    self.init(rawValue: value)
  }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The id of the `number`th preambular paragraph.
  public static func preambular(_ number: Int) -> ClauseID {
    ClauseID(rawValue: "PP\(number)")
  }

  /// The id of article `number`'s heading line (`A4.heading`, "Article 4 heading"): what an article
  /// is tabled against when it is retitled, deleted, or another is added next to it (docs/TREATIES.md).
  public static func heading(article number: String) -> ClauseID {
    ClauseID(rawValue: "A\(number).heading")
  }

  /// Whether the id names an article's heading line rather than a clause.
  public var isHeading: Bool {
    !isUnnumbered && scheme == .article && rawValue.hasSuffix(".heading") && components.count == 2
  }

  /// The id of an unnumbered line (an option, a bold title, an unnumbered paragraph) that belongs to
  /// `owner`: `A2bis@option2` ("Option 2 of Article 2bis"), `A6.2@title`, `A3.2@text1`,
  /// `A3.3@option2@text1` (docs/TREATIES.md). "@" never occurs in a label.
  public static func unnumbered(_ tag: String, of owner: ClauseID) -> ClauseID {
    ClauseID(rawValue: "\(owner.rawValue)@\(tag)")
  }

  /// Whether the id names an unnumbered line rather than a clause.
  public var isUnnumbered: Bool { rawValue.contains("@") }

  /// What an unnumbered line belongs to (`A2bis` for `A2bis@option2`), nil for a clause.
  public var unnumberedOwner: ClauseID? {
    guard let at = rawValue.lastIndex(of: "@") else { return nil }
    return ClauseID(rawValue: String(rawValue[..<at]))
  }

  /// The line's own part of an unnumbered line's id ("option2", "title", "text1").
  public var unnumberedTag: String? {
    guard let at = rawValue.lastIndex(of: "@") else { return nil }
    return String(rawValue[rawValue.index(after: at)...])
  }

  /// "Option 2", "Title", "Text 1", "Title (second)" for a tag.
  static func unnumberedName(_ tag: String) -> String {
    let (plain, occurrence) = ClauseRepeat.split(tag)
    let again = occurrence.map { " (\(ClauseRepeat.word($0)))" } ?? ""
    for word in ["option", "title", "text"] where plain.hasPrefix(word) {
      let label = String(plain.dropFirst(word.count))
      let shown = Int(label) != nil ? label : label.uppercased()
      return word.prefix(1).uppercased() + word.dropFirst() + (label.isEmpty ? "" : " " + shown) + again
    }
    return tag
  }

  /// The article number of a heading's id ("2bis" for `A2bis.heading`).
  public var headingArticle: String? {
    isHeading ? components.first : nil
  }

  /// The id made of paragraph and list labels, optionally under an article.
  /// `make(article:labels:)` from the labels already joined with "." ("7.b").
  static func make(article: String?, path: String) -> ClauseID {
    guard let article else { return ClauseID(rawValue: path) }
    return ClauseID(rawValue: "A\(article).\(path)")
  }

  public static func make(article: String?, labels: [String]) -> ClauseID {
    let joined = labels.joined(separator: ".")
    guard let article else { return ClauseID(rawValue: joined) }
    return ClauseID(rawValue: labels.isEmpty ? "A\(article)" : "A\(article).\(joined)")
  }

  public var scheme: Scheme {
    let scalars = Array(rawValue.unicodeScalars)
    if rawValue.hasPrefix("PP") { return .preambular }
    if scalars.count > 1, scalars[0] == "A", scalars[1] >= "0", scalars[1] <= "9" { return .article }
    return .operative
  }

  /// The labels, outermost first: ["7", "b"]; for articles the article number comes first
  /// (["4", "1", "a"]); for preambular paragraphs the count (["2"]).
  public var components: [String] {
    switch scheme {
    case .preambular: return [String(rawValue.dropFirst(2))]
    case .article: return rawValue.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    case .operative: return rawValue.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// The id of the clause this one belongs to, nil for a paragraph or an article's text.
  public var parent: ClauseID? {
    if let owner = unnumberedOwner { return owner }
    let parts = components
    switch scheme {
    case .preambular: return nil
    case .operative: return parts.count > 1 ? .make(article: nil, labels: Array(parts.dropLast())) : nil
    case .article: return parts.count > 2 ? .make(article: parts[0], labels: Array(parts.dropFirst().dropLast())) : nil
    }
  }

  /// The form negotiators write: "7 (b)", "3 (a) (ii)", "PP2", "Article 4.1 (a)", "7 (b bis)".
  /// A repeat reads "1 (second)", "7 (b) (second)", "Article 2bis.1 (second)".
  public var display: String {
    if let owner = unnumberedOwner, let tag = unnumberedTag { return "\(Self.unnumberedName(tag)) of \(owner.display)" }
    let split = components.map(ClauseRepeat.split)
    let parts = split.map { ClauseID.spaced($0.label) }
    let repeats = split.map { $0.occurrence.map { " (\(ClauseRepeat.word($0)))" } ?? "" }
    switch scheme {
    case .preambular:
      return "PP" + (components.first ?? "")
    case .operative:
      guard let first = parts.first else { return rawValue }
      let rest = zip(parts, repeats).dropFirst().map { "(\($0))\($1)" }
      return ([first + repeats[0]] + rest).joined(separator: " ")
    case .article:
      guard let article = split.first?.label else { return rawValue }
      if isHeading { return "Article \(article)\(repeats[0]) heading" }
      var text = "Article \(article)\(repeats[0])"
      if parts.count > 1 { text += ".\(parts[1])\(repeats[1])" }
      for (part, again) in zip(parts, repeats).dropFirst(2) { text += " (\(part))\(again)" }
      return text
    }
  }

  /// The Akoma Ntoso eId: `para_7__list_1__point_b`, `art_4__para_1__list_1__point_a`,
  /// `preamble__recital_2`; an article's own text is `art_4`.
  /// A repeat carries its occurrence after a hyphen: `para_1-2`, `point_b-2`.
  public var eId: String {
    if let owner = unnumberedOwner, let tag = unnumberedTag {
      let (plain, occurrence) = ClauseRepeat.split(tag)
      let word = ["option", "title", "text"].first { plain.hasPrefix($0) } ?? plain
      let label = String(plain.dropFirst(word.count))
      return owner.eId + "__\(word)" + (label.isEmpty ? "" : "_\(label)") + (occurrence.map { "-\($0)" } ?? "")
    }
    let parts = components.map(ClauseRepeat.eIdComponent)
    switch scheme {
    case .preambular:
      return "preamble__recital_\(parts.first ?? "")"
    case .operative:
      guard let first = parts.first else { return "" }
      return (["para_\(first)"] + parts.dropFirst().map { "list_1__point_\($0)" }).joined(separator: "__")
    case .article:
      guard let article = parts.first else { return "" }
      if isHeading { return "art_\(article)__heading" }
      var names = ["art_\(article)"]
      if parts.count > 1 { names.append("para_\(parts[1])") }
      names += parts.dropFirst(2).map { "list_1__point_\($0)" }
      return names.joined(separator: "__")
    }
  }

  /// The id of the `n`th clause proposed after this one, before renumbering:
  /// `7.b` → `7.bbis` ("7 (b bis)") for n = 1, `7.bter` for 2, `7.bquater` for 3….
  /// After a repeat the suffix goes before the occurrence: `1#2` → `1bis#2` ("1 bis (second)").
  public func bis(_ n: Int) -> ClauseID {
    let (head, occurrence) = ClauseRepeat.split(rawValue)
    return ClauseID(rawValue: head + Label.latinSuffix(n) + (occurrence.map { "#\($0)" } ?? ""))
  }

  public var description: String { rawValue }

  /// "bbis" → "b bis", "3ter" → "3 ter": the suffix set apart, as negotiators write it.
  static func spaced(_ component: String) -> String {
    guard let (head, suffix) = Label.splitSuffix(component) else { return component }
    return "\(head) \(suffix)"
  }
}
