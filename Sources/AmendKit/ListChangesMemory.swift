import DraftText

/// What `accept` last made of the accepted list changes, kept between the trials one workspace makes
/// (a chair's sitting, the room's server, the benchmarks' generator). Accept tries each acceptance with
/// everything already accepted, exactly as `next` will apply it; the list changes come first and no
/// wording alters them, so when the list changes are those of the last trial on the same draft text,
/// the trial starts from the draft they made and applies only the wordings. Without it, a round of
/// many acceptances costs the square of its list changes, each rebuilding a long draft's index.
final class ListChangesMemory {
  struct Entry {
    /// The text of the draft the changes were applied to.
    var text: String
    /// Every list change tried, in applying order, with what decides its result.
    var key: [AcceptedChange.ListKey]
    var applied: AcceptedChange.Applied
    var checkReadBack: Bool
  }

  private var last: Entry?

  func entry(for text: String, _ key: [AcceptedChange.ListKey]) -> Entry? {
    guard let last, last.key == key, last.text == text else { return nil }
    return last
  }

  func keep(_ entry: Entry) {
    last = entry
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

  var listKey: ListKey? {
    list.map { ListKey(id: id, list: $0, subAmended: subAmended, revised: revised) }
  }
}
