import Documents

extension Messages {
  static func document(_ error: DocumentError) -> String {
    switch error {
    case .formatNotOffered(let format, let content, let offered):
      let others = offered.isEmpty ? "" : "; \(content) is made as \(offered.map(\.rawValue).joined(separator: ", "))"
      return "\(content) is not made as \(format.rawValue)\(others)"
    }
  }
}
