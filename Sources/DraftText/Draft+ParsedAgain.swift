/// A version that differs from the one before it by one wording, read without parsing it all again.
extension Draft {
  /// The draft `text` parses to, worked out from this one, when this draft is as parsed from
  /// `source` and `text` differs from it within one line of a one-line clause that keeps its marker
  /// and the kind of its last character: then the parser reads every other line as before (the
  /// argument of ``readsBack(replacingTextOf:with:)``), and the result is this draft with that
  /// clause's new words. Nil when that is not so. History reads thousands of versions that each
  /// differ from the one before by one wording; debug builds check the result against a full parse.
  public func parsedAgain(from source: String, as text: String) -> Draft? {
    guard isAsParsed else { return nil }
    var old = source
    var new = text
    guard let (line, content) = old.withUTF8({ a in new.withUTF8({ b in Self.changedLine(a, b) }) }) else { return nil }
    guard let clause = clauses.first(where: { $0.line == line }), let node = try? locate(clause.key).node else { return nil }
    let marker = node.marker.rendered
    guard content.hasPrefix(marker) else { return nil }
    var words = content
    words.removeFirst(marker.count)
    guard keepsItsLine(node, text: words) else { return nil }
    var again = self
    guard (try? again.replaceText(of: clause.key, with: words)) != nil else { return nil }
    again.asParsed.isTrue = true
    assert(again == (try? Draft(parsing: text)), "a version one wording apart must read as a full parse reads it")
    return again
  }

  /// The 1-based number and the new content of the one line `b` changes in `a`, when the change is
  /// within that line (no line ending added, removed or changed); nil otherwise.
  private static func changedLine(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    guard prefix < a.count || prefix < b.count else { return nil }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    func breaks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
      bytes[range].contains { $0 == 0x0A || $0 == 0x0D }
    }
    guard !breaks(a, prefix..<(a.count - suffix)), !breaks(b, prefix..<(b.count - suffix)) else { return nil }
    var start = prefix
    while start > 0, b[start - 1] != 0x0A { start -= 1 }
    var end = b.count - suffix
    while end < b.count, b[end] != 0x0A, b[end] != 0x0D { end += 1 }
    let line = b[0..<start].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    return (line, String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
  }
}
