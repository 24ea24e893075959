/// A small XML writer for Akoma Ntoso: elements, attributes and text, indented by depth, with one
/// escaping rule (``escaped(_:)``) for text and attribute values alike.
struct XMLWriter {
  private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  private var open: [String] = []
  /// Indentation levels before the first element: a document written into another one's component.
  private var base = 0

  init() {}

  /// A writer of a whole document that another document holds `depth` levels down (a collection's
  /// component): no XML declaration, indented to its place.
  init(nestedAt depth: Int) {
    output = ""
    base = depth
  }

  /// How many elements are open, counting the levels a nested writer begins at.
  var depth: Int { base + open.count }

  /// Appends markup another writer made (a component's document, written at this depth).
  mutating func raw(_ markup: String) { output += markup }

  /// The markup with every id of a component's document made unique in the collection: `prefix`
  /// before each `eId` and `wId`, and before each local reference (`href`, `refersTo`, `source`, `by`,
  /// `as`, `outcome`, `src` beginning with `#`). Exact on this writer's output, whose values and text
  /// never hold an unescaped quotation mark.
  static func prefixingIds(_ markup: String, with prefix: String) -> String {
    var result = markup
    for name in ["eId", "wId"] { result = result.replacingOccurrences(of: " \(name)=\"", with: " \(name)=\"\(prefix)") }
    for name in ["href", "refersTo", "source", "by", "as", "outcome", "src"] {
      result = result.replacingOccurrences(of: " \(name)=\"#", with: " \(name)=\"#\(prefix)")
    }
    return result
  }

  /// The one escaping rule (MarkupEscaping), with carriage return, line feed and tab as character
  /// references, so that attribute values and text keep them through any XML reader. Characters XML 1.0
  /// cannot carry at all never reach here (``XMLText.legal(_:)``).
  static func escaped(_ text: String) -> String { MarkupEscaping.escape(text, whitespaceAsReferences: true) }

  private var indent: String { String(repeating: "  ", count: base + open.count) }

  private static func tag(_ name: String, _ attributes: KeyValuePairs<String, String?>) -> String {
    var text = "<" + name
    for (key, value) in attributes {
      guard let value else { continue }
      text += " \(key)=\"\(escaped(value))\""
    }
    return text
  }

  /// Opens an element on its own line; its children follow, indented.
  mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
    output += indent + Self.tag(name, attributes) + ">\n"
    open.append(name)
  }

  /// Closes the element opened last.
  mutating func end() {
    guard let name = open.popLast() else { return }
    output += indent + "</\(name)>\n"
  }

  /// An element with no children.
  mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
    output += indent + Self.tag(name, attributes) + "/>\n"
  }

  /// An element on one line whose content is inline markup, already written (see ``Inline``).
  mutating func inline(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ content: Inline) {
    output += indent + Self.tag(name, attributes) + ">" + content.markup + "</\(name)>\n"
  }

  /// An element on one line holding plain text.
  mutating func text(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ text: String) {
    inline(name, attributes, Inline(text))
  }
}

/// Mixed content written on one line, where whitespace is content: text, and inline elements.
struct Inline {
  private(set) var markup = ""

  init() {}

  init(_ text: String) { append(text) }

  mutating func append(_ text: String) { markup += XMLWriter.escaped(text) }

  mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ content: Inline? = nil) {
    var tag = "<" + name
    for (key, value) in attributes {
      guard let value else { continue }
      tag += " \(key)=\"\(XMLWriter.escaped(value))\""
    }
    guard let content else {
      markup += tag + "/>"
      return
    }
    markup += tag + ">" + content.markup + "</\(name)>"
  }
}

/// What XML 1.0 can carry.
enum XMLText {
  /// Whether a character may stand in an XML 1.0 document (tab, line feed, carriage return, and
  /// everything from U+0020 but the non-characters U+FFFE and U+FFFF).
  static func legal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }

  static func isLegal(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(legal) }

  /// The text with every character XML cannot carry replaced by U+FFFD.
  static func replacingIllegal(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars { result.unicodeScalars.append(legal(scalar) ? scalar : "\u{FFFD}") }
    return result
  }
}

extension XMLWriter {
  /// The FRBRManifestation of every document amend writes: the XML file `this` (at `uri`), marked up by the
  /// secretariat on `date`.
  mutating func manifestation(this: String, uri: String, date: String) {
    start("FRBRManifestation")
    empty("FRBRthis", ["value": this])
    empty("FRBRuri", ["value": uri])
    empty("FRBRdate", ["date": date, "name": "markup"])
    empty("FRBRauthor", ["href": "#secretariat"])
    empty("FRBRformat", ["value": "application/akn+xml"])
    end()
  }
}
