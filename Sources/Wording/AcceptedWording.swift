/// The one rule by which accepted proposals combine on a clause, followed both by `accept` (to refuse
/// what would not combine) and by `next` (to write the result): in the order they were accepted, each
/// proposed wording is merged word by word onto what the earlier ones made of the clause, and a
/// wording the chair read out ("as orally revised") replaces it whole.
public enum AcceptedWording {
  /// `text` added to `combined` (what earlier accepted proposals made of `base`): merged word by word,
  /// or, when the chair read it out as revised, replacing it.
  public static func adding(
    _ text: String, asRevised: Bool, to combined: String, base: String
  ) throws(WordConflict)
    -> String
  {
    asRevised ? text : try WordMerge.merge(base: base, ours: combined, theirs: text)
  }
}
