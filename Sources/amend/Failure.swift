import AmendKit
import ArgumentParser
import Foundation
import GitStore

/// How a failed command ends: one line on standard error saying what happened and what to do.
enum Failure {
  /// The exit status of every mistake in the arguments (sysexits' EX_USAGE, as ArgumentParser uses).
  static let usage: Int32 = 64
  /// The exit status of every refusal or failure while running.
  static let refused: Int32 = 1

  /// Help and version requests print as ArgumentParser prints them; every argument error is one line
  /// pointing at the command's help.
  static func refuseArguments(_ error: any Error, arguments: [String]) -> Never {
    if Amend.exitCode(for: error) == .success { Amend.exit(withError: error) }
    let path = commandPath(arguments)
    if path.isEmpty, let unknown = arguments.first(where: { !$0.hasPrefix("-") }) {
      Output.error("unknown command '\(unknown)' (see 'amend help')")
      exit(usage)
    }
    var message = oneLine(Amend.message(for: error))
    if let dashed = dashedValue(in: message) {
      message += "; a value that begins with '-' is written with '=', as --option=\(dashed)"
    }
    Output.error("\(sentence(message)) (see 'amend help\(path.isEmpty ? "" : " " + path.joined(separator: " "))')")
    exit(usage)
  }

  /// A failure while running: the library's refusals in the words of `Messages`, git's failures by kind.
  static func stop(_ error: any Error, arguments: [String]) -> Never {
    if let message = Messages.message(for: error) {
      Output.error(oneLine(message))
      exit(refused)
    }
    switch error {
    case let error as GitError:
      Output.error(error.explanation)
    case is ValidationError:
      refuseArguments(error, arguments: arguments)
    default:
      // `amend help propose` and the like run ArgumentParser's own command, which asks to print help.
      if Amend.exitCode(for: error) == .success || error is ExitCode { Amend.exit(withError: error) }
      Output.error(describe(error))
    }
    exit(refused)
  }

  /// A file-system failure outside libgit2 (Foundation's), worded like git's of the same kind.
  static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError) ?? nsError
    if underlying.domain == NSPOSIXErrorDomain {
      let path = nsError.userInfo[NSFilePathErrorKey] as? String
      let quoted = path.map { " '\($0)'" } ?? ""
      let equivalent = GitError(osError: Int32(underlying.code), message: "\(oneLine(error))\(quoted)")
      if equivalent.kind != .other { return equivalent.explanation }
    }
    return oneLine(error)
  }

  /// The subcommand names at the front of `arguments` ("session", "open"), as far as they go.
  static func commandPath(_ arguments: [String]) -> [String] {
    var command: any ParsableCommand.Type = Amend.self
    var path: [String] = []
    for argument in arguments where !argument.hasPrefix("-") {
      guard let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
      command = next
      path.append(argument)
    }
    return path
  }

  /// The value in "Unknown option '-ish'": words beginning with '-' that were read as an option.
  static func dashedValue(in message: String) -> String? {
    guard message.hasPrefix("Unknown option '-"), !message.hasPrefix("Unknown option '--") else { return nil }
    return message.split(separator: "'").dropFirst().first.map(String.init)
  }

  static func sentence(_ message: String) -> String {
    guard let first = message.first, first.isUppercase, message.dropFirst().first?.isLowercase == true else {
      return message
    }
    return first.lowercased() + message.dropFirst()
  }

  static func oneLine(_ error: any Error) -> String { oneLine(String(describing: error)) }

  static func oneLine(_ text: String) -> String {
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    let joined = lines.filter { !$0.isEmpty }.joined(separator: " ")
    return joined.isEmpty ? "unknown error" : joined
  }
}
