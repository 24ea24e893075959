import ArgumentParser

/// Text given to an option (words, names, notes). Options that take text read the next argument
/// whatever it begins with, since negotiated text may begin with '-' ("-ish", "- and"); an option's
/// name in its place means the text itself was left out.
enum Words {
  static func value(_ argument: String) throws -> String {
    guard !looksLikeOption(argument) else {
      throw ValidationError("it is an option, so the text is missing")
    }
    return argument
  }

  /// "--at-end", "--by", "-h": what no one writes as text.
  static func looksLikeOption(_ argument: String) -> Bool {
    if argument == "-h" { return true }
    guard argument.hasPrefix("--"), argument.count > 2 else { return false }
    return argument.dropFirst(2).allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "-" }
  }
}
