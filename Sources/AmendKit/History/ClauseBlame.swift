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
    guard let position = whole[found]?.position(ofThread: thread), let clause = clause(found, position) else {
      throw LookupError.clauseNotInDraft(spelling: spelling, inDraft: target.number)
    }
    var sources: [Int: ChangeSource] = [:]
    func source(_ version: Int) -> ChangeSource {
      if let known = sources[version] { return known }
      let made = self.source(version, ledger: ledger)
      sources[version] = made
      return made
    }
    let path = ancestry(of: found)
    var states = self.states(ofThread: thread, along: path)
    // The asked version's clause with its line as it stands (a replayed one keeps the line it changed at).
    states[states.count - 1].slot = whole[found]?.slots[position]
    let words = Words(clause.text)
    var owners = wordOwners(path, states)
    if owners.count != words.count { owners = Array(repeating: found, count: words.count) }
    var spans: [ClauseBlame.Span] = []
    var start = 0
    for index in 0...words.count where index == words.count || owners[index] != owners[start] {
      guard index > start else { continue }
      spans.append(ClauseBlame.Span(text: words.text(start..<index), source: source(owners[start])))
      start = index
    }
    let lines = lineOwners(path, states).enumerated().map {
      ClauseBlame.Line(line: clause.line + $0.offset, source: source($0.element))
    }
    return ClauseBlame(
      clause: clause.id.rawValue, name: clause.id.display, draft: target.number, path: target.file.path,
      marker: clause.marker, text: clause.text, spans: spans, lines: lines, notes: problems)
  }

  /// For each word token of the clause in the last version of `path`, the version that wrote it:
  /// words a version inserted or replaced are its own, words it kept keep their owner. Only the
  /// versions that changed the clause's words are compared.
  func wordOwners(_ path: [Int], _ states: [(slot: ClauseSlot?, moved: Bool)]) -> [Int] {
    var owners: [Int] = []
    var text: Int32?
    for (index, state) in zip(path, states) {
      guard let slot = state.slot else {
        owners = []
        text = nil
        continue
      }
      let now = slot.text
      // A clause present in the version before carries on from it.
      guard let before = text else {
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

  /// For each line of the clause in the last version of `path`, the version that last wrote it. Like
  /// `git blame`, it looks no further back than the commit that added the draft file: a new draft
  /// file begins as a copy, and git does not follow copies.
  func lineOwners(_ path: [Int], _ states: [(slot: ClauseSlot?, moved: Bool)]) -> [Int] {
    guard let last = states.last?.slot else { return [] }
    var memo: [Int: [Int?]] = [:]
    func origins(_ step: Int) -> [Int?] {
      if let known = memo[step] { return known }
      let previous = step > 0 ? states[step - 1].slot : nil
      let found =
        states[step].slot.map {
          ClauseCorrespondence.lineOrigins(of: $0, from: previous, moved: states[step].moved, strings: clauses)
        } ?? []
      memo[step] = found
      return found
    }
    return ClauseCorrespondence.lineOrigins(of: last, from: nil, moved: false, strings: clauses).indices.map { line in
      var step = path.count - 1
      var offset = line
      while true {
        let version = entries[path[step]]
        let lines = origins(step)
        guard !version.startsFile, step > 0, states[step - 1].slot != nil, offset < lines.count, let kept = lines[offset]
        else { return path[step] }
        (step, offset) = (step - 1, kept)
      }
    }
  }
}
