import Foundation
import GitStore

/// What verify found in one commit: everything that depends on the commit alone (its tree, its parents'
/// trees, its signature, the roles in its parent), so that it can be kept by commit id.
struct CommitFacts: Equatable {
  /// Changes to the record (roles, drafts, proposals and events).
  var relevant = 0
  /// Signatures checked and found good.
  var signatures = 0
  /// Draft files it added or modified.
  var draftChanges: [DraftChange] = []
  /// Events it added, by id.
  var events: [String] = []
  /// The path of the draft-produced event it added, if any.
  var produced: String?
  /// What is wrong with it.
  var breaches: [Breach.Kind] = []
}

/// A draft file a commit added or modified.
struct DraftChange: Equatable {
  var path: String
  var added: Bool
}

/// What re-deriving one draft found: whether it matched, the breaches (in the chain's commits), and the
/// draft changes the chain explains ("commit path").
struct DerivedFacts: Equatable {
  var number: Int
  var derived: Bool
  var breaches: [Breach]
  var explained: [String]
}

/// Verify's findings by commit id, kept under the git directory (`amend/verify-v1.cache`) so that the
/// next run checks only new commits. A commit id names the commit and, through its parents, its whole
/// history, so what was found in it can never go stale; the file is derived, never committed, and can be
/// deleted at any time (`amend verify --full` ignores it).
final class VerificationCache {
  static let header = "amend-verify-cache 1"
  private let path: String?
  private(set) var commits: [ObjectID: CommitFacts] = [:]
  private(set) var drafts: [ObjectID: DerivedFacts] = [:]
  private var changed = false

  init(path: String?, load: Bool) {
    self.path = path
    if load { self.load() }
  }

  func remember(_ facts: CommitFacts, for commit: ObjectID) {
    commits[commit] = facts
    changed = true
  }

  func remember(_ facts: DerivedFacts, for commit: ObjectID) {
    drafts[commit] = facts
    changed = true
  }

  /// `text` with '%', ',', tabs and line breaks percent-escaped.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text.unicodeScalars {
      switch character {
      case "%": result += "%25"
      case ",": result += "%2C"
      case "\t": result += "%09"
      case "\n": result += "%0A"
      case "\r": result += "%0D"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  static func unescaped(_ text: String) -> String? {
    text.contains("%") ? text.removingPercentEncoding : text
  }

  private func load() {
    guard let path, let data = FileManager.default.contents(atPath: path) else { return }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > 0, lines[0] == Self.header else { return }
    let decoder = JSONDecoder()
    func string(_ field: String) -> String? { Self.unescaped(field) }
    for line in lines.dropFirst() where !line.isEmpty {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 2, let id = ObjectID(hex: fields[1]) else { continue }
      switch fields[0] {
      case "C" where fields.count == 5:
        var facts = CommitFacts()
        facts.relevant = Int(fields[2]) ?? 0
        facts.signatures = Int(fields[3]) ?? 0
        facts.events = fields[4].isEmpty ? [] : fields[4].split(separator: ",").compactMap { Self.unescaped(String($0)) }
        commits[id] = facts
      case "D" where fields.count == 4:
        if let path = string(fields[3]) { commits[id]?.draftChanges.append(DraftChange(path: path, added: fields[2] == "a")) }
      case "P" where fields.count == 3:
        commits[id]?.produced = string(fields[2])
      case "B" where fields.count == 3:
        if let kind = try? decoder.decode(Breach.Kind.self, from: Data(fields[2].utf8)) { commits[id]?.breaches.append(kind) }
      case "X" where fields.count == 4:
        drafts[id] = DerivedFacts(number: Int(fields[2]) ?? 0, derived: fields[3] == "1", breaches: [], explained: [])
      case "Y" where fields.count == 3:
        if let entry = string(fields[2]) { drafts[id]?.explained.append(entry) }
      case "Z" where fields.count == 4:
        if let at = ObjectID(hex: fields[2]), let kind = try? decoder.decode(Breach.Kind.self, from: Data(fields[3].utf8)) {
          drafts[id]?.breaches.append(Breach(commit: at, kind: kind))
        }
      default:
        continue
      }
    }
  }

  /// Writes the whole cache when something new was found; failing to write never fails verify.
  func save() {
    guard let path, changed else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Breaches are written as JSON and names percent-escaped, so no hostile path can end a field or a line.
    func json<Value: Encodable>(_ value: Value) -> String {
      (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
    let escaped = Self.escaped
    var lines = [Self.header]
    for (id, facts) in commits {
      lines.append("C\t\(id.hex)\t\(facts.relevant)\t\(facts.signatures)\t\(facts.events.map(escaped).joined(separator: ","))")
      for change in facts.draftChanges { lines.append("D\t\(id.hex)\t\(change.added ? "a" : "m")\t\(escaped(change.path))") }
      if let produced = facts.produced { lines.append("P\t\(id.hex)\t\(escaped(produced))") }
      for kind in facts.breaches { lines.append("B\t\(id.hex)\t\(json(kind))") }
    }
    for (id, facts) in drafts {
      lines.append("X\t\(id.hex)\t\(facts.number)\t\(facts.derived ? 1 : 0)")
      for entry in facts.explained { lines.append("Y\t\(id.hex)\t\(escaped(entry))") }
      for breach in facts.breaches { lines.append("Z\t\(id.hex)\t\(breach.commit.hex)\t\(json(breach.kind))") }
    }
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: Data((lines.joined(separator: "\n") + "\n").utf8)) else { return }
    if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
  }
}
