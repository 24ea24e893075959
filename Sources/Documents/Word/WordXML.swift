/// The one way Word's XML is written: every text and attribute value goes through `escape`, and every
/// element through `element`, so that nothing a delegation typed can break a part.
enum WordXML {
  /// The declaration every part opens with.
  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

  /// WordprocessingML's main namespace.
  static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  /// The namespace of relationship ids (`r:id`).
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// `text` made safe for XML character data and attribute values (the one rule: MarkupEscaping).
  static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

  /// `<name a="v"…/>`, or `<name a="v"…>children</name>` when there are children.
  static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: String? = nil) -> String {
    var out = "<" + name
    for (key, value) in attributes { out += " \(key)=\"\(escape(value))\"" }
    guard let children else { return out + "/>" }
    return out + ">" + children + "</" + name + ">"
  }

  /// An element whose only child is text, escaped.
  static func text(_ name: String, _ attributes: [(String, String)] = [], _ value: String) -> String {
    element(name, attributes, escape(value))
  }
}
