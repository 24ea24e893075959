import DraftText

extension AcceptedChange {
  /// The order in which the list changes of an accepted set are applied, the same for `accept` (which
  /// tries them) and `next` (which writes them), and independent of the order the chair took them in:
  /// tabling order (as `proposals` lists them: the time tabled, then the id), except that a move to
  /// follow a clause another accepted move carries comes after that move, so it follows the clause
  /// where the clause ends up (chained moves: PP5 to follow PP3, PP6 to follow PP5). A cycle of moves
  /// (A to follow B, B to follow A) is taken in tabling order.
  ///
  /// The wordings are combined in the order accepted, as before: two wordings of one clause either
  /// touch different words, and then merge the same in either order, or collide, and then `accept`
  /// refuses the second.
  static func inApplyingOrder(_ changes: [AcceptedChange]) -> [AcceptedChange] {
    let tabling = changes.sorted { ($0.item.record.tabled, $0.id) < ($1.item.record.tabled, $1.id) }
    var pending = tabling.filter(\.isMove)
    var moves: [AcceptedChange] = []
    while !pending.isEmpty {
      let carried = Set(pending.compactMap(\.movedKey))
      let ready = pending.firstIndex { change in
        guard let follow = change.followKey else { return true }
        return follow == change.movedKey || !carried.contains(follow)
      }
      moves.append(pending.remove(at: ready ?? 0))
    }
    return tabling.filter { !$0.isMove } + moves
  }

  var isMove: Bool { movedKey != nil }

  /// The clause a move carries.
  var movedKey: ClauseKey? {
    switch list {
    case .move(let clause, _), .moveBefore(let clause, _): return clause.key
    default: return nil
    }
  }

  /// The clause a move is to stand next to.
  var followKey: ClauseKey? {
    switch list {
    case .move(_, let follow), .moveBefore(_, let follow): return follow.key
    default: return nil
    }
  }
}
