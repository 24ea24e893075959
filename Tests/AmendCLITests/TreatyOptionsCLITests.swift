import Foundation
import Testing

/// Unnumbered lines and choosing an option through the commands (issue 17, docs/TREATIES.md).
@Suite("Treaty-shaped texts: unnumbered lines and options from the command line")
struct TreatyOptionsCLITests {
  @Test("Paris: options, titles and unnumbered text are listed, resolve when typed back, and are replaced, deleted or chosen")
  func parisOptions() throws {
    let folder = try Scratch()
    try TreatyCLITests.parisNegotiation(in: folder)
    let listing = try CLI.run(["clauses"], in: folder.path).stdout
    #expect(listing.contains("Option 2 of Article 2bis"))
    #expect(listing.contains("Title of Article 6.1"))
    let json = try CLI.run(["clauses", "--json"], in: folder.path)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let names = entries.compactMap { $0["name"] as? String }.filter { $0.hasPrefix("Option ") || $0.hasPrefix("Title ") || $0.hasPrefix("Text ") }
    #expect(names.count == 58)
    for name in names.prefix(12) + names.suffix(4) {
      let shown = try CLI.run(["show", name], in: folder.path)
      #expect(shown.status == 0, "\(name): \(shown.stderr)")
    }
    #expect(try CLI.run(["show", "A2bis@option2"], in: folder.path).stdout == "**Option 2:**\n")
    let choose = try TreatyCLITests.table(["Option 2 of Article 2bis", "--choose-option"], in: folder)
    let title = try TreatyCLITests.table(["Title of Article 6.1", "--delete-clause"], in: folder)
    let text = try TreatyCLITests.table(
      ["Text 1 of Article 3.2", "--text", "Each Party shall prepare and communicate its contribution."], in: folder)
    let own = try TreatyCLITests.table(["Article 9.1", "--choose-option"], in: folder)
    let moved = try TreatyCLITests.table(["Article 3.13", "--move-after", "Article 3.15"], in: folder)
    let record = try CLI.run(["proposal", choose, "--json"], in: folder.path).stdout
    #expect(record.contains("keep-option") || record.contains("choose Option 2 of Article 2bis"), "\(record)")
    let (next, produced) = try TreatyCLITests.acceptAndProduce([moved, own, text, title, choose], in: folder)
    #expect(next.contains("Article 2bis.1 (second) → Article 2bis.1"), "\(next)")
    #expect(next.contains("Article 2bis.1 → (deleted)"), "\(next)")
    #expect(
      produced.contains("## Article 2bis *(general)*\n\n1. [All Parties [shall] regularly prepare"), "\(produced.prefix(9000))")
    #expect(!produced.contains("**Option 1:**\n\n1.  All Parties shall undertake efforts"))
    #expect(!produced.contains("**Directional goal**"))
    #expect(produced.contains("2. **Individual efforts**\n\n    Each Party shall prepare and communicate its contribution.\n\n3."))
    #expect(produced.contains("\n1. A robust transparency framework covering both action and support,"))
    #expect(!produced.contains("**Option 3:** Building on existing arrangements"))
    // The moved paragraph took its unnumbered text with it, and the title of the next one stayed.
    #expect(produced.contains("15. **Methods and guidance**\n\n    In the context of their ###, when recognizing"))
    #expect(produced.contains("14. Parties agree to enhance actions under this Agreement"))
    #expect(try CLI.run(["show", "Option 1 of Article 2bis"], in: folder.path).status != 0)
  }

  @Test("choosing an option is refused on what is not one; two options of one group cannot both be accepted")
  func refusals() throws {
    let folder = try Scratch()
    try TreatyCLITests.parisNegotiation(in: folder)
    try expectRefusal(
      HostileCase(
        name: "choose a paragraph", arguments: ["propose", "Article 2bis.1", "--choose-option", "--by", "Brazil"],
        message: "Article 2bis.1 is not an option line"), in: folder.path)
    try expectRefusal(
      HostileCase(
        name: "move a title", arguments: ["propose", "Title of Article 6.1", "--move-after", "Article 6.2", "--by", "Brazil"],
        message: "Title of Article 6.1 is an unnumbered line"), in: folder.path)
    try expectRefusal(
      HostileCase(
        name: "new clause after an option", arguments: ["propose", "Option 1 of Article 3.5", "--new-clause", "More.", "--by", "Brazil"],
        message: "Option 1 of Article 3.5 is an unnumbered line"), in: folder.path)
    let first = try TreatyCLITests.table(["Option 1 of Article 2bis", "--choose-option"], in: folder)
    let second = try TreatyCLITests.table(["Option 2 of Article 2bis", "--choose-option"], in: folder)
    try CLI.run(["session", "open", "Reading", "--chair", "Chair", "--date", "2015-12-10"], in: folder.path)
    #expect(try CLI.run(["accept", first], in: folder.path).status == 0)
    try expectRefusal(
      HostileCase(name: "second option of one group", arguments: ["accept", second], message: "cannot stand with what is already accepted"),
      in: folder.path)
  }

  @Test("a compilation lists proposals on unnumbered lines: in text at the line, in HTML and Akoma Ntoso under its clause")
  func compilation() throws {
    let folder = try Scratch()
    try TreatyCLITests.parisNegotiation(in: folder)
    _ = try TreatyCLITests.table(["Title of Article 6.1", "--delete-clause"], in: folder)
    _ = try TreatyCLITests.table(["Option 2 of Article 2bis", "--choose-option"], in: folder)
    let text = try CLI.run(["compile"], in: folder.path).stdout
    #expect(text.contains("Brazil: delete Title of Article 6.1"))
    for format in ["html", "akn"] {
      let output = folder.path + "/compilation.\(format)"
      let made = try CLI.run(["compile", "--format", format, "--output", output], in: folder.path)
      #expect(made.status == 0, "\(made.stderr)")
      let written = try String(contentsOfFile: output, encoding: .utf8)
      #expect(written.lowercased().contains("choose option 2 of article 2bis, deleting the other options"), "\(format)")
      #expect(written.contains("Title of Article 6.1"), "\(format)")
    }
  }
}
