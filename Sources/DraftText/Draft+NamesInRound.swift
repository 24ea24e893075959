/// Where a clause new in a round was put in the draft the round amends: after a clause, or before one.
public enum NewClausePlace: Sendable, Equatable {
  case after(ClauseKey)
  case before(ClauseKey)
}

extension Draft {
  /// The names clauses new in a round go by in the round's own texts, as negotiators cite a new
  /// paragraph before it has a number ("paragraphs 6 and 7 ter of this Article"). Names are read in
  /// `start`, the draft the round amends: the clause of `start` the new ones follow there (for one put
  /// before a clause, that clause's previous sibling), then "bis", "ter"… in the order they stand in
  /// this draft; the only one put before the first clause of a list is that clause's number with
  /// "pre". Names a clause of `start` has are passed over, as tabling passes over them. A point tabled
  /// with a new clause is named under it ("7 ter (a)").
  public func namesInRound(of places: [ClauseKey: NewClausePlace], from start: Draft) -> [ClauseID: ClauseKey] {
    var following: [ClauseID: [ClauseKey]] = [:]
    var beforeFirst: [ClauseID: [ClauseKey]] = [:]
    // An unnumbered line has no number to be cited by.
    for (key, place) in places where clause(key: key).map({ !$0.id.isUnnumbered }) ?? false {
      switch place {
      case .after(let anchor):
        if let clause = start.clause(key: anchor) { following[clause.id, default: []].append(key) }
      case .before(let anchor):
        guard let (_, node) = try? start.locate(anchor), let clause = start.clause(key: anchor) else { continue }
        let list = start.siblings(of: node)
        if let position = list.firstIndex(where: { $0.key == anchor }), position > 0, let previous = start.clause(key: list[position - 1].key) {
          following[previous.id, default: []].append(key)
        } else {
          beforeFirst[clause.id, default: []].append(key)
        }
      }
    }
    let position = Dictionary(clauses.enumerated().map { ($1.key, $0) }) { first, _ in first }
    let taken = Set(start.clauses.map(\.id))
    var names: [ClauseID: ClauseKey] = [:]
    for (clause, keys) in following {
      var n = 1
      for key in keys.sorted(by: { position[$0, default: 0] < position[$1, default: 0] }) {
        while taken.contains(clause.bis(n)) { n += 1 }
        names[clause.bis(n)] = key
        n += 1
      }
    }
    for (clause, keys) in beforeFirst where keys.count == 1 {
      let (head, occurrence) = ClauseRepeat.split(clause.rawValue)
      let name = ClauseID(rawValue: head + Label.beforeFirstSuffix + (occurrence.map { "#\($0)" } ?? ""))
      if !taken.contains(name) { names[name] = keys[0] }
    }
    var named = Array(names)
    while let (name, key) = named.popLast() {
      for point in children(of: key) {
        guard let label = point.id.components.last else { continue }
        let pointName = ClauseID(rawValue: name.rawValue + "." + label)
        names[pointName] = point.key
        named.append((pointName, point.key))
      }
    }
    return names
  }
}
