import AmendKit
import Documents
import Foundation
import GitCLISupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A scratch folder for one Akoma Ntoso test, removed when the test ends.
final class AKNScratch {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("amend-akn-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The shared folder beside the repository: the seed, the real texts, the AKN schema.
enum AKNShared {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared")

  static let seed = root.appendingPathComponent("seeds/seventh-draft-migration-2010-10-12.txt").path
  static let schema = root.appendingPathComponent("schemas/akn3/akomantoso30.xsd").path
  static let unDraftResolution = root.appendingPathComponent("realcases/akn_un_draft_resolution_E-CN.7-2012-L.2.xml").path

  /// Every seed and every *.md and *.txt real text but the sources list.
  static var texts: [String] {
    let folder = root.appendingPathComponent("realcases")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let real = names.filter { ($0.hasSuffix(".md") || $0.hasSuffix(".txt")) && $0 != "SOURCES.md" }.sorted()
      .map { folder.appendingPathComponent($0).path }
    let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path)) ?? [])
      .sorted().map { root.appendingPathComponent("seeds/\($0)").path }
    return seeds + real
  }
}

/// A clock that moves one minute a reading from 12 October 2010, 09:00 UTC, a fixed nonce and committer.
final class AKNClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date

  init(_ start: String = "2010-10-12T09:00:00Z") {
    current = ISO8601DateFormatter().date(from: start) ?? Date(timeIntervalSince1970: 0)
  }

  func set(_ moment: String) {
    lock.lock()
    defer { lock.unlock() }
    current = ISO8601DateFormatter().date(from: moment) ?? current
  }

  func now() -> Date {
    lock.lock()
    defer { lock.unlock() }
    current += 60
    return current
  }
}

func aknContext(_ clock: AKNClock) -> Context {
  Context(
    now: { clock.now() }, nonce: { 42 }, committer: Person(name: "Secretariat", email: "secretariat@example.org"),
    timeZone: TimeZone(identifier: "UTC") ?? .current)
}

/// A negotiation begun from `source` (a text file, or an Akoma Ntoso document as `amend init --from` reads it).
func aknNegotiation(from source: String, in folder: String, clock: AKNClock = AKNClock()) throws -> Workspace {
  let draft =
    AkomaNtosoImport.isDocument(path: source)
    ? try DraftSource(path: source, text: AkomaNtosoImport.text(path: source)) : try DraftSource(path: source)
  _ = try Workspace.initialise(folder: folder, source: draft, number: nil, context: aknContext(clock))
  return try Workspace.open(at: folder, context: aknContext(clock))
}

/// The bundled example (scripts/example-proposals.sh and scripts/demo.sh): the seventh draft, nine
/// proposals, the chair's session of 13 October, the eighth draft.
struct AKNExample {
  let folder: AKNScratch
  let workspace: Workspace
  /// Each proposal's id by delegation.
  var ids: [String: String] = [:]
  /// Each proposal as an Akoma Ntoso amendment, rendered before the session (no decision yet).
  var tabledDocuments: [String: [UInt8]] = [:]

  init() throws {
    folder = try AKNScratch()
    let clock = AKNClock()
    workspace = try aknNegotiation(from: AKNShared.seed, in: folder.path, clock: clock)
    let proposals: [(String, String, String, ProposalOperation, [String], String)] = [
      (
        "2010-10-12T14:05:00Z", "7 (b)", "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil), [],
        "Spelling consistent with 'labour and skills needs' in the chapeau of paragraph 7."
      ),
      (
        "2010-10-12T14:20:00Z", "7 (b)", "Group of African States", .insertWords(text: ", smuggling", anchor: .after("trafficking"), occurrence: nil),
        ["Egypt"], "Smuggling of migrants is distinct from trafficking and should be named."
      ),
      (
        "2010-10-12T14:31:00Z", "7(b)", "Brazil",
        .replaceWords(words: "forced labor of migrant workers", with: "forced labour and labour exploitation of migrant workers", occurrence: nil),
        [], ""
      ),
      (
        "2010-10-12T15:02:00Z", "para 7 (b)", "Philippines",
        .newClause(text: "ensuring access to remedies for migrant workers who are victims of trafficking;", before: false), ["Mexico", "Indonesia"],
        ""
      ),
      ("2010-10-12T15:40:00Z", "4 (h)", "United States", .deleteClause, [], "Covered by 4 (j)."),
      (
        "2010-10-12T16:10:00Z", "5", "Switzerland",
        .replaceWords(words: "The Working Groups invites", with: "The Working Group invites", occurrence: nil), [], ""
      ),
      ("2010-10-12T16:25:00Z", "4 (c)", "Canada", .insertWords(text: ";", anchor: .atEnd, occurrence: nil), [], ""),
      ("2010-10-12T16:48:00Z", "1 (c)", "Mexico", .deleteWords(words: "and economic downturn", occurrence: nil), [], ""),
      ("2010-10-12T17:03:00Z", "4 (k)", "Norway", .moveClause(after: "4.b"), [], "Stereotyping belongs with awareness raising."),
    ]
    for (moment, clause, delegation, operation, cosponsors, rationale) in proposals {
      clock.set(moment)
      let record = try workspace.table(
        ProposalRequest(clause: clause, delegation: delegation, operation: operation, cosponsors: cosponsors, rationale: rationale))
      ids[delegation] = record.id
    }
    let tabled = try workspace.snapshot()
    for (delegation, id) in ids {
      tabledDocuments[delegation] = try Documents.render(.proposal(try proposal(id, in: tabled), in: tabled), as: .akn)
    }
    clock.set("2010-10-13T10:00:00Z")
    _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: try CalendarDate.parse("2010-10-13"))
    let decisions: [(String, ChairAction, String?, String?)] = [
      ("European Union", .accept, nil, nil), ("Group of African States", .accept, nil, nil),
      ("Brazil", .reject, nil, "Falls: the European Union's wording was accepted."),
      ("Philippines", .accept, "ensuring access to justice and effective remedies for migrant workers who are victims of trafficking;", nil),
      ("United States", .reject, nil, nil), ("Switzerland", .accept, nil, nil), ("Canada", .accept, nil, nil),
      ("Mexico", .deferral, nil, nil), ("Norway", .accept, nil, nil),
    ]
    for (delegation, action, revised, note) in decisions {
      _ = try workspace.decide(action, on: ProposalID(try #require(ids[delegation])), asRevised: revised, note: note)
    }
    _ = try workspace.closeSession()
    clock.set("2010-10-13T15:00:00Z")
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)
  }

  func proposal(_ id: String, in snapshot: Snapshot) throws -> MarshalledProposal {
    try snapshot.proposal(ProposalID(id), in: try snapshot.currentDraft())
  }

  /// Draft `number` as Akoma Ntoso.
  func draft(_ number: Int) throws -> [UInt8] {
    let snapshot = try workspace.snapshot()
    return try Documents.render(.draft(try snapshot.draft(number: number), in: snapshot), as: .akn)
  }

  /// The proposal of `delegation` as an Akoma Ntoso amendment, as the record now stands.
  func amendment(_ delegation: String) throws -> [UInt8] {
    let snapshot = try workspace.snapshot()
    return try Documents.render(.proposal(try proposal(try #require(ids[delegation]), in: snapshot), in: snapshot), as: .akn)
  }
}

/// xmllint (Debian's libxml2-utils) with the official Akoma Ntoso 3.0 schema.
enum AKNSchema {
  static var xmllint: String? { try? InstalledTool.path("xmllint", package: "libxml2-utils") }

  /// Validates every file in one run; records an issue naming each file that does not validate, and
  /// one naming libxml2-utils when xmllint is missing.
  static func expectValid(_ files: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard let xmllint else {
      Issue.record("xmllint is not installed: install the Debian package libxml2-utils (make deps)", sourceLocation: sourceLocation)
      return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllint)
    process.arguments = ["--noout", "--nonet", "--schema", AKNShared.schema] + files
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "xmllint: \(said)", sourceLocation: sourceLocation)
    for file in files {
      #expect(said.contains("\(file) validates"), "\(file) does not validate:\n\(said)", sourceLocation: sourceLocation)
    }
  }
}

/// An exported document read back with Foundation's libxml2 XMLDocument, to ask it XPath questions.
struct AKNRead {
  let document: XMLDocument

  init(_ bytes: [UInt8]) throws {
    document = try XMLDocument(data: Data(bytes), options: [.nodePreserveWhitespace])
  }

  /// The string values of the nodes an XPath finds (write element names as `*[local-name()='x']`,
  /// or use ``path(_:)``).
  func strings(_ xpath: String) throws -> [String] {
    try document.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
  }

  func string(_ xpath: String) throws -> String? { try strings(xpath).first }

  /// `/a/b[@x='y']` with every element name matched by local name: "//point[@eId='p']/num" →
  /// "//*[local-name()='point'][@eId='p']/*[local-name()='num']".
  static func path(_ simple: String) -> String {
    var result = ""
    var index = simple.startIndex
    while index < simple.endIndex {
      let char = simple[index]
      if char.isLetter, result.last == "/" || result.last == "[" {
        var end = index
        while end < simple.endIndex, simple[end].isLetter || simple[end].isNumber { end = simple.index(after: end) }
        result += "*[local-name()='\(simple[index..<end])']"
        index = end
        continue
      }
      result.append(char)
      index = simple.index(after: index)
    }
    return result
  }

  func values(_ simple: String) throws -> [String] { try strings(Self.path(simple)) }
  func value(_ simple: String) throws -> String? { try values(simple).first }
}
