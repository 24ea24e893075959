import AmendKit
import DraftText
import Foundation
import GitCLISupport
import Testing

@testable import Documents

/// The bundled example negotiation, built through AmendKit with a fixed clock, ids and committer
/// (the moments of scripts/example-proposals.sh and scripts/demo.sh), and its Word documents.
struct WordExample: Sendable {
  /// Pending proposals on the seventh draft: id → delegation.
  var pending: [String: String]
  /// Every proposal: delegation → id.
  var ids: [String: String]
  var compilation: [UInt8]
  var seventhDraft: [UInt8]
  var eighthDraft: [UInt8]
  var redline: [UInt8]
  /// The eighth draft's clauses, for the text checks.
  var eighthClauses: [Clause]
  /// What rendering a proposal, a clause history and a clause blame as Word gave: the contents Word is not made for.
  var refused: [String: DocumentError?]

  /// Built once for the suite (a few hundred milliseconds).
  static let shared: Result<WordExample, any Error> = Result { try build() }

  static func get() throws -> WordExample { try shared.get() }

  /// The package's root, for the bundled seventh draft.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func build() throws -> WordExample {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amend-word-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let clock = WordClock()
    let context = Context(
      now: { clock.now }, nonce: { 20_101_012 }, committer: Person(name: "Secretariat", email: "secretariat@example.org"),
      timeZone: TimeZone(identifier: "UTC") ?? .current)
    clock.set("2010-10-12T09:00:00Z")
    _ = try Workspace.initialise(
      folder: folder, source: try DraftSource(path: root.appendingPathComponent("drafts/07-seventh-draft.md").path), number: nil,
      context: context)
    let workspace = try Workspace.open(at: folder, context: context)
    var ids: [String: String] = [:]
    func table(
      _ at: String, _ clause: String, _ delegation: String, _ operation: ProposalOperation, cosponsors: [String] = [], rationale: String = ""
    )
      throws
    {
      clock.set(at)
      ids[delegation] =
        try workspace.table(
          ProposalRequest(clause: clause, delegation: delegation, operation: operation, cosponsors: cosponsors, rationale: rationale)
        ).id
    }
    try table(
      "2010-10-12T14:05:00Z", "7 (b)", "European Union", .replaceWords(words: "forced labor", with: "forced labour", occurrence: nil),
      rationale: "Spelling consistent with 'labour and skills needs' in the chapeau of paragraph 7.")
    try table(
      "2010-10-12T14:20:00Z", "7 (b)", "Group of African States", .insertWords(text: ", smuggling", anchor: .after("trafficking"), occurrence: nil),
      cosponsors: ["Egypt"], rationale: "Smuggling of migrants is distinct from trafficking and should be named.")
    try table(
      "2010-10-12T14:31:00Z", "7(b)", "Brazil",
      .replaceWords(words: "forced labor of migrant workers", with: "forced labour and labour exploitation of migrant workers", occurrence: nil))
    try table(
      "2010-10-12T15:02:00Z", "para 7 (b)", "Philippines",
      .newClause(text: "ensuring access to remedies for migrant workers who are victims of trafficking;", before: false),
      cosponsors: ["Mexico", "Indonesia"])
    try table("2010-10-12T15:40:00Z", "4 (h)", "United States", .deleteClause, rationale: "Covered by 4 (j).")
    try table(
      "2010-10-12T16:10:00Z", "5", "Switzerland",
      .replaceWords(words: "The Working Groups invites", with: "The Working Group invites", occurrence: nil))
    try table("2010-10-12T16:25:00Z", "4 (c)", "Canada", .insertWords(text: ";", anchor: .atEnd, occurrence: nil))
    try table("2010-10-12T16:48:00Z", "1 (c)", "Mexico", .deleteWords(words: "and economic downturn", occurrence: nil))
    try table(
      "2010-10-12T17:03:00Z", "4 (k)", "Norway", .moveClause(after: "4 (b)"), rationale: "Stereotyping belongs with awareness raising.")

    // The compilation on the seventh draft, every proposal pending, as `amend compile` reads it.
    let tabled = try workspace.snapshot()
    let seventh = try tabled.currentDraft()
    let list = try tabled.marshalledList(seventh, toleratingDamage: true) { $0.isOnAgenda }
    let compilation = try Documents.render(.compilation(seventh, proposals: list, in: tabled), as: .docx)
    let seventhDraft = try Documents.render(.draft(seventh, in: tabled), as: .docx)
    let pending = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0.record.delegation) })

    clock.set("2010-10-13T10:00:00Z")
    _ = try workspace.openSession(name: "Second reading", chair: "Ambassador Ndiaye", date: CalendarDate(year: 2010, month: 10, day: 13))
    func decide(_ at: String, _ action: ChairAction, _ delegation: String, asRevised: String? = nil) throws {
      clock.set(at)
      _ = try workspace.decide(action, on: ProposalID(ids[delegation] ?? ""), asRevised: asRevised)
    }
    try decide("2010-10-13T10:05:00Z", .accept, "European Union")
    try decide("2010-10-13T10:07:00Z", .accept, "Group of African States")
    try decide("2010-10-13T10:09:00Z", .reject, "Brazil")
    try decide(
      "2010-10-13T10:15:00Z", .accept, "Philippines",
      asRevised: "ensuring access to justice and effective remedies for migrant workers who are victims of trafficking;")
    try decide("2010-10-13T10:20:00Z", .reject, "United States")
    try decide("2010-10-13T10:22:00Z", .accept, "Switzerland")
    try decide("2010-10-13T10:24:00Z", .accept, "Canada")
    try decide("2010-10-13T10:26:00Z", .deferral, "Mexico")
    try decide("2010-10-13T10:30:00Z", .accept, "Norway")
    clock.set("2010-10-13T12:00:00Z")
    _ = try workspace.closeSession()
    clock.set("2010-10-13T15:00:00Z")
    _ = try workspace.produceNextDraft(date: nil, dryRun: false)

    let produced = try workspace.snapshot()
    let eighth = try produced.currentDraft()
    let eighthDraft = try Documents.render(.draft(eighth, in: produced), as: .docx)
    let redline = try Documents.render(.comparison(try produced.comparison(from: 7, to: 8), in: produced), as: .docx)
    var refused: [String: DocumentError?] = [:]
    func attempt(_ name: String, _ content: DocumentContent) throws {
      do {
        _ = try Documents.render(content, as: .docx)
        refused[name] = .some(nil)
      } catch let error as DocumentError {
        refused[name] = error
      }
    }
    try attempt("proposal", .proposal(try produced.proposal(ProposalID(ids["Mexico"] ?? ""), in: eighth), in: produced))
    try attempt("history", .history(try produced.clauseHistory("7.b"), in: produced))
    try attempt("blame", .blame(try produced.clauseBlame("7.b"), in: produced))
    return WordExample(
      pending: pending, ids: ids, compilation: compilation, seventhDraft: seventhDraft, eighthDraft: eighthDraft, redline: redline,
      eighthClauses: eighth.draft.clauses, refused: refused)
  }
}

/// A clock the example sets before each step, as the script's AMEND_NOW does.
final class WordClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current = Date(timeIntervalSince1970: 0)

  var now: Date {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  func set(_ iso: String) {
    let formatter = ISO8601DateFormatter()
    lock.lock()
    defer { lock.unlock() }
    current = formatter.date(from: iso) ?? current
  }
}

/// The independent readers the checks use; a missing one fails the test with the Debian package to install.
enum WordTool {
  struct Output {
    var status: Int32
    var stdout: Data
    var stderr: String
  }

  static let packages = [
    "pandoc": "pandoc", "xmllint": "libxml2-utils", "soffice": "libreoffice-writer-nogui", "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils",
  ]

  /// The tool's path, or a failure naming its package.
  static func path(_ name: String) throws -> String {
    try InstalledTool.path(name, package: packages[name] ?? name)
  }

  /// Runs `name` with `arguments`, `input` on its standard input; stopped after `timeout` seconds.
  static func run(_ name: String, _ arguments: [String], input: Data? = nil, timeout: TimeInterval = 60) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try path(name))
    process.arguments = arguments
    let output = Pipe()
    let feed = Pipe()
    // Standard error goes to a file, so that neither pipe can fill while the other is read.
    let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("amend-word-tool-\(UUID().uuidString).err")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let errors = try FileHandle(forWritingTo: errorFile)
    defer { try? errors.close() }
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input == nil ? FileHandle.nullDevice : feed
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    if let input {
      let writer = feed.fileHandleForWriting
      DispatchQueue.global().async {
        writer.write(input)
        try? writer.close()
      }
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    let errData = (try? Data(contentsOf: errorFile)) ?? Data()
    return Output(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// A tracked change or comment as pandoc reads it back (`--track-changes=all -t json`).
struct ReadBack: Equatable {
  enum Kind: String {
    case insertion, deletion
    case paragraphInsertion = "paragraph-insertion"
    case paragraphDeletion = "paragraph-deletion"
    case comment = "comment-start"
  }

  var kind: Kind
  var author: String
  var date: String?
  var text: String

  /// Every tracked change and comment in `docx`, in document order, and the document's plain text.
  static func read(_ docx: [UInt8]) throws -> [ReadBack] {
    let result = try WordTool.run("pandoc", ["--track-changes=all", "-f", "docx", "-t", "json"], input: Data(docx))
    guard result.status == 0 else { throw ReadFailure(description: "pandoc failed: \(result.stderr)") }
    let json = try JSONSerialization.jsonObject(with: result.stdout)
    guard let blocks = (json as? [String: Any])?["blocks"] as? [Any], !blocks.isEmpty else {
      throw ReadFailure(description: "pandoc read no blocks")
    }
    var found: [ReadBack] = []
    walk(blocks, &found)
    return found
  }

  /// pandoc could not read the document back.
  struct ReadFailure: Error, CustomStringConvertible {
    var description: String
  }

  static func walk(_ node: Any, _ found: inout [ReadBack]) {
    if let list = node as? [Any] {
      for item in list { walk(item, &found) }
      return
    }
    guard let object = node as? [String: Any] else { return }
    if object["t"] as? String == "Span", let content = object["c"] as? [Any], content.count == 2,
      let attributes = content[0] as? [Any], attributes.count == 3, let classes = attributes[1] as? [String],
      let pairs = attributes[2] as? [[String]], let kind = classes.lazy.compactMap(Kind.init(rawValue:)).first
    {
      let values = Dictionary(pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }, uniquingKeysWith: { a, _ in a })
      found.append(ReadBack(kind: kind, author: values["author"] ?? "", date: values["date"], text: plain(content[1])))
    }
    if let content = object["c"] { walk(content, &found) }
  }

  /// The text of pandoc inlines: strings, spaces and breaks.
  static func plain(_ node: Any) -> String {
    if let list = node as? [Any] { return list.map(plain).joined() }
    guard let object = node as? [String: Any], let type = object["t"] as? String else { return "" }
    switch type {
    case "Str": return object["c"] as? String ?? ""
    case "Space", "SoftBreak", "LineBreak": return " "
    case "Para", "Plain": return plain(object["c"] as Any) + " ¶ "
    default: return plain(object["c"] as Any)
    }
  }
}

/// A scratch folder removed when the value goes.
final class WordScratch {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("amend-word-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
