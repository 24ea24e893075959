/// Where record files stand in the repository (docs/RECORDS-LAYOUT.md): a proposal at
/// `proposals/<first two characters of its id>/<id>.md`, an event at
/// `proposals/events/<first two>/<id>.yaml`, so that no folder git rewrites on a commit holds more than
/// a few hundred entries. Deadline records stay directly in `proposals/events/` (`deadline-<id>.yaml`),
/// where tabling finds the deadline by name alone. Repositories written before the shards keep their
/// records flat (`proposals/<id>.md`, `proposals/events/<id>.yaml`): both layouts, and a mix of them,
/// read alike, and nothing is ever moved.
enum RecordLayout {
  /// The folder proposals stand in (and, under it, `events`).
  static let proposals = "proposals"
  /// The folder events stand in.
  static let events = "proposals/events"

  /// The shard folder's name for record `id`: its first two characters.
  static func shard(of id: String) -> String { String(id.prefix(2)) }

  /// Whether `name`, a folder directly under `proposals/` or `proposals/events/`, is a shard.
  static func isShard(_ name: String) -> Bool { name.count == 2 && name != "." && name != ".." }

  /// The proposal id of the record file at `path` in either layout, nil for any other path.
  static func proposalID(inPath path: String) -> String? {
    guard path.hasSuffix(".md"), path.hasPrefix(proposals + "/") else { return nil }
    let parts = path.dropFirst(proposals.count + 1).dropLast(".md".count).split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return String(parts[0])
    case 2 where isShard(String(parts[0])): return String(parts[1])
    default: return nil
    }
  }

  /// Whether `path` is an event record's file, in either layout.
  static func isEventPath(_ path: String) -> Bool { path.hasPrefix(events + "/") }
}
