internal import CLibGit2

/// A git object name: 40 lowercase hexadecimal digits (SHA-1).
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Codable, Comparable {
  /// The full id, 40 lowercase hex digits.
  public let hex: String

  /// Parses a full 40-digit id (either case); nil when malformed.
  public init?(hex: String) {
    func isLowerHex(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (97...102).contains(byte) }
    // Ids read back from files are already lowercase: checked without making a new string.
    if hex.utf8.count == 40, hex.utf8.allSatisfy(isLowerHex) {
      self.hex = hex
      return
    }
    let lowered = hex.lowercased()
    guard lowered.utf8.count == 40, lowered.utf8.allSatisfy(isLowerHex) else { return nil }
    self.hex = lowered
  }

  /// The abbreviated id (first 7 digits), as `git log --oneline` shows.
  public var short: String { String(hex.prefix(7)) }

  public var description: String { hex }

  public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let id = ObjectID(hex: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not a 40-digit object id: \(text)")
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(hex)
  }
}

extension ObjectID {
  /// Reads a libgit2 oid.
  init(_ oid: git_oid) {
    var copy = oid
    var digits = [CChar](repeating: 0, count: 41)
    git_oid_fmt(&digits, &copy)
    hex = String(decoding: digits.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Reads a libgit2 oid pointer; nil for NULL or the all-zero id.
  init?(_ pointer: UnsafePointer<git_oid>?) {
    guard let pointer, git_oid_is_zero(pointer) == 0 else { return nil }
    self.init(pointer.pointee)
  }

  /// The libgit2 representation; `hex` is validated on construction so parsing cannot fail.
  var oid: git_oid {
    var result = git_oid()
    git_oid_fromstrn(&result, hex, 40)
    return result
  }
}
