import AmendKit
import Foundation

extension HTMLDocument {
  /// A compilation's body with each proposal cited by page and line of the draft as printed on numbered
  /// pages (``PagedLayout``): "(page 1, line 30)" beside the clause's name in the proposal's redline, as
  /// the text compilation puts it. The fragments stay as they are; the citation goes into what they made.
  static func citingPages(_ body: String, proposals: [MarshalledProposal], layout: PagedLayout) -> String {
    var body = body
    for item in proposals {
      guard let note = layout.citationNote(item),
        let entry = body.range(of: "id=\"proposal-\(HTMLEscaping.escape(item.id))\">"),
        let name = body.range(of: "<span class=\"name\">", range: entry.upperBound..<body.endIndex),
        let end = body.range(of: "</span>", range: name.upperBound..<body.endIndex)
      else { continue }
      body.insert(contentsOf: " <span class=\"cited\">\(HTMLEscaping.escape(note))</span>", at: end.upperBound)
    }
    return body
  }
}
