import AmendKit
import ArgumentParser
import Documents
import Foundation

/// `--output FILE`: where a document goes. HTML and Akoma Ntoso go to standard output without it;
/// PDF and Word are bytes a terminal cannot show, so they need a file.
struct DocumentDestination: ParsableArguments {
  @Option(help: "Write the document (html, pdf, docx, akn) to FILE; pdf and docx need it.") var output: String?

  /// Refuses before any work when the format needs a file and none was named.
  func check(_ format: DocumentFormat) throws {
    if output == nil, format.isBinary {
      throw Refusal("a \(format.rawValue) document is written to a file: add --output FILE.\(format.fileExtension)")
    }
  }

  /// Writes the document whole or not at all (a temporary file beside it, then renamed).
  func write(_ content: DocumentContent, as format: DocumentFormat, options: DocumentOptions = DocumentOptions()) throws {
    try check(format)
    let bytes = Data(try Documents.render(content, as: format, options: options))
    guard let output else {
      FileHandle.standardOutput.write(bytes)
      return
    }
    do {
      try bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      throw Refusal("cannot write \(output): \((error as NSError).localizedDescription); check the folder exists and is writable")
    }
  }
}

/// A command's `--format`: its own text formats, and the documents it offers.
protocol FormatChoice: OptionChoice, RawRepresentable where RawValue == String {}

extension FormatChoice {
  /// The document this format makes; nil for a format the command prints itself.
  var document: DocumentFormat? { DocumentFormat(rawValue: rawValue) }

  static func refusal(_ spelled: String) -> String {
    let names = allCases.map(\.rawValue)
    return "unknown format '\(spelled)': use \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "")"
  }
}

/// `amend show --format`.
enum ShowFormat: String, CaseIterable, FormatChoice { case text, html, pdf, docx, akn }

/// `amend compile --format`.
enum CompileFormat: String, CaseIterable, FormatChoice {
  case text, markdown, html, pdf, docx, akn

  /// The compilation's own text format; nil for a document.
  var compilation: Compilation.Format? { Compilation.Format(rawValue: rawValue) }
}

/// `amend proposal --format`.
enum ProposalFormat: String, CaseIterable, FormatChoice { case text, html, akn }

/// `amend history --format` and `amend blame --format`.
enum ClauseReportFormat: String, CaseIterable, FormatChoice { case text, html }
