import DraftText

/// What `accept` last made of the accepted changes, kept between the trials one workspace makes
/// (a chair's sitting, the room's server, the benchmarks' generator).
///
/// Accept tries each acceptance with everything already accepted, exactly as `next` will apply it:
/// the list changes first, then the wordings in the order accepted. A new acceptance is the last of
/// the wordings, so a trial whose list changes are those of the last trial on the same draft text
/// starts from the draft they made, and one whose earlier changes are all those of the last trial
/// starts from where that trial's wordings left off. Without it, a round of many acceptances costs
/// the square of its changes, each list change rebuilding a long draft's index. Debug builds check
/// every resumed trial against a full one.
final class TrialMemory {
  struct AfterList {
    /// The text of the draft the changes were applied to.
    var text: String
    /// Every list change tried, in applying order, with what decides its result.
    var key: [AcceptedChange.ListKey]
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

  private var afterList: AfterList?
  private var afterWordings: AfterWordings?

  func afterList(for text: String, _ key: [AcceptedChange.ListKey]) -> AfterList? {
    guard let afterList, afterList.key == key, afterList.text == text else { return nil }
    return afterList
  }

  /// The wordings of a trial whose list changes were `afterList(for:_:)`'s, when `key` begins with them.
  func afterWordings(startingWith key: [AcceptedChange.WordingKey]) -> AfterWordings? {
    guard let afterWordings, afterWordings.key.count <= key.count, key.starts(with: afterWordings.key) else { return nil }
    return afterWordings
  }

  func keep(_ entry: AfterList) {
    afterList = entry
    afterWordings = nil
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
}
