import GitStore

extension Snapshot {
  /// Every version of every draft along the branch, read from the commits. What a run read is kept in
  /// the git directory (`TimelineCache`), so that a later run reads only the commits made since.
  public func timeline() throws -> DraftTimeline {
    try DraftTimeline(repository: repository, tip: tip, cache: TimelineCache(repository: repository))
  }

  /// Every version of the clause `spelling` names in draft `number` (default: the current draft).
  public func clauseHistory(_ spelling: String, draft number: Int? = nil) throws -> ClauseHistory {
    try timeline().history(of: spelling, inDraft: number, ledger: try? ledger.get())
  }

  /// The words of the clause `spelling` names in draft `number` (default: the current draft), each run
  /// attributed to its source, with a check of its lines against libgit2's blame of the draft file.
  public func clauseBlame(_ spelling: String, draft number: Int? = nil) throws -> ClauseBlame {
    let timeline = try timeline()
    var report = try timeline.blame(of: spelling, inDraft: number, ledger: try? ledger.get())
    // git's blame reads the same commits as the drafts' history, line by line; the two can name
    // different commits only where a merge wrote the file, so git is asked only then.
    if let tip, let asked = timeline.latest[report.draft], timeline.ancestry(of: asked).contains(where: { timeline.entries[$0].merge }) {
      // git's blame passes every line of a commit whose parent holds the same blob on to that parent,
      // so blaming from the commit that last wrote the file says what blaming from the tip says,
      // without walking the commits since (the tip's blob is checked to be that commit's).
      let blob = try repository.blobID(at: report.path, inCommit: tip)
      let wrote = timeline.entries[asked].blob == blob ? timeline.entries[asked].commit : nil
      report.notes += try disagreements(report, at: wrote ?? tip)
    }
    return report
  }

  /// The changes from draft `from` to draft `to` (default: the last two), or to one clause.
  public func comparison(from: Int? = nil, to: Int? = nil, clause: String? = nil) throws -> DraftComparison {
    try timeline().comparison(from: from, to: to, clause: clause, ledger: try? ledger.get())
  }

  /// Lines where git's own blame of the draft file names another commit than the walk of the drafts:
  /// the two read the same commits, so they differ only when the history is not what amend writes.
  private func disagreements(_ report: ClauseBlame, at commit: ObjectID) throws -> [String] {
    // Only the clause's lines: libgit2 then stops going back once they are accounted for, where a
    // blame of the whole file reads the history back to the file's first commit.
    guard let first = report.lines.first?.line, let last = report.lines.last?.line, first <= last else { return [] }
    let hunks = try repository.blame(path: report.path, at: commit, lines: first...last)
    return report.lines.compactMap { line in
      guard let hunk = hunks.first(where: { $0.lines.contains(line.line) }), hunk.commit.hex != line.source.commit
      else { return nil }
      return
        "git blame names commit \(hunk.commit.short) for line \(line.line) of \(report.path), the drafts' history "
        + "\(line.source.commit.prefix(7)); the file was changed on a side branch or by a merge"
    }
  }
}
