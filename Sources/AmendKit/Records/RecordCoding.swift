import Foundation
import Yams

/// A record file that could not be read, naming the file and the field.
public struct RecordProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// The record file's path in the repository.
  public var path: String
  /// What is wrong with it.
  public var message: String

  /// "path: message".
  public var description: String { "\(path): \(message)" }
}

/// Reads and writes records: proposals as Markdown with YAML front matter, events as YAML.
enum RecordCoding {
  static func encoder() -> YAMLEncoder {
    let encoder = YAMLEncoder()
    encoder.options.allowUnicode = true
    encoder.options.width = -1
    return encoder
  }

  static func encode(_ proposal: ProposalRecord) throws -> String {
    let yaml = try encoder().encode(proposal)
    var body = "---\n" + yaml + "---\n"
    if !proposal.rationale.isEmpty {
      body += "\n" + proposal.rationale + "\n"
    }
    return body
  }

  static func encode(_ event: EventRecord) throws -> String {
    try encoder().encode(event)
  }

  static func decodeProposal(_ data: Data, path: String) throws(RecordProblem) -> ProposalRecord {
    guard let text = String(data: data, encoding: .utf8) else {
      throw RecordProblem(path: path, message: "not UTF-8 text; restore it from git history")
    }
    guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
    else {
      throw RecordProblem(path: path, message: "no YAML front matter between '---' lines; restore it from git history")
    }
    let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
    var record: ProposalRecord = try decode(yaml, path: path)
    record.rationale = text[end.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
    do {
      _ = try record.operation.decoded()
    } catch {
      throw RecordProblem(path: path, message: "field '\(error.field)' \(error.problem)")
    }
    return record
  }

  static func decodeEvent(_ data: Data, path: String) throws(RecordProblem) -> EventRecord {
    guard let text = String(data: data, encoding: .utf8) else {
      throw RecordProblem(path: path, message: "not UTF-8 text; restore it from git history")
    }
    return try decode(text, path: path)
  }

  static func decode<T: Decodable>(_ yaml: String, path: String) throws(RecordProblem) -> T {
    do {
      return try YAMLDecoder().decode(T.self, from: yaml)
    } catch let error as DecodingError {
      throw RecordProblem(path: path, message: describe(error))
    } catch {
      throw RecordProblem(path: path, message: "not valid YAML (\(oneLine(error)))")
    }
  }

  static func describe(_ error: DecodingError) -> String {
    func field(_ path: [any CodingKey]) -> String {
      path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case let .typeMismatch(type, context):
      return "field '\(field(context.codingPath))' should be \(kindName(type))"
    case let .valueNotFound(type, context):
      return "field '\(field(context.codingPath))' is empty; it should be \(kindName(type))"
    case let .keyNotFound(key, context):
      return "field '\(field(context.codingPath + [key]))' is missing"
    case let .dataCorrupted(context):
      let name = field(context.codingPath)
      return name.isEmpty ? "not valid YAML" : "field '\(name)' is not readable: \(oneLine(context.debugDescription))"
    @unknown default:
      return "not readable"
    }
  }

  static func kindName(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type: "a whole number"
    case is String.Type: "text"
    case is [String].Type: "a list of names"
    default: "of type \(type)"
    }
  }

  static func oneLine(_ error: Any) -> String {
    String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
  }
}
