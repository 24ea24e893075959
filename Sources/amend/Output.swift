import Foundation

/// Where commands write: exact bytes to standard output, one-line messages to standard error.
enum Output {
  /// Writes `text` exactly, with nothing added.
  static func exact(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func line(_ text: String = "") {
    exact(text + "\n")
  }

  static func error(_ message: String) {
    FileHandle.standardError.write(Data("amend: error: \(message)\n".utf8))
  }

  /// Something the user may not expect but that did what was asked.
  static func note(_ message: String) {
    FileHandle.standardError.write(Data("amend: note: \(message)\n".utf8))
  }

  static func warning(_ message: String) {
    FileHandle.standardError.write(Data("amend: warning: \(message)\n".utf8))
  }
}
