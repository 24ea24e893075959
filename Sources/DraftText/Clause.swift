/// One clause of a draft as it now stands: a preambular paragraph, an operative paragraph,
/// a subparagraph or an item, with its marker and its own text.
public struct Clause: Sendable, Equatable, Hashable {
  /// What part of the text a clause is.
  public enum Kind: String, Sendable, Codable, Equatable, Hashable {
    /// An unnumbered paragraph after "The General Assembly," (PP1, PP2…).
    case preambular
    /// The unnumbered text directly under an article heading (Article 3 of the Paris Agreement).
    case articleText
    /// A numbered paragraph ("7.").
    case paragraph
    /// The first list level under a paragraph: "- b)", "(b)", or an indented "1." item.
    case subparagraph
    /// The list level under a subparagraph: "(i)", "(ii)".
    case item
    /// An option line inside an article ("**Option 2:** …"): `Option 2 of Article 2bis`. Not among
    /// ``Draft/clauses`` (see ``Draft/unnumberedLines``).
    case option
    /// A bold paragraph title standing on its own line ("**Mobilization**"): `Title of Article 6.2`.
    case title
    /// An unnumbered paragraph or continuation line inside an article: `Text 1 of Article 3.2`.
    case unnumbered
  }

  /// Stable identity across edits and renumbering.
  public var key: ClauseKey
  /// The id as the draft now stands ("7.b").
  public var id: ClauseID
  /// The Akoma Ntoso eId ("para_7__list_1__point_b"), worked out when asked for: an edit
  /// reindexes the whole draft, and most readers never look at it.
  public var eId: String { id.eId }
  public var kind: Kind
  /// The label as written ("b", "7", "3bis"); empty for preambular paragraphs and article text.
  public var label: String
  /// How the label counts: letters, numbers or roman numerals.
  public var labelKind: LabelKind
  /// The exact marker as in the source, indentation included ("- b) ", "(ii) ", "7. ").
  public var marker: String
  /// The clause's own text without marker, its lines joined with their own line endings.
  public var text: String
  /// The 1-based line where the clause starts.
  public var line: Int
  /// The clause this one is listed under, nil for paragraphs, preambular paragraphs and article text.
  public var parentKey: ClauseKey?
  /// The article heading above the clause ("4", "2bis"), nil when the text has no articles.
  public var article: String?

  /// Whether a new clause put after this one is an unnumbered line (``Draft/insertClause(_:after:)``):
  /// an article's own text and an unnumbered paragraph have no numbered siblings.
  public var takesUnnumberedAfter: Bool { kind == .articleText || kind == .unnumbered }
}
