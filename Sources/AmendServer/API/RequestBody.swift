import AmendKit
import Foundation
import Hummingbird
import NIOCore

/// A JSON object body, read field by field: a field of the wrong type, or one not known, is a 400 naming it.
struct BodyFields {
  private var values: [String: JSONValue]
  private var known: Set<String> = []

  init(_ values: [String: JSONValue]) {
    self.values = values
  }

  /// The body as a JSON object (an empty body is an empty object).
  static func read(_ request: Request, limit: Int) async throws -> BodyFields {
    var request = request
    let buffer = try await request.collectBody(upTo: limit)
    let data = Data(buffer.readableBytesView)
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return BodyFields([:]) }
    guard let values = try? JSONDecoder().decode([String: JSONValue].self, from: data) else {
      throw APIError.badRequest("the body must be one JSON object, such as {\"clause\": \"7.b\", …}")
    }
    return BodyFields(values)
  }

  mutating func string(_ key: String) throws -> String? {
    known.insert(key)
    switch values[key] {
    case nil, .null: return nil
    case .string(let text): return text
    default: throw APIError.badRequest("'\(key)' must be a string")
    }
  }

  mutating func bool(_ key: String) throws -> Bool {
    known.insert(key)
    switch values[key] {
    case nil, .null: return false
    case .bool(let value): return value
    default: throw APIError.badRequest("'\(key)' must be true or false")
    }
  }

  mutating func int(_ key: String) throws -> Int? {
    known.insert(key)
    switch values[key] {
    case nil, .null: return nil
    case .number(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
    default: throw APIError.badRequest("'\(key)' must be a whole number")
    }
  }

  /// A whole number, or `true` (read as the second value); false and null are neither.
  mutating func intOrTrue(_ key: String) throws -> (Int?, Bool) {
    known.insert(key)
    switch values[key] {
    case .bool(let value): return (nil, value)
    default: return (try int(key), false)
    }
  }

  mutating func strings(_ key: String) throws -> [String] {
    known.insert(key)
    switch values[key] {
    case nil, .null: return []
    case .string(let one): return [one]
    case .array(let list):
      return try list.map {
        guard case .string(let text) = $0 else { throw APIError.badRequest("'\(key)' must be a list of strings") }
        return text
      }
    default: throw APIError.badRequest("'\(key)' must be a list of strings")
    }
  }

  /// Refuses a key no reader asked for (a misspelt option must not be silently ignored).
  func refuseUnknown() throws {
    if values["by"] != nil {
      throw APIError.badRequest("leave out 'by': the delegation is the one the token was granted to")
    }
    if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
      throw APIError.badRequest("unknown field '\(unknown)': see docs/SERVE.md for the fields of this request")
    }
  }

}

/// Any JSON value, decoded without Foundation's guesses about numbers and booleans.
enum JSONValue: Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }
}
