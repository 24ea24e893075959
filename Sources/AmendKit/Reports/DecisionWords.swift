/// Decisions in the words every command shows them with.
public enum DecisionWords {
  /// Both (or all) sides of a conflict: "accepted in session A (…, chair …) and rejected in session B (…)".
  public static func conflict(_ events: [EventRecord]) -> String {
    events.map { ProposalSummary.DecisionSummary($0).words }.joined(separator: " and ")
  }
}
