import DraftText
import Foundation

/// Locates the shared inputs (seed and real cases) and this suite's golden files at run time,
/// from this file's path: …/Tests/DraftTextTests/Fixtures.swift → package root → ../shared.
enum Fixtures {
  static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
  static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
  static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  static let golden = testsFolder.appendingPathComponent("Golden")
  static let seed = shared.appendingPathComponent("seeds/seventh-draft-migration-2010-10-12.txt")

  /// The real texts to round-trip: every .md and .txt in realcases but SOURCES.md, which is a
  /// table of sources with no clauses in it.
  static var realCases: [String] {
    let folder = shared.appendingPathComponent("realcases")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { ($0.hasSuffix(".md") || $0.hasSuffix(".txt")) && $0 != "SOURCES.md" }.sorted()
  }

  /// The seed and the real cases, by file name.
  static var allTexts: [String] { [seed.lastPathComponent] + realCases }

  static func url(_ name: String) -> URL {
    name == seed.lastPathComponent ? seed : shared.appendingPathComponent("realcases/\(name)")
  }

  static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

  static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

  static func draft(_ name: String) throws -> Draft { try Draft(parsing: text(name)) }

  static func seedDraft() throws -> Draft { try draft(seed.lastPathComponent) }

  /// One line per clause: id, eId and the first eight words of its text.
  static func idListing(_ draft: Draft) -> String {
    draft.clauses.map { clause in
      let words = clause.text.split(whereSeparator: \.isWhitespace).prefix(8).joined(separator: " ")
      return "\(clause.id.rawValue)\t\(clause.eId)\t\(words)"
    }.joined(separator: "\n") + "\n"
  }
}
