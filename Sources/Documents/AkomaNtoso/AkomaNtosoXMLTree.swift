import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An XML element read with Foundation's XMLParser: its local name and namespace, attributes by
/// local name, and its children in order (elements and text).
final class XMLTree {
  enum Child {
    case element(XMLTree)
    case text(String)
  }

  let name: String
  let namespace: String
  let attributes: [String: String]
  var children: [Child] = []

  init(name: String, namespace: String, attributes: [String: String]) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
  }

  func attribute(_ name: String) -> String? { attributes[name] }

  /// The child elements, in order.
  var elements: [XMLTree] {
    children.compactMap { if case .element(let element) = $0 { element } else { nil } }
  }

  /// The first child element named `name`.
  func first(_ name: String) -> XMLTree? { elements.first { $0.name == name } }

  /// The first element named `name` at any depth below, in document order.
  func descendant(_ name: String) -> XMLTree? {
    for element in elements {
      if element.name == name { return element }
      if let found = element.descendant(name) { return found }
    }
    return nil
  }

  /// Why a document could not be read.
  struct Failure: Error {
    var reason: String
  }

  /// Parses `data`; throws ``Failure`` with the parser's reason and line when it is not well-formed XML.
  static func parse(_ data: Data) throws -> XMLTree {
    let builder = Builder()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = builder
    // A parse that reported an error fails even where Foundation's parser went on to the end.
    guard parser.parse(), builder.failure == nil, builder.code == nil, builder.stack.isEmpty, let root = builder.root else {
      let code = builder.code ?? (parser.parserError as NSError?)?.code
      let reason = builder.failure ?? code.map(Self.reason) ?? "no root element"
      throw Failure(reason: "\(reason), line \(parser.lineNumber)")
    }
    return root
  }

  /// The parser's error in words (libxml2's error numbers, which Foundation's parser passes on).
  static func reason(_ code: Int) -> String {
    switch code {
    case 4: "it does not begin with an XML element"
    case 5: "it ends before its elements close, or goes on after the root element"
    case 9: "a character XML does not allow"
    case 26, 27: "an entity it does not define"
    case 39, 40, 41: "an attribute value without quotes"
    case 42: "an attribute given twice"
    case 68: "a '<' or '&' that begins no tag or entity"
    case 73, 77: "a tag that is not closed"
    case 76: "a closing tag that does not match the element it closes"
    default: "XML parser error \(code)"
    }
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    var stack: [XMLTree] = []
    var failure: String?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      var local: [String: String] = [:]
      for (key, value) in attributes {
        let name = key.split(separator: ":").last.map(String.init) ?? key
        if key.hasPrefix("xmlns") { continue }
        local[name] = value
      }
      let name = elementName.split(separator: ":").last.map(String.init) ?? elementName
      let element = XMLTree(name: name, namespace: namespaceURI ?? "", attributes: local)
      if let parent = stack.last {
        parent.children.append(.element(element))
      } else if root == nil {
        root = element
      }
      stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      let name = elementName.split(separator: ":").last.map(String.init) ?? elementName
      guard let open = stack.popLast(), open.name == name else {
        if failure == nil { failure = "</\(name)> does not close the element open there" }
        parser.abortParsing()
        return
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      append(string)
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
      append(whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      append(String(decoding: CDATABlock, as: UTF8.self))
    }

    var code: Int?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
      if failure == nil, code == nil { code = (parseError as NSError).code }
    }

    private func append(_ text: String) {
      guard let parent = stack.last else { return }
      if case .text(let previous) = parent.children.last {
        parent.children[parent.children.count - 1] = .text(previous + text)
      } else {
        parent.children.append(.text(text))
      }
    }
  }
}
