import DraftText
import GitStore
import Wording

/// A clause's current words, each run attributed to the proposal that put it there, or to the draft it
/// has stood in since: `amend blame`.
public struct ClauseBlame: Codable, Equatable, Sendable {
  /// A run of words with one source. The spans' texts, joined, are the clause's text exactly.
  public struct Span: Codable, Equatable, Sendable {
    /// The run's exact text.
    public var text: String
    /// Who put these words there, and on what authority.
    public var source: ChangeSource
  }

  /// A line of the draft file and the commit that last wrote it: what `git blame` reports for it.
  public struct Line: Codable, Equatable, Sendable {
    /// 1-based, in the draft file.
    public var line: Int
    /// The commit that last wrote this line, as a change source.
    public var source: ChangeSource
  }

  /// The clause's id in the draft asked about ("7.b").
  public var clause: String
  /// The id as negotiators write it ("7 (b)").
  public var name: String
  /// The number of the draft asked about.
  public var draft: Int
  /// The draft file, for `git blame`.
  public var path: String
  /// The clause's marker as the draft writes it ("b)").
  public var marker: String
  /// The clause's exact text, without the marker.
  public var text: String
  /// The clause's words in runs of one source each, in order.
  public var spans: [Span]
  /// The clause's lines in the draft file, marker included. A renumbering rewrites a line without
  /// changing its words, so a line can name a later commit than any of its spans.
  public var lines: [Line]
  /// Things found in the history that did not stop the report.
  public var notes: [String]
}

extension DraftTimeline {
  func blame(of spelling: String, inDraft number: Int?, ledger: Ledger?) throws -> ClauseBlame {
    let (thread, found) = try thread(of: spelling, inDraft: number)
    let target = entries[found]
    guard let position = target.clause(onThread: thread) else {
      throw LookupError.clauseNotInDraft(spelling: spelling, inDraft: target.number)
    }
    let clause = self.clause(found, position)
    var sources: [Int: ChangeSource] = [:]
    func source(_ version: Int) -> ChangeSource {
      if let known = sources[version] { return known }
      let made = self.source(version, ledger: ledger)
      sources[version] = made
      return made
    }
    let words = Words(clause.text)
    var owners = wordOwners(onThread: thread, upTo: found)
    if owners.count != words.count { owners = Array(repeating: found, count: words.count) }
    var spans: [ClauseBlame.Span] = []
    var start = 0
    for index in 0...words.count where index == words.count || owners[index] != owners[start] {
      guard index > start else { continue }
      spans.append(ClauseBlame.Span(text: words.text(start..<index), source: source(owners[start])))
      start = index
    }
    let lines = lineOwners(of: position, in: found).enumerated().map {
      ClauseBlame.Line(line: clause.line + $0.offset, source: source($0.element))
    }
    return ClauseBlame(
      clause: clause.id.rawValue, name: clause.id.display, draft: target.number, path: target.file.path,
      marker: clause.marker, text: clause.text, spans: spans, lines: lines, notes: problems)
  }

  /// For each word token of the clause on `thread` in version `target`, the version that wrote it:
  /// words a version inserted or replaced are its own, words it kept keep their owner. Only the
  /// versions that changed the clause's words are read.
  func wordOwners(onThread thread: Int, upTo target: Int) -> [Int] {
    var owners: [Int] = []
    var text: Int32?
    for index in ancestry(of: target) {
      let version = entries[index]
      guard let position = version.clause(onThread: thread) else {
        owners = []
        text = nil
        continue
      }
      let now = version.clauses[position].text
      guard let before = text, version.origins[position] >= 0 else {
        owners = Array(repeating: index, count: Words(clauses.string(now)).count)
        text = now
        continue
      }
      // Equal numbers are equal words.
      guard before != now else { continue }
      var carried: [Int] = []
      var kept = 0
      for edit in WordDiff.edits(from: Words(clauses.string(before)), to: Words(clauses.string(now))) {
        carried += owners[kept..<edit.base.lowerBound]
        carried += Array(repeating: index, count: edit.replacement.count)
        kept = edit.base.upperBound
      }
      owners = carried + owners[kept...]
      text = now
    }
    return owners
  }

  /// For each line of clause `position` of version `target`, the version that last wrote it. Like
  /// `git blame`, it looks no further back than the commit that added the draft file: a new draft
  /// file begins as a copy, and git does not follow copies.
  func lineOwners(of position: Int, in target: Int) -> [Int] {
    lineOrigins(target, position).indices.map { line in
      var index = target
      var clause = position
      var offset = line
      while true {
        let version = entries[index]
        let origin = version.origins[clause]
        guard !version.startsFile, let kept = lineOrigins(index, clause)[offset], origin >= 0, let previous = version.previous
        else { return index }
        (index, clause, offset) = (previous, Int(origin), kept)
      }
    }
  }
}
