/// The vocabulary generated drafts and proposals are written in: the stock phrases of UN
/// conclusions and recommendations, recombined by a seeded generator.
enum Phrases {
  static let topics = [
    "Migration", "Climate Finance", "Oceans and Seas", "Digital Cooperation", "Food Security",
    "Disaster Risk Reduction", "Indigenous Peoples", "Road Safety",
  ]

  static let subjects = ["The Working Group", "The Committee", "The Conference", "The Assembly"]

  static let chapeaux = [
    "invites States:", "calls upon Member States:", "recommends that States:", "encourages States:",
    "urges all relevant actors:", "requests the secretariat:",
  ]

  static let mainVerbs = [
    "acknowledges that", "reaffirms that", "recognizes that", "stresses that", "notes with concern that",
    "welcomes the fact that", "underlines that", "emphasizes that",
  ]

  static let actions = [
    "adopt", "strengthen", "promote", "implement", "support", "develop", "ensure", "facilitate",
    "coordinate", "review", "monitor", "enhance", "protect", "establish", "share",
  ]

  static let objects = [
    "national action plans", "regional cooperation", "effective remedies", "good practices",
    "capacity-building programmes", "data collection and analysis", "access to justice",
    "institutional frameworks", "technical assistance", "public awareness campaigns",
    "international cooperation", "the rights of all persons concerned", "human rights approaches",
    "partnerships with civil society", "early warning systems", "adequate financial resources",
  ]

  static let qualifiers = [
    "in accordance with their obligations under international law",
    "with particular emphasis on vulnerable groups", "in close cooperation with civil society",
    "at the national and regional levels", "taking into account national circumstances",
    "within existing resources", "on a voluntary basis", "as a matter of priority",
    "in line with the relevant resolutions of the General Assembly",
    "with due respect to their cultures", "without discrimination of any kind",
  ]

  static let insertions = [
    "inter alia", "effectively", "fully", "where appropriate", "and sustainable", "in particular",
    "as appropriate", "progressively", "and inclusive", "at all levels",
  ]

  static let replacements = [
    "consider", "take measures to", "continue to", "redouble efforts to", "endeavour to",
    "the relevant authorities", "all stakeholders", "Member States", "a comprehensive approach",
  ]

  static let rationales = [
    "To align the text with agreed language.", "The current wording is too prescriptive.",
    "To reflect national circumstances.", "For clarity.", "To strengthen the commitment.",
    "Editorial.", "",
  ]
}
