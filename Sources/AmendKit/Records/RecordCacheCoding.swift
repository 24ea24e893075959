import Foundation

/// The record cache's own file format: length-prefixed fields, read without a general-purpose
/// decoder, since reading thousands of records back is what every command pays for.
///
/// A file is a run of chunks, each `magic, payload length, payload, checksum`; a chunk that is cut
/// short or does not check ends the reading (what follows is decoded again from git).
enum RecordCacheCoding {
  static let magic: UInt32 = 0x414D_4331  // "AMC1"

  /// What a cached blob held.
  enum Record {
    case proposal(ProposalRecord)
    case event(EventRecord)
    case numbering(NumberingTable)
  }

  /// One chunk holding `entries`.
  static func chunk(_ entries: [(blob: String, record: Record)]) -> Data {
    var payload = Writer()
    for (blob, record) in entries {
      switch record {
      case .proposal(let proposal):
        payload.byte(1)
        payload.string(blob)
        write(proposal, to: &payload)
      case .event(let event):
        payload.byte(2)
        payload.string(blob)
        write(event, to: &payload)
      case .numbering(let table):
        payload.byte(3)
        payload.string(blob)
        write(table, to: &payload)
      }
    }
    var chunk = Writer()
    chunk.uint32(magic)
    chunk.uint32(UInt32(payload.bytes.count))
    chunk.bytes += payload.bytes
    chunk.uint32(payload.bytes.withUnsafeBytes { RecordCacheCoding.checksum($0) })
    return chunk.data
  }

  /// Every entry of every whole chunk in `data`, and how many chunks there were.
  static func entries(in data: Data) -> (entries: [(blob: String, record: Record)], chunks: Int) {
    var found: [(String, Record)] = []
    var chunks = 0
    var reader = Reader(data)
    while reader.remaining > 0 {
      guard let mark = reader.uint32(), mark == magic, let length = reader.uint32(),
        let payload = reader.bytes(Int(length)), let sum = reader.uint32(), sum == checksum(payload)
      else { break }
      chunks += 1
      var entries = Reader(payload)
      while entries.remaining > 0 {
        guard let entry = readEntry(&entries) else { break }
        found.append(entry)
      }
    }
    return (found, chunks)
  }

  private static func readEntry(_ reader: inout Reader) -> (String, Record)? {
    guard let kind = reader.byte(), let blob = reader.string() else { return nil }
    switch kind {
    case 1: return readProposal(&reader).map { (blob, .proposal($0)) }
    case 2: return readEvent(&reader).map { (blob, .event($0)) }
    case 3: return readNumbering(&reader).map { (blob, .numbering($0)) }
    default: return nil
    }
  }

  /// FNV-1a: enough to tell a torn or interleaved chunk from a whole one.
  static func checksum(_ data: Data) -> UInt32 {
    // Over the bytes in place: iterating `Data` itself costs tens of instructions a byte.
    data.withUnsafeBytes { checksum($0) }
  }

  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in bytes {
      hash = (hash ^ UInt32(byte)) &* 16_777_619
    }
    return hash
  }

  // MARK: Records, field by field (update `RecordCache.format` when a record's fields change).

  private static func write(_ record: ProposalRecord, to writer: inout Writer) {
    writer.string(record.id)
    writer.int(record.draft)
    writer.string(record.clause)
    write(record.operation, to: &writer)
    writer.string(record.delegation)
    writer.string(record.email)
    writer.strings(record.cosponsors)
    writer.string(record.tabled)
    writer.string(record.tabledBy)
    writer.string(record.textBefore)
    writer.optional(record.textProposed)
    writer.string(record.rationale)
    writer.optional(record.takenUpFrom)
    writer.byte(record.late == nil ? 0 : record.late == true ? 2 : 1)
    writer.byte(record.throughout == nil ? 0 : 1)
    writer.strings(record.throughout ?? [])
    writer.optional(record.to)
  }

  private static func readProposal(_ reader: inout Reader) -> ProposalRecord? {
    guard let id = reader.string(), let draft = reader.int(), let clause = reader.string(),
      let operation = readOperation(&reader), let delegation = reader.string(), let email = reader.string(), let cosponsors = reader.strings(),
      let tabled = reader.string(), let tabledBy = reader.string(), let textBefore = reader.string(),
      let textProposed = reader.optionalString(), let rationale = reader.string(),
      let takenUpFrom = reader.optionalString(), let late = reader.byte(), let isThroughout = reader.byte(),
      let throughout = reader.strings(), let to = reader.optionalString()
    else { return nil }
    var record = ProposalRecord(
      id: id, draft: draft, clause: clause, operation: .deleteClause, delegation: delegation, email: email,
      cosponsors: cosponsors, tabled: tabled, tabledBy: tabledBy, textBefore: textBefore,
      textProposed: textProposed, rationale: rationale)
    record.operation = operation
    record.takenUpFrom = takenUpFrom
    record.late = late == 0 ? nil : late == 2
    record.throughout = isThroughout == 0 ? nil : throughout
    record.to = to
    return record
  }

  private static func write(_ event: EventRecord, to writer: inout Writer) {
    writer.string(event.id)
    writer.int(event.seq)
    writer.string(event.kind.rawValue)
    writer.string(event.time)
    for field in [
      event.proposal, event.by, event.onBehalfOf, event.session, event.sessionName, event.chair, event.date,
      event.asRevised, event.note,
    ] {
      writer.optional(field)
    }
    writer.optional(event.draft)
    writer.byte(event.applied == nil ? 0 : 1)
    writer.strings(event.applied ?? [])
    for field in [event.clause, event.textBefore, event.textProposed, event.rationale, event.deadline] { writer.optional(field) }
    writer.byte(event.operation == nil ? 0 : 1)
    if let operation = event.operation { write(operation, to: &writer) }
    writer.optional(event.subAmendment)
  }

  private static func write(_ operation: OperationRecord, to writer: inout Writer) {
    writer.string(operation.kind)
    writer.optional(operation.words)
    writer.optional(operation.with)
    writer.optional(operation.text)
    writer.optional(operation.position)
    writer.optional(operation.occurrence)
    writer.optional(operation.follow)
    writer.optional(operation.option)
  }

  private static func readEvent(_ reader: inout Reader) -> EventRecord? {
    guard let id = reader.string(), let seq = reader.int(), let kind = reader.string().flatMap(EventRecord.Kind.init),
      let time = reader.string()
    else { return nil }
    var fields: [String?] = []
    for _ in 0..<9 {
      guard let field = reader.optionalString() else { return nil }
      fields.append(field)
    }
    guard let draft = reader.optionalInt(), let hasApplied = reader.byte(), let applied = reader.strings() else {
      return nil
    }
    var event = EventRecord(id: id, seq: seq, kind: kind, time: time)
    (event.proposal, event.by, event.onBehalfOf, event.session, event.sessionName) =
      (fields[0], fields[1], fields[2], fields[3], fields[4])
    (event.chair, event.date, event.asRevised, event.note) = (fields[5], fields[6], fields[7], fields[8])
    event.draft = draft
    event.applied = hasApplied == 1 ? applied : nil
    var revision: [String?] = []
    for _ in 0..<5 {
      guard let field = reader.optionalString() else { return nil }
      revision.append(field)
    }
    event.deadline = revision[4]
    (event.clause, event.textBefore, event.textProposed, event.rationale) = (revision[0], revision[1], revision[2], revision[3])
    guard let hasOperation = reader.byte() else { return nil }
    if hasOperation == 1 {
      guard let operation = readOperation(&reader) else { return nil }
      event.operation = operation
    }
    guard let subAmendment = reader.optionalString() else { return nil }
    event.subAmendment = subAmendment
    return event
  }

  private static func readOperation(_ reader: inout Reader) -> OperationRecord? {
    guard let kind = reader.string(), let words = reader.optionalString(), let with = reader.optionalString(),
      let text = reader.optionalString(), let position = reader.optionalString(),
      let occurrence = reader.optionalInt(), let follow = reader.optionalString(), let option = reader.optionalInt()
    else { return nil }
    return OperationRecord(
      kind: kind, words: words, with: with, text: text, position: position, occurrence: occurrence, follow: follow,
      option: option)
  }

  private static func write(_ table: NumberingTable, to writer: inout Writer) {
    writer.int(table.from)
    writer.int(table.to)
    writer.uint32(UInt32(table.changes.count))
    for change in table.changes {
      writer.optional(change.old)
      writer.optional(change.new)
      writer.optional(change.proposal)
    }
  }

  private static func readNumbering(_ reader: inout Reader) -> NumberingTable? {
    guard let from = reader.int(), let to = reader.int(), let count = reader.uint32() else { return nil }
    var changes: [NumberingTable.Change] = []
    changes.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let old = reader.optionalString(), let new = reader.optionalString(),
        let proposal = reader.optionalString()
      else { return nil }
      changes.append(NumberingTable.Change(old: old, new: new, proposal: proposal))
    }
    return NumberingTable(from: from, to: to, changes: changes)
  }

  // MARK: Bytes

  struct Writer {
    /// Written to an array and turned into `Data` once: appending to `Data` field by field costs
    /// hundreds of instructions a field.
    var bytes: [UInt8] = []

    var data: Data {
      get { Data(bytes) }
      set { bytes = [UInt8](unsafeUninitializedCapacity: newValue.count) { target, count in count = newValue.copyBytes(to: target) } }
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func uint32(_ value: UInt32) {
      bytes.append(UInt8(truncatingIfNeeded: value))
      bytes.append(UInt8(truncatingIfNeeded: value >> 8))
      bytes.append(UInt8(truncatingIfNeeded: value >> 16))
      bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    mutating func int(_ value: Int) {
      withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
      uint32(UInt32(value.utf8.count))
      bytes.append(contentsOf: value.utf8)
    }

    /// A nil string is written as the length 0xFFFFFFFF, which no real field reaches.
    mutating func optional(_ value: String?) {
      guard let value else { return uint32(.max) }
      string(value)
    }

    mutating func optional(_ value: Int?) {
      byte(value == nil ? 0 : 1)
      int(value ?? 0)
    }

    mutating func strings(_ values: [String]) {
      uint32(UInt32(values.count))
      for value in values { string(value) }
    }
  }

  /// Reads fields back; every read returns nil past the end, so a short buffer is never read beyond.
  struct Reader {
    private let buffer: [UInt8]
    private var offset = 0

    init(_ data: Data) {
      // Copied in one go: `[UInt8](data)` walks `Data`'s iterator a byte at a time.
      buffer = [UInt8](unsafeUninitializedCapacity: data.count) { target, count in
        count = data.copyBytes(to: target)
      }
    }

    var remaining: Int { buffer.count - offset }

    mutating func byte() -> UInt8? {
      guard remaining >= 1 else { return nil }
      defer { offset += 1 }
      return buffer[offset]
    }

    mutating func uint32() -> UInt32? {
      guard remaining >= 4 else { return nil }
      var value: UInt32 = 0
      for index in 0..<4 { value |= UInt32(buffer[offset + index]) << (8 * index) }
      offset += 4
      return value
    }

    mutating func int() -> Int? {
      guard remaining >= 8 else { return nil }
      var value: UInt64 = 0
      for index in 0..<8 { value |= UInt64(buffer[offset + index]) << (8 * index) }
      offset += 8
      return Int(Int64(bitPattern: value))
    }

    mutating func bytes(_ count: Int) -> Data? {
      guard count >= 0, remaining >= count else { return nil }
      defer { offset += count }
      return buffer.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[offset..<(offset + count)])) }
    }

    mutating func string() -> String? {
      guard let count = uint32(), count != .max, remaining >= Int(count) else { return nil }
      defer { offset += Int(count) }
      return String(decoding: buffer[offset..<(offset + Int(count))], as: UTF8.self)
    }

    /// `.some(nil)` for a field written as nil; nil when the buffer is short.
    mutating func optionalString() -> String?? {
      guard remaining >= 4 else { return nil }
      if buffer[offset..<(offset + 4)].allSatisfy({ $0 == 0xFF }) {
        offset += 4
        return .some(nil)
      }
      return string().map { .some($0) }
    }

    mutating func optionalInt() -> Int?? {
      guard let flag = byte(), let value = int() else { return nil }
      return flag == 1 ? .some(value) : .some(nil)
    }

    mutating func strings() -> [String]? {
      guard let count = uint32(), Int(count) <= remaining else { return nil }
      var values: [String] = []
      values.reserveCapacity(Int(count))
      for _ in 0..<count {
        guard let value = string() else { return nil }
        values.append(value)
      }
      return values
    }
  }
}
