/// A remote the repository knows (`git remote -v`): its name and the URL it fetches from and pushes to.
public struct Remote: Sendable, Equatable {
  public var name: String
  public var url: String
  /// The URL pushes go to, when `remote.NAME.pushurl` differs from `url`.
  public var pushURL: String?

  public init(name: String, url: String, pushURL: String? = nil) {
    self.name = name
    self.url = url
    self.pushURL = pushURL
  }

  /// Whether `url` names a repository on this machine (a path or `file://`): libgit2 reaches it
  /// without a network transport, and amend publishes to it by compare-and-swap itself.
  public static func isLocal(_ url: String) -> Bool {
    if url.hasPrefix("file://") { return true }
    if url.contains("://") { return false }
    // scp-like "host:path" and "user@host:path": a colon before the first slash.
    if let colon = url.firstIndex(of: ":") {
      let slash = url.firstIndex(of: "/")
      if slash == nil || colon < slash! { return false }
    }
    return true
  }

  /// The folder of a local URL.
  public static func localPath(_ url: String) -> String {
    guard url.hasPrefix("file://") else { return url }
    let rest = String(url.dropFirst("file://".count))
    return rest.removingPercentEncoding ?? rest
  }
}

/// What a remote holds of one branch, as it advertised it when fetched: the branch's tip (nil when the
/// remote has no such branch) and its tags, name → object (a tag object for annotated tags).
public struct RemoteBranchState: Sendable, Equatable {
  public var tip: ObjectID?
  public var tags: [String: ObjectID]
  /// The branches the remote has, full names.
  public var branches: [String]

  public init(tip: ObjectID?, tags: [String: ObjectID], branches: [String]) {
    self.tip = tip
    self.tags = tags
    self.branches = branches
  }
}
