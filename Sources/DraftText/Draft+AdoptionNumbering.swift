/// The secretariat's numbering of a text near adoption (`amend next --number-articles`).
extension Draft {
  /// Numbers the articles 1, 2, 3… in order though no edit added or deleted one, where "Article 2bis"
  /// and a gap ("Article 16", "Article 18") give way to a count; and, as treaties are written, an
  /// article's only paragraph carries no number: it becomes the article's own text ("1. The
  /// provisions of…" under "Article 22" → "The provisions of…"). Headings, clause ids and the
  /// numbering table follow, as for an added article.
  public mutating func numberArticlesInOrder() {
    unnumberOnlyParagraphs()
    trackArticles()
    articlesEdited = true
    renumberLists()
  }

  /// Makes the only numbered paragraph of an article its own text, where the article has no text or
  /// unnumbered lines of its own (an option line above it) and the paragraph nothing under it (no
  /// points, no unnumbered lines of its own): what reads back as the article's text.
  mutating func unnumberOnlyParagraphs() {
    var paragraphs: [String: [Int]] = [:]
    var hasText: Set<String> = []
    var owners: Set<ClauseKey> = []
    for (index, block) in blocks.enumerated() {
      switch block {
      case .clause(let node):
        guard let article = node.article else { continue }
        if node.kind == .articleText { hasText.insert(article) }
        if node.parentKey == nil, node.level == 1, node.labelKind != .none { paragraphs[article, default: []].append(index) }
        if let parent = node.parentKey { owners.insert(parent) }
      case .loose(let node):
        switch node.owner {
        case .clause(let key): owners.insert(key)
        case .article: hasText.insert(node.article)
        case .loose: continue
        }
      default:
        continue
      }
    }
    var changed = false
    for (article, found) in paragraphs where found.count == 1 && !hasText.contains(article) {
      guard case .clause(var node) = blocks[found[0]], !owners.contains(node.key) else { continue }
      node.kind = .articleText
      node.labelKind = .none
      node.marker = .unlabelled(indent: "")
      blocks[found[0]] = .clause(node)
      changed = true
    }
    if changed { reindex() }
  }
}
