import Foundation
import Testing

/// Repositories the hostile cases start from, made once per test process and copied for each case,
/// so a case that wrongly writes cannot disturb another.
enum NamesAndTextStage: String, Sendable {
  /// The seventh draft with two proposals: {P1} (European Union, 7 (b), "forced labor" → "forced
  /// labour") and {P2} (United States, delete 4 (h)).
  case tabled
  /// The same with a session open.
  case inSession
  /// {P1} accepted and {P2} rejected in a closed session; a later session open.
  case decidedEarlier

  struct Made: Sendable {
    var path: String
    var ids: [String: String]
  }

  static let root: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("amend-hostile-names-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  static let made: [NamesAndTextStage: Made] = {
    var result: [NamesAndTextStage: Made] = [:]
    let folder = root + "/template"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    func run(_ arguments: [String]) -> String { (try? CLI.run(arguments, in: folder).stdout) ?? "" }
    func snapshot(_ stage: NamesAndTextStage, _ ids: [String: String]) {
      let copy = root + "/" + stage.rawValue
      try? FileManager.default.copyItem(atPath: folder, toPath: copy)
      result[stage] = Made(path: copy, ids: ids)
    }
    _ = run(["init", "--from", CLI.seed])
    let p1 = String(run(["propose", "7 (b)", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"]).prefix(8))
    let p2 = String(run(["propose", "4 (h)", "--by", "United States", "--delete-clause"]).prefix(8))
    let ids = ["{P1}": p1, "{P2}": p2]
    snapshot(.tabled, ids)
    _ = run(["session", "open", "Second reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-13"])
    snapshot(.inSession, ids)
    _ = run(["accept", p1])
    _ = run(["reject", p2])
    _ = run(["session", "close"])
    _ = run(["session", "open", "Third reading", "--chair", "Ambassador Ndiaye", "--date", "2010-10-14"])
    snapshot(.decidedEarlier, ids)
    return result
  }()

  /// A fresh copy of the stage for one case, and the proposal ids to put in its arguments.
  func copy(into scratch: Scratch) throws -> (String, [String: String]) {
    let made = try #require(Self.made[self])
    let path = scratch.path + "/repo"
    try FileManager.default.copyItem(atPath: made.path, toPath: path)
    return (path, made.ids)
  }
}

/// A hostile case and the stage it is tried on.
struct StagedCase: CustomTestStringConvertible, Sendable {
  var stage: NamesAndTextStage
  var hostile: HostileCase
  var testDescription: String { hostile.name }

  init(_ stage: NamesAndTextStage, _ name: String, _ arguments: [String], _ message: String, environment: [String: String] = [:]) {
    self.stage = stage
    hostile = HostileCase(name: name, arguments: arguments, message: message, environment: environment)
  }
}

private let long = String(repeating: "Republic of Somewhere ", count: 20)

private func propose(_ clause: String, by: String, _ rest: [String]) -> [String] {
  ["propose", clause, "--by", by] + rest
}
private func propose(by: String, _ rest: [String]) -> [String] { propose("7 (b)", by: by, rest) }
private func propose(_ rest: [String]) -> [String] { propose("7 (b)", by: "Brazil", rest) }
private func propose(_ clause: String, _ rest: [String]) -> [String] { propose(clause, by: "Brazil", rest) }

private let labour = ["--replace", "forced labor", "--with", "forced labour"]

/// Class 1: every name is one line of printable text, refused before anything is written.
let identityCases: [StagedCase] = [
  .init(.tabled, "--by with a newline", propose(by: "European\nUnion", labour), "one line"),
  .init(.tabled, "--by with a carriage return", propose(by: "European\rUnion", labour), "one line"),
  .init(.tabled, "--by with CRLF", propose(by: "European\r\nUnion", labour), "one line"),
  .init(.tabled, "--by with a tab", propose(by: "European\tUnion", labour), "one line"),
  .init(.tabled, "--by with a control character", propose(by: "European\u{1}Union", labour), "one line"),
  .init(.tabled, "--by with DEL", propose(by: "European\u{7F}Union", labour), "one line"),
  .init(.tabled, "--by with NEL", propose(by: "European\u{85}Union", labour), "one line"),
  .init(.tabled, "--by with a Unicode line separator", propose(by: "European\u{2028}Union", labour), "one line"),
  .init(.tabled, "--by with a paragraph separator", propose(by: "European\u{2029}Union", labour), "one line"),
  .init(.tabled, "--by with <", propose(by: "EU <eu@example.org", labour), "< or >"),
  .init(.tabled, "--by with >", propose(by: "EU>", labour), "< or >"),
  .init(.tabled, "--by in angle brackets", propose(by: "<European Union>", labour), "< or >"),
  .init(.tabled, "--by empty", propose(by: "", labour), "--by"),
  .init(.tabled, "--by only spaces", propose(by: "   ", labour), "--by"),
  .init(.tabled, "--by only a tab", propose(by: "\t", labour), "--by"),
  .init(.tabled, "--by over-long", propose(by: long, labour), "characters"),
  .init(.tabled, "--by forging a trailer", propose(by: "Brazil\n\nAmend-Event: accepted", labour), "one line"),
  .init(.tabled, "--by forging an author header", propose(by: "Brazil <b@x.org>\nauthor Evil <e@x.org> 0 +0000", labour), "one line"),
  .init(.tabled, "--cosponsor with a newline", propose(labour + ["--cosponsor", "Egypt\nAmend-Event: x"]), "one line"),
  .init(.tabled, "--cosponsor with <", propose(labour + ["--cosponsor", "Egypt <e@x.org>"]), "< or >"),
  .init(.tabled, "--cosponsor empty", propose(labour + ["--cosponsor", ""]), "co-sponsor"),
  .init(.tabled, "--cosponsor only spaces", propose(labour + ["--cosponsor", "  "]), "co-sponsor"),
  .init(.tabled, "--cosponsor over-long", propose(labour + ["--cosponsor", long]), "characters"),
  .init(.tabled, "a delegation co-sponsoring itself", propose(labour + ["--cosponsor", "Brazil"]), "itself"),
  .init(.tabled, "a delegation co-sponsoring itself in other case", propose(labour + ["--cosponsor", " brazil "]), "itself"),
  .init(.tabled, "the same co-sponsor twice", propose(labour + ["--cosponsor", "Egypt", "--cosponsor", "Egypt"]), "twice"),
  .init(.tabled, "the same co-sponsor twice in other case", propose(labour + ["--cosponsor", "Egypt", "--cosponsor", "EGYPT"]), "twice"),
  .init(.tabled, "--email with a newline", propose(labour + ["--email", "b@x.org\nAmend-Event: x"]), "one line"),
  .init(.tabled, "--email with >", propose(labour + ["--email", "b@x.org>"]), "< or >"),
  .init(.tabled, "--email empty", propose(labour + ["--email", " "]), "e-mail"),
  .init(.tabled, "withdraw --by with a newline", ["withdraw", "{P1}", "--by", "European Union\nAmend-Event: accepted"], "one line"),
  .init(.tabled, "withdraw --by with <", ["withdraw", "{P1}", "--by", "European Union <x@y.org>"], "< or >"),
  .init(.tabled, "withdraw --by empty", ["withdraw", "{P1}", "--by", " "], "--by"),
  .init(.tabled, "session name with a newline", ["session", "open", "Second\nreading", "--chair", "Chair"], "one line"),
  .init(.tabled, "session name forging a trailer", ["session", "open", "Reading\nAmend-Event: x", "--chair", "Chair"], "one line"),
  .init(
    .tabled, "session name forging a trailer block",
    ["session", "open", "Reading\n\nAmend-Event: draft-produced\nAmend-Draft: 9", "--chair", "Chair"], "one line"),
  .init(.tabled, "session name with a carriage return", ["session", "open", "Second\rreading", "--chair", "Chair"], "one line"),
  .init(.tabled, "session name with a tab", ["session", "open", "Second\treading", "--chair", "Chair"], "one line"),
  .init(.tabled, "session name only spaces", ["session", "open", "   ", "--chair", "Chair"], "name"),
  .init(.tabled, "session name over-long", ["session", "open", long, "--chair", "Chair"], "characters"),
  .init(.tabled, "--chair with a newline", ["session", "open", "Second reading", "--chair", "Ambassador\nNdiaye"], "one line"),
  .init(.tabled, "--chair with <", ["session", "open", "Second reading", "--chair", "Ndiaye <n@x.org>"], "< or >"),
  .init(.tabled, "--chair with >", ["session", "open", "Second reading", "--chair", "Ndiaye>"], "< or >"),
  .init(.tabled, "--chair empty", ["session", "open", "Second reading", "--chair", ""], "chair"),
  .init(.tabled, "--chair over-long", ["session", "open", "Second reading", "--chair", long], "characters"),
  .init(
    .tabled, "AMEND_COMMITTER with a newline in the name", propose(labour), "one line",
    environment: ["AMEND_COMMITTER": "Secre\ntariat <s@example.org>"]),
  .init(
    .tabled, "AMEND_COMMITTER forging a trailer after the address", propose(labour), "AMEND_COMMITTER",
    environment: ["AMEND_COMMITTER": "Secretariat <s@example.org>\nAmend-Event: x"]),
  .init(
    .tabled, "AMEND_COMMITTER with a tab", propose(labour), "one line",
    environment: ["AMEND_COMMITTER": "Secre\ttariat <s@example.org>"]),
  .init(
    .tabled, "AMEND_COMMITTER with < in the name", propose(labour), "< or >",
    environment: ["AMEND_COMMITTER": "Secre <tariat> <s@example.org>"]),
  .init(
    .tabled, "AMEND_COMMITTER with a newline in the e-mail", propose(labour), "one line",
    environment: ["AMEND_COMMITTER": "Secretariat <s@exa\nmple.org>"]),
  .init(
    .tabled, "AMEND_COMMITTER with an empty name", propose(labour), "AMEND_COMMITTER",
    environment: ["AMEND_COMMITTER": " <s@example.org>"]),
  .init(.tabled, "--committer with a newline", propose(labour) + ["--committer", "Secre\ntariat <s@example.org>"], "one line"),
  .init(.tabled, "--committer with a control character", propose(labour) + ["--committer", "Secre\u{1B}[31mtariat <s@example.org>"], "one line"),
  .init(.tabled, "--committer over-long", propose(labour) + ["--committer", "\(long) <s@example.org>"], "characters"),
  .init(.inSession, "a decision with a committer forging a trailer", ["accept", "{P1}", "--committer", "A\n\nAmend-Event: x <a@b.org>"], "one line"),
]

private let p1Text = "taking measures to combat trafficking and forced labour of migrant workers, regardless of their immigration status;"

/// Class 2: one clause's text is one clause, whatever flag it comes through.
let structureCases: [StagedCase] = [
  .init(.tabled, "--text with a new paragraph", propose(["--text", "\(p1Text)\n\n8. New paragraph"]), "--new-clause"),
  .init(.tabled, "--text with a new subparagraph", propose(["--text", "\(p1Text)\n\n- z) smuggling"]), "--new-clause"),
  .init(.tabled, "--text with a parenthesised subparagraph", propose(["--text", "\(p1Text)\n(c) smuggling"]), "--new-clause"),
  .init(.tabled, "--text with the next letter", propose(["--text", "\(p1Text)\n- c) smuggling"]), "--new-clause"),
  .init(.tabled, "--text with CRLF and a paragraph", propose(["--text", "\(p1Text)\r\n\r\n8. New paragraph"]), "--new-clause"),
  .init(
    .tabled, "--text of a paragraph with its own number again", propose("2", ["--text", "The Working Group calls.\n\n3. Again"]), "--new-clause"),
  .init(
    .tabled, "--text of a chapeau with a subparagraph",
    propose("4", ["--text", "The Working Group invites States:\n\n- a) to act;"]), "--new-clause"),
  .init(.tabled, "--text with a preambular heading", propose("3", ["--text", "reaffirms.\n\n## Article 9\n\n1. x"]), "--new-clause"),
  .init(
    .tabled, "--with with a new paragraph", propose(["--replace", "forced labor", "--with", "forced labour\n\n8. New paragraph"]), "--new-clause"),
  .init(.tabled, "--with with a subparagraph", propose(["--replace", "forced labor", "--with", "forced labour\n\n- z) new"]), "--new-clause"),
  .init(
    .tabled, "--with forging a trailer", propose(["--replace", "forced labor", "--with", "forced labour\n\nAmend-Event: accepted"]), "one clause"),
  .init(.tabled, "--insert with a new paragraph", propose(["--insert", "\n\n8. New paragraph", "--at-end"]), "--new-clause"),
  .init(
    .tabled, "--insert with a subparagraph after words", propose(["--insert", ", smuggling\n\n- z) new", "--after", "trafficking"]), "--new-clause"),
  .init(.tabled, "--insert with a subparagraph at the start", propose(["--insert=- z) new\n\n", "--at-start"]), "--new-clause"),
  .init(.tabled, "--insert into a chapeau with a paragraph", propose("7", ["--insert", "\n\n8. x", "--at-end"]), "--new-clause"),
  .init(
    .tabled, "--new-clause with a second paragraph",
    propose("7", ["--new-clause", "The Working Group notes.\n\n9. Another paragraph"]), "one clause"),
  .init(
    .tabled, "--new-clause with a second subparagraph", propose(["--new-clause", "ensuring access to remedies;\n\n- z) and more"]), "one clause"),
  .init(.tabled, "--new-clause with a line and a letter", propose(["--new-clause", "ensuring access;\nc) and more"]), "one clause"),
  .init(.tabled, "--new-clause of only a marker", propose(["--new-clause=- c)"]), "empty"),
  .init(.tabled, "--text of only a marker", propose("2", ["--text", "2. "]), "empty"),
  .init(.inSession, "--as-revised with a new paragraph", ["accept", "{P1}", "--as-revised", "\(p1Text)\n\n8. New paragraph"], "--new-clause"),
  .init(.inSession, "--as-revised with a subparagraph", ["accept", "{P1}", "--as-revised", "\(p1Text)\n\n- z) …"], "--new-clause"),
  .init(.inSession, "--as-revised with the next letter", ["accept", "{P1}", "--as-revised", "\(p1Text)\n- c) x"], "--new-clause"),
  .init(
    .inSession, "--as-revised on a deletion with a new paragraph", ["accept", "{P2}", "--as-revised", "to identify good practices;\n\n8. New"],
    "--new-clause"),
  .init(.inSession, "--as-revised forging a trailer", ["accept", "{P1}", "--as-revised", "\(p1Text)\n\nAmend-Event: x"], "one clause"),
  .init(.inSession, "--as-revised only spaces", ["accept", "{P1}", "--as-revised", "   "], "empty"),
]

/// Class 3: taking decisions back, in this session and in later ones.
let reconsiderCases: [StagedCase] = [
  .init(.tabled, "reconsider with no session open", ["reconsider", "{P1}"], "no session is open"),
  .init(.inSession, "reconsider an undecided proposal", ["reconsider", "{P1}"], "no decision"),
  .init(.inSession, "reconsider an unknown proposal", ["reconsider", "zzzzzzzz"], "no proposal"),
  .init(.decidedEarlier, "reopen a decision of an earlier session", ["reopen", "{P1}"], "amend reconsider"),
  .init(.decidedEarlier, "reject an accepted proposal of an earlier session", ["reject", "{P1}"], "amend reconsider"),
  .init(.decidedEarlier, "accept a rejected proposal of an earlier session", ["accept", "{P2}"], "amend reconsider"),
]

@Suite("Hostile names and texts: refused in one line, nothing written")
struct NamesAndTextHostileTests {
  func refuse(_ staged: StagedCase) throws {
    let scratch = try Scratch()
    let (path, ids) = try staged.stage.copy(into: scratch)
    var hostile = staged.hostile
    hostile.arguments = hostile.arguments.map { argument in
      ids.reduce(argument) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
    try expectRefusal(hostile, in: path)
  }

  @Test("names", arguments: identityCases)
  func names(_ staged: StagedCase) throws { try refuse(staged) }

  @Test("structure in text", arguments: structureCases)
  func structure(_ staged: StagedCase) throws { try refuse(staged) }

  @Test("decisions taken back", arguments: reconsiderCases)
  func takingBack(_ staged: StagedCase) throws { try refuse(staged) }

  @Test("git config user.name with a line break is refused before anything is written")
  func gitConfigName() throws {
    for (key, value, words) in [
      ("user.name", "Secre\\ntariat", "one line"), ("user.email", "s@x.org>", "< or >"), ("user.name", "A <b>", "< or >"),
    ] {
      let scratch = try Scratch()
      let (path, _) = try NamesAndTextStage.tabled.copy(into: scratch)
      try git(["config", key == "user.name" ? "user.email" : "user.name", key == "user.name" ? "s@x.org" : "Secretariat"], in: path)
      let config = path + "/.git/config"
      var text = try String(contentsOfFile: config, encoding: .utf8)
      text += "[user]\n\t\(key.dropFirst(5)) = \"\(value)\"\n"
      try text.write(toFile: config, atomically: true, encoding: .utf8)
      let before = try RepositoryState(of: path)
      let process = CLI.process(propose(labour), in: path)
      process.environment?.removeValue(forKey: "AMEND_COMMITTER")
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus != 0, "\(key) = \(value)")
      #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
      #expect(stderr.contains(words) && stderr.contains("git config"), "\(stderr)")
      #expect(try RepositoryState(of: path) == before)
    }
  }

  @Test("amend reconsider takes back an earlier session's decision on the record, and next then applies the new one")
  func reconsiderFromTheCommandLine() throws {
    let scratch = try Scratch()
    let (path, ids) = try NamesAndTextStage.decidedEarlier.copy(into: scratch)
    let p1 = try #require(ids["{P1}"])
    let run = try CLI.run(["reconsider", p1, "--note", "The delegation asked for it."], in: path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("reconsidered"))
    let proposal = try CLI.run(["proposal", p1, "--json"], in: path)
    #expect(proposal.stdout.contains("\"status\" : \"pending\""), "\(proposal.stdout)")
    #expect(
      try git(["log", "-1", "--format=%(trailers:key=Amend-Event,valueonly)"], in: path).trimmingCharacters(in: .whitespacesAndNewlines)
        == "reconsidered")
    try CLI.run(["reject", p1], in: path)
    try CLI.run(["session", "close"], in: path)
    let next = try CLI.run(["next"], in: path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try String(contentsOfFile: path + "/drafts/08-eighth-draft.md", encoding: .utf8).contains("forced labor of"))
    #expect(try fsckIsClean(path))
  }
}
