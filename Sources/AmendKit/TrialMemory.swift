import DraftText

/// What `accept` last made of the accepted changes, kept between the trials one workspace makes
/// (a chair's sitting, the room's server, the benchmarks' generator).
///
/// Accept tries each acceptance with everything already accepted, exactly as `next` will apply it:
/// the list changes step by step in applying order, then the wordings in the order accepted. A
/// trial on the same draft text starts after the last group of list steps it shares with the last
/// one (a new clause tabled last is the last of the new clauses), and, when it shares them all and
/// every earlier wording, after the last trial's wordings: a new wording costs that wording. Without
/// it, a round of many acceptances costs the square of its changes, each list change rebuilding a
/// long draft's index. Debug builds check every resumed trial against a full one.
final class TrialMemory {
  /// The state after the list steps of a trial up to the end of one group (new clauses, moves,
  /// deletions, articles): only those are kept, so a long draft is held a few times, not once a step.
  struct Checkpoint {
    /// How many list steps were applied.
    var steps: Int
    var applied: AcceptedChange.Applied
    var checkReadBack: Bool
  }

  struct AfterWordings {
    /// The changes whose wordings were applied, in the order accepted.
    var key: [AcceptedChange.WordingKey]
    var applied: AcceptedChange.Applied
    /// Each reworded clause's text so far.
    var combined: [ClauseKey: String]
    var checkReadBack: Bool
  }

  /// The text of the draft the last trial applied its changes to.
  private var text: String?
  private var steps: [AcceptedChange.ListKey] = []
  private var checkpoints: [Checkpoint] = []
  private var afterWordings: AfterWordings?

  /// The last trial's checkpoints within the list steps `key` shares with it, on the same `text`.
  func checkpoints(sharedWith key: [AcceptedChange.ListKey], on text: String) -> [Checkpoint] {
    guard self.text == text else { return [] }
    let shared = zip(steps, key).prefix { $0 == $1 }.count
    return checkpoints.filter { $0.steps <= shared }
  }

  /// Keeps a trial's list steps and its checkpoints; returns whether the steps are the last trial's.
  func keep(text: String, steps: [AcceptedChange.ListKey], checkpoints: [Checkpoint]) -> Bool {
    let same = self.text == text && self.steps == steps
    if !same {
      self.text = text
      self.steps = steps
      afterWordings = nil
    }
    self.checkpoints = checkpoints
    return same
  }

  /// The wordings of the last trial, when `key` begins with them.
  func afterWordings(startingWith key: [AcceptedChange.WordingKey]) -> AfterWordings? {
    guard let afterWordings, key.starts(with: afterWordings.key) else { return nil }
    return afterWordings
  }

  func keep(_ entry: AfterWordings) {
    afterWordings = entry
  }
}

extension AcceptedChange {
  /// What decides a list change's result: the change, the words it inserts (sub-amended and as
  /// revised) and whose they are.
  struct ListKey: Equatable {
    var id: String
    var list: ListChange
    var subAmended: [SubAmendmentStage]
    var revised: String?
  }

  /// What decides a change's wording: the clause as it was, and each text put on it.
  struct WordingKey: Equatable {
    var id: String
    var reworded: Clause?
    var tabled: String?
    var subAmended: [SubAmendmentStage]
    var revised: String?
  }

  var listKey: ListKey? {
    list.map { ListKey(id: id, list: $0, subAmended: subAmended, revised: revised) }
  }

  var wordingKey: WordingKey {
    WordingKey(id: id, reworded: reworded, tabled: tabled, subAmended: subAmended, revised: revised)
  }

  /// Which group of list steps a change is applied in: new clauses and articles (0), moves (1),
  /// deletions and options chosen (2), articles deleted, retitled or unbracketed (3); nil for a wording alone.
  var listGroup: Int? {
    switch list {
    case .insert, .insertUnder, .insertArticle: 0
    case .move, .moveBefore: 1
    case .delete, .keepOption: 2
    case .deleteArticle, .retitleArticle, .liftBrackets: 3
    case nil: nil
    }
  }
}
