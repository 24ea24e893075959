import AmendKit
import ArgumentParser

/// A value an option takes from a fixed set: a format, a status.
protocol OptionChoice: CaseIterable, ExpressibleByArgument {
  /// The refusal of a spelling that names none of the values, in amend's words.
  static func refusal(_ spelled: String) -> String
}

/// An option's value from a fixed set, as it was typed. argument-parser reads any spelling and
/// `value()` refuses an unknown one in amend's words ("unknown format 'rtf': use text, markdown, html, pdf, docx or akn"),
/// with exit status 1 like every refusal, where argument-parser's own check would say "The value
/// 'pdf' is invalid for '--format <format>'" and exit 64.
struct Choice<Value: OptionChoice>: ExpressibleByArgument {
  let spelled: String

  init(argument: String) { spelled = argument }

  init(_ value: Value) { spelled = value.defaultValueDescription }

  /// The value named, or amend's refusal.
  func value() throws -> Value {
    guard let value = Value(argument: spelled) else { throw Refusal(Value.refusal(spelled)) }
    return value
  }

  var defaultValueDescription: String { spelled }

  static var defaultCompletionKind: CompletionKind { .list(Value.allValueStrings) }
}

/// What `amend diff --format` takes: a redline format, JSON, or a document.
enum DiffFormat: String, CaseIterable, FormatChoice {
  case text, markdown, json, html, pdf, docx, akn

  /// The redline's format; nil for JSON and documents.
  var redline: RedlineFormat? { RedlineFormat(rawValue: rawValue) }
}

extension ProposalStatus: ExpressibleByArgument, OptionChoice {
  /// A status in any letter case.
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }

  static func refusal(_ spelled: String) -> String {
    "unknown status '\(spelled)': use one of \(allCases.map(\.rawValue).joined(separator: ", "))"
  }
}
