import Foundation
import Testing

@Suite("The amend command end to end")
struct QuickStartTests {
  @Test("init from the seed, then show prints it byte for byte, show 7 (b) prints 7 (b), git log shows the commit")
  func initAndShow() throws {
    let folder = try Scratch()
    let made = try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.hasPrefix("drafts/07-seventh-draft.md committed as "))
    let shown = try CLI.run(["show"], in: folder.path)
    #expect(shown.stdoutData == FileManager.default.contents(atPath: CLI.seed))
    let clause = try CLI.run(["show", "7 (b)"], in: folder.path)
    #expect(
      clause.stdout
        == "- b) taking measures to combat trafficking and forced labor of migrant workers, regardless of their immigration status;\n")
    let log = try git(["log", "--format=%an|%s"], in: folder.path)
    #expect(log == "Secretariat|Seventh draft of conclusions and recommendations\n")
    let clauses = try CLI.run(["clauses"], in: folder.path)
    #expect(clauses.stdout.contains("7 (b)  taking measures to combat trafficking and forced labor …\n"))
  }

  @Test("propose prints the id first; --json carries id, clause, by, status and operation")
  func propose() throws {
    let folder = try Scratch()
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let tabled = try CLI.run(
      ["propose", "7 (b)", "--by", "European Union", "--replace", "forced labor", "--with", "forced labour"],
      in: folder.path)
    #expect(tabled.status == 0, "\(tabled.stderr)")
    let id = String(tabled.stdout.prefix { !$0.isWhitespace })
    #expect(id.count == 8)
    #expect(tabled.stdout.contains("forced ~~labor~~ **labour**"))
    let json = try CLI.run(
      ["propose", "7.b", "--by", "Brazil", "--new-clause", "ensuring remedies;", "--before", "--json"], in: folder.path)
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    #expect(object["clause"] as? String == "7.b")
    #expect(object["by"] as? String == "Brazil")
    #expect(object["status"] as? String == "pending")
    #expect((object["operation"] as? [String: Any])?["position"] as? String == "before")
    let log = try git(["log", "--format=%an"], in: folder.path)
    #expect(log == "Brazil\nEuropean Union\nSecretariat\n")
    let listed = try CLI.run(["proposals", "--by", "brazil"], in: folder.path)
    #expect(listed.stdout.contains("Brazil") && !listed.stdout.contains("European Union"))
  }

  @Test(
    "bad input: one line on stderr naming the problem, non-zero exit, nothing changed",
    arguments: [
      (["show"], "not inside a negotiation repository"),
      (["show", "--repo", "/no/such/folder"], "no such folder"),
      (["init", "--from", "/no/such/file.txt"], "does not exist"),
      (["init", "--from", "empty.txt"], "is empty"),
      (["init", "--from", "binary.bin"], "not UTF-8 text"),
      (["init", "--from", "prose.txt"], "clause"),
    ])
  func badInput(arguments: [String], message: String) throws {
    let folder = try Scratch()
    FileManager.default.createFile(atPath: folder.path + "/empty.txt", contents: Data())
    FileManager.default.createFile(atPath: folder.path + "/binary.bin", contents: Data([0x89, 0x50, 0x00, 0xff, 0xfe]))
    FileManager.default.createFile(
      atPath: folder.path + "/prose.txt", contents: Data("Just a sentence with no numbered paragraphs.\n".utf8))
    let before = contents(of: folder.path)
    let result = try CLI.run(arguments, in: folder.path)
    #expect(result.status != 0)
    #expect(result.stderr.hasPrefix("amend: error: "), "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(contents(of: folder.path) == before)
  }

  @Test("a repository with no commits, an unknown clause, a corrupt object: clear errors")
  func repositoryProblems() throws {
    let folder = try Scratch()
    try git(["init", "-q", "-b", "main"], in: folder.path)
    let empty = try CLI.run(["show"], in: folder.path)
    #expect(empty.status != 0 && empty.stderr.contains("amend init"), "\(empty.stderr)")
    try CLI.run(["init", "--from", CLI.seed], in: folder.path)
    let unknown = try CLI.run(["show", "7 (x)"], in: folder.path)
    #expect(unknown.status != 0 && unknown.stderr.contains("7 (d)"), "\(unknown.stderr)")
    // Corrupt the draft's blob on disk.
    let blob = try git(["rev-parse", "HEAD:drafts/07-seventh-draft.md"], in: folder.path)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let object = folder.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object)
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: object))
    let corrupt = try CLI.run(["show"], in: folder.path)
    #expect(corrupt.status != 0)
    #expect(corrupt.stderr.hasPrefix("amend: error: ") && corrupt.stderr.split(separator: "\n").count == 1, "\(corrupt.stderr)")
  }
}
