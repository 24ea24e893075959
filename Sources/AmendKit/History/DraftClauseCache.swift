import DraftText
import Foundation
import GitStore

/// One clause of one version of a draft, as the history reads it: every string a number in the
/// cache's table of strings, so that versions share what they do not change and clauses compare
/// as integers.
struct ClauseSlot: Equatable, Sendable {
  var text: Int32
  var id: Int32
  var eId: Int32
  var marker: Int32
  /// The 1-based line where the clause starts.
  var line: Int32
  var kind: UInt8

  static let kinds: [Clause.Kind] = [.preambular, .articleText, .paragraph, .subparagraph, .item]

  /// Equal for clauses of the same kind and words: what a version's clauses are matched by.
  var matchKey: Int64 { Int64(text) << 3 | Int64(kind) }
}

/// A clause of one version with its strings, for reports.
struct ClauseState: Equatable {
  var kind: Clause.Kind
  var id: ClauseID
  var eId: String
  var marker: String
  var text: String
  var line: Int
}

/// The table of strings every clause slot points into, and the clauses of each blob parsed in this
/// run: `history`, `blame` and `diff` compare versions as numbers in one table, so that versions share
/// what they do not change and clauses compare as integers. What lasts between runs is the timeline
/// itself (`TimelineCache`), which stores the strings it still needs.
final class DraftClauseCache {
  /// What a blob held.
  enum Content: Equatable {
    case clauses([ClauseSlot])
    /// The parser's error, as the history reports it.
    case unreadable(String)
  }

  private(set) var strings: [String]
  /// Built when the first blob is parsed: a run that parses nothing never needs it.
  private var numbers: [String: Int32]?
  /// How many blobs were parsed, for tests and measurements.
  private(set) var parsed = 0

  /// A table that begins with `strings` (read back from a `TimelineCache`).
  init(strings: [String] = []) {
    self.strings = strings
  }

  /// The clauses of a blob, parsed from `read()`. Not kept: a version is compared with the one before
  /// it and then kept only as what changed (`TimelineVersion`).
  func content(read: () throws -> Data) rethrows -> Content {
    let data = try read()
    let content: Content
    do {
      let text = try Draft.text(of: data)
      // Versions come one after another, most of them one wording apart (Draft.parsedAgain): such a
      // version keeps the slots of the one before but for the clause whose words changed.
      let slots: [ClauseSlot]
      if let previous, previous.text == text {
        slots = previous.slots
      } else if let previous, let draft = previous.draft.parsedAgain(from: previous.text, as: text) {
        slots = zip(previous.slots, zip(previous.draft.clauses, draft.clauses)).map { slot, clauses in
          guard clauses.0.text != clauses.1.text else { return slot }
          var changed = slot
          changed.text = number(clauses.1.text)
          return changed
        }
        assert(slots == self.slots(of: draft), "a clause whose words did not change keeps its slot")
        self.previous = (text, draft, slots)
      } else {
        let draft = try Draft(parsing: text)
        slots = self.slots(of: draft)
        self.previous = (text, draft, slots)
      }
      content = .clauses(slots)
    } catch {
      content = .unreadable("\(error)")
    }
    parsed += 1
    return content
  }

  /// The blob parsed last, which the next one is read against.
  private var previous: (text: String, draft: Draft, slots: [ClauseSlot])?

  func string(_ number: Int32) -> String { strings[Int(number)] }

  func state(_ slot: ClauseSlot) -> ClauseState {
    ClauseState(
      kind: ClauseSlot.kinds[Int(slot.kind)], id: ClauseID(rawValue: string(slot.id)), eId: string(slot.eId),
      marker: string(slot.marker), text: string(slot.text), line: Int(slot.line))
  }

  /// The clauses of a parsed draft as slots in this table.
  func slots(of draft: Draft) -> [ClauseSlot] { draft.clauses.map(slot) }

  private func slot(_ clause: Clause) -> ClauseSlot {
    ClauseSlot(
      text: number(clause.text), id: number(clause.id.rawValue), eId: number(clause.eId), marker: number(clause.marker),
      line: Int32(clamping: clause.line), kind: UInt8(ClauseSlot.kinds.firstIndex(of: clause.kind) ?? 0))
  }

  private func number(_ string: String) -> Int32 {
    if numbers == nil {
      numbers = Dictionary(strings.enumerated().map { ($0.element, Int32($0.offset)) }, uniquingKeysWith: { first, _ in first })
    }
    if let known = numbers?[string] { return known }
    let next = Int32(strings.count)
    strings.append(string)
    numbers?[string] = next
    return next
  }

  /// What the parser reads from a sample that exercises every kind of clause, hashed: a parser that
  /// reads it otherwise (a new rule for markers, ids or eIds) makes older files unreadable, so that
  /// nothing parsed by an older amend is taken for what this one would read.
  static let parserFingerprint: UInt32 = {
    let sample = """
      Subject of the sample
      Seventh draft of the sample
      12 October 2010

      The General Assembly,

      Recalling its resolutions,

      1. Decides that:
         a) the first, and
         b) the second:
            (i) an item;
            (ii) another;
      2bis. Notes;
      - c) a dashed one;

      ## Article 4

      Text of the article.

      1. A paragraph of the article.

      """
    var fields = RecordCacheCoding.Writer()
    for clause in (try? Draft(parsing: sample))?.clauses ?? [] {
      for field in [clause.kind.rawValue, clause.id.rawValue, clause.eId, clause.marker, clause.text, "\(clause.line)"] {
        fields.string(field)
      }
    }
    return RecordCacheCoding.checksum(fields.data)
  }()
}
