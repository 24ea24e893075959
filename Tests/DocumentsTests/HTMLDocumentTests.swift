import AmendKit
import DraftText
import Foundation
import Testing

@testable import Documents

@Suite("HTML documents: standalone, anchored by eId, every change attributed, everything escaped")
struct HTMLDocumentTests {
  @Test("every page is one standalone HTML file that xmllint parses without a complaint")
  func standaloneAndValid() throws {
    let xmllint = try HTMLTool.require("xmllint", package: "libxml2-utils")
    let example = try HTMLExample()
    let scratch = try HTMLScratch()
    var files: [String] = []
    for (name, content) in try example.contents() {
      let html = String(decoding: try Documents.render(content, as: .html), as: UTF8.self)
      #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"), "\(name)")
      let title = try htmlMatches("<title>([^<]+)</title>", in: html)
      #expect(title.count == 1 && !(title.first?[1].isEmpty ?? true), "\(name): one title")
      #expect(html.contains("@page { size: A4;"), "\(name): the A4 print style is inlined")
      // Nothing outside the file: no address, no linked or imported resource, no script.
      for outside in ["http:", "https:", "file:", "<link", "@import", "url(", "<script", "<iframe", "<object", "<img"] {
        #expect(!html.lowercased().contains(outside), "\(name) contains \(outside)")
      }
      #expect(try htmlMatches("<[a-z][^>]*\\s(src|href|srcset|action)=", in: html.lowercased()).isEmpty, "\(name) links to something")
      let ids = try htmlMatches(" id=\"([^\"]+)\"", in: html).map { $0[1] }
      #expect(Set(ids).count == ids.count, "\(name): ids are unique")
      let path = scratch.file("\(name).html")
      try Data(html.utf8).write(to: URL(fileURLWithPath: path))
      files.append(path)
    }
    let run = try HTMLTool.run(xmllint, ["--html", "--noout"] + files)
    #expect(run.status == 0 && run.stderr.isEmpty, "xmllint: \(run.stderr)")
    // The check can fail: xmllint does complain about broken markup.
    let broken = scratch.file("broken.html")
    try Data("<!DOCTYPE html><html><body><p><b>x</p></i></body></html>".utf8).write(to: URL(fileURLWithPath: broken))
    #expect(!(try HTMLTool.run(xmllint, ["--html", "--noout", broken]).stderr.isEmpty))
    // The same record gives the same bytes.
    let again = try example.contents()
    for ((name, first), (_, second)) in zip(try example.contents(), again) {
      #expect(try Documents.render(first, as: .html) == Documents.render(second, as: .html), "\(name) is not deterministic")
    }
  }

  @Test("every clause is an element whose id is its Akoma Ntoso eId, its marker exactly as printed, indented by level")
  func anchors() throws {
    let example = try HTMLExample()
    let contents = Dictionary(uniqueKeysWithValues: try example.contents().map { ($0.name, $0.content) })
    let eighth = try example.snapshot().currentDraft()
    #expect(eighth.number == 8)
    for name in ["draft", "compilation", "comparison"] {
      let html = String(decoding: try Documents.render(try #require(contents[name]), as: .html), as: UTF8.self)
      for clause in eighth.draft.clauses {
        let found = try htmlMatches("<p class=\"clause [^\"]*level-(\\d)[^\"]*\" id=\"\(clause.eId)\"><span class=\"marker\">(.*?)</span>", in: html)
        #expect(found.count == 1, "\(name): \(clause.id.display) is not anchored by \(clause.eId)")
        guard let match = found.first else { continue }
        #expect(match[1] == String(HTMLDocument.level(of: clause.kind)), "\(name): \(clause.eId) level")
        if name != "comparison" {
          #expect(match[2] == HTMLEscaping.escape(clause.marker.trimmingCharacters(in: .whitespaces)), "\(name): \(clause.eId) marker")
        }
      }
    }
    let draft = String(decoding: try Documents.render(try #require(contents["draft"]), as: .html), as: UTF8.self)
    #expect(
      draft.contains("<span class=\"marker\">- b)</span> taking measures to combat trafficking, smuggling and forced labour of migrant workers"))
    #expect(draft.contains("<p class=\"subject\">Migration</p>\n<h1>Eighth draft of conclusions and recommendations</h1>\n<p class=\"date\">as of "))
    #expect(!draft.contains("<ol") && !draft.contains("<ins") && !draft.contains("<del"))
  }

  @Test("the European Union's insertion 'labour' and deletion 'labor' carry its name; each proposal's changes carry only its delegation")
  func attribution() throws {
    let example = try HTMLExample()
    let contents = Dictionary(uniqueKeysWithValues: try example.contents().map { ($0.name, $0.content) })
    for name in ["comparison", "proposal", "history"] {
      let html = String(decoding: try Documents.render(try #require(contents[name]), as: .html), as: UTF8.self)
      let deleted = try htmlMatches("<del class=\"who-\\d+\" title=\"([^\"]*)\">labor</del>", in: html)
      let inserted = try htmlMatches("<ins class=\"who-\\d+\" title=\"([^\"]*)\">labour</ins>", in: html)
      #expect(
        deleted.count == 1 && deleted.allSatisfy { $0[1].hasPrefix("European Union, proposal \(example.europeanUnion.id)") }, "\(name): \(deleted)")
      #expect(
        inserted.count == 1 && inserted.allSatisfy { $0[1].hasPrefix("European Union, proposal \(example.europeanUnion.id)") }, "\(name): \(inserted)"
      )
      #expect(html.contains("<span class=\"legend-name\">European Union</span>"), "\(name): the legend names the European Union")
    }
    let comparison = String(decoding: try Documents.render(try #require(contents["comparison"]), as: .html), as: UTF8.self)
    #expect(comparison.contains("title=\"Group of African States, proposal "), "the Group of African States' ', smuggling'")
    #expect(
      try htmlMatches(
        "<del class=\"who-\\d+\" title=\"the secretariat[^\"]*\">Seventh</del> <ins class=\"who-\\d+\" title=\"the secretariat[^\"]*\">Eighth</ins>",
        in: comparison
      ).count == 1)
    // Every change in the compilation sits in its proposal's block and names that proposal's delegation.
    let compilation = String(decoding: try Documents.render(try #require(contents["compilation"]), as: .html), as: UTF8.self)
    let snapshot = try example.snapshot()
    let pending = try snapshot.marshalledList(try snapshot.currentDraft(), toleratingDamage: false) { $0.isOnAgenda }
    #expect(pending.count == 4)
    let blocks = try htmlMatches("<div class=\"proposal who-\\d+\" id=\"proposal-([0-9a-f]+)\">(.*?)\n</div>\n", in: compilation)
    #expect(Set(blocks.map { $0[1] }) == Set(pending.map(\.id)))
    for block in blocks {
      let item = try #require(pending.first { $0.id == block[1] })
      let titles = try htmlMatches("<(?:ins|del) class=\"who-\\d+\" title=\"([^\"]*)\">", in: block[2]).map { $0[1] }
      #expect(!titles.isEmpty, "\(item.id) shows no change")
      for title in titles {
        #expect(title.hasPrefix("\(HTMLEscaping.escape(item.record.delegation)), proposal \(item.id)"), "\(item.id): \(title)")
      }
      #expect(block[2].contains(HTMLEscaping.escape(item.record.tabled)), "\(item.id): its tabling time")
      #expect(compilation.contains("<span class=\"legend-name\">\(HTMLEscaping.escape(item.record.delegation))</span>"))
    }
    let outside = compilation.replacingOccurrences(of: "(?s)<div class=\"proposal[^>]*>.*?\n</div>\n", with: "", options: .regularExpression)
    #expect(!outside.contains("<ins") && !outside.contains("<del"), "changes outside a proposal's block")
  }

  @Test("a delegation, co-sponsor, words and statement written as markup are shown as text")
  func escaping() throws {
    let example = try HTMLExample()
    let contents = Dictionary(uniqueKeysWithValues: try example.contents().map { ($0.name, $0.content) })
    for name in ["compilation", "hostile-proposal"] {
      let html = String(decoding: try Documents.render(try #require(contents[name]), as: .html), as: UTF8.self)
      #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"), "\(name)")
      #expect(!html.contains("\" onmouseover=\""), "\(name): an attribute broke out of its quotes")
      #expect(html.contains("Evil&quot; onmouseover=&quot;alert(4)"), "\(name): the delegation as text")
      #expect(html.contains("&lt;script&gt;alert(2)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"), "\(name): the words as text")
      #expect(html.contains("Tom &amp; Jerry&#39;s &#39;Friends&#39;"), "\(name): the co-sponsor as text")
      #expect(html.contains("&lt;/p&gt;&lt;img src=x onerror=alert(3)&gt; &#39;quoted&#39; &amp; &quot;double&quot;"), "\(name): the statement")
    }
    // A name the record cannot hold (Names refuses < and >) is still text when a server passes one.
    let script = ChangeAuthor(name: "<script>alert(1)</script>", detail: "<script>alert(1)</script>, proposal x")
    var palette = HTMLPalette()
    let redline = HTMLDocument.redline([RedlineSegment("</p><script>x</script>", .inserted, by: script)], palette: &palette)
    let legend = HTMLDocument.legend(palette)
    for html in [redline, legend] {
      #expect(!html.contains("<script") && !html.contains("</p>"), "\(html)")
      #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(html)")
    }
    let page = HTMLDocument.page(title: "</title><script>alert(5)</script>", body: redline + legend, language: "en\"><script>")
    #expect(!page.contains("<script"))
    #expect(HTMLEscaping.escape("a<b>&\"'\u{1}é") == "a&lt;b&gt;&amp;&quot;&#39;\u{FFFD}é")
    #expect(HTMLEscaping.lines("one\r\ntwo<") == "one<br>\ntwo&lt;")
  }

  @Test("a chain of changes: each word belongs to the change that last touched it")
  func attributedChain() {
    let eu = ChangeAuthor(name: "European Union", detail: "EU")
    let african = ChangeAuthor(name: "Group of African States", detail: "AG")
    let chair = ChangeAuthor(name: "Chair", detail: "chair")
    let start = "combat trafficking and forced labor of migrants"
    let segments = AttributedRedline.through(
      [
        (start, "combat trafficking and forced labour of migrants", eu),
        ("combat trafficking and forced labour of migrants", "combat trafficking, smuggling and forced labour of migrants", african),
        ("combat trafficking, smuggling and forced labour of migrants", "combat trafficking, smuggling and forced labour of all migrants", chair),
        ("combat trafficking, smuggling and forced labour of all migrants", "combat trafficking, smuggling and forced labour of migrants", chair),
      ], from: start)
    #expect(
      segments == [
        RedlineSegment("combat trafficking", .kept), RedlineSegment(", smuggling", .inserted, by: african),
        RedlineSegment(" and forced ", .kept), RedlineSegment("labor", .deleted, by: eu), RedlineSegment("labour", .inserted, by: eu),
        RedlineSegment(" of migrants", .kept),
      ])
    var palette = HTMLPalette()
    let html = HTMLDocument.redline(segments, palette: &palette)
    #expect(
      html
        == "combat trafficking<ins class=\"who-0\" title=\"AG\">, smuggling</ins> and forced <del class=\"who-1\" title=\"EU\">labor</del> <ins class=\"who-1\" title=\"EU\">labour</ins> of migrants"
    )
    #expect(palette.authors.map(\.name) == ["Group of African States", "European Union"])
    // A chain that does not follow on is shown whole, attributed to its authors together.
    let broken = AttributedRedline.through([("x y", "x z", eu), ("q", "r", african)], from: "x y")
    #expect(broken.contains { $0.mark == .inserted && $0.author?.name == "European Union; Group of African States" })
  }
}
