/// Parallel numbering that nothing parts any more. A list the source starts again under each
/// option or title ("**Proposed Mechanism 1**" 1, 2, 3; "**Proposed Mechanism 2**" 1, 2) is one
/// run per start (`OutlineLists.markRuns`); once the lines that parted two runs are deleted, the
/// text reads as one list, and numbers as one: 1 to 5.
extension Draft {
  /// Joins the run of the first labelled clause after `seam` (the block where lines were taken
  /// out) to the run before it in its list, when only clauses and blank lines stand between them.
  mutating func joinRuns(across seam: Int) {
    var seam = min(seam, blocks.count)
    while seam > 0, blocks[seam - 1].isBlank { seam -= 1 }
    guard let next = blocks[seam...].firstIndex(where: { $0.node.map { $0.labelKind != .none } ?? false }),
      let later = blocks[next].node, later.run > 0
    else { return }
    let list = OutlineLists.id(of: later, byRun: false)
    guard
      let previous = blocks[..<next].lastIndex(where: { block in
        block.node.map { $0.labelKind != .none && OutlineLists.id(of: $0, byRun: false) == list } ?? false
      }),
      let earlier = blocks[previous].node, earlier.run != later.run,
      blocks[previous..<next].allSatisfy({ $0.isBlank || $0.node != nil })
    else { return }
    for index in blocks.indices {
      guard case .clause(var node) = blocks[index], node.run == later.run, OutlineLists.id(of: node, byRun: false) == list else {
        continue
      }
      node.run = earlier.run
      blocks[index] = .clause(node)
    }
    editedLists.insert(OutlineLists.id(of: earlier))
  }
}
