/// A run of consecutive lines last changed by the same commit.
public struct BlameHunk: Sendable, Equatable, Hashable {
  /// First line of the run, 1-based, in the blamed version of the file.
  public var startLine: Int
  public var lineCount: Int
  /// The commit that last changed these lines.
  public var commit: ObjectID
  /// That commit's author.
  public var author: Signature
  /// That commit's committer, when it could be read.
  public var committer: Signature?
  /// The file's path in `commit` (differs from the blamed path across renames).
  public var originalPath: String
  /// First line of the run, 1-based, in `originalPath` as of `commit`.
  public var originalStartLine: Int

  public init(
    startLine: Int, lineCount: Int, commit: ObjectID, author: Signature, committer: Signature?,
    originalPath: String, originalStartLine: Int
  ) {
    self.startLine = startLine
    self.lineCount = lineCount
    self.commit = commit
    self.author = author
    self.committer = committer
    self.originalPath = originalPath
    self.originalStartLine = originalStartLine
  }

  /// The 1-based lines of the blamed file that the hunk covers.
  public var lines: ClosedRange<Int> { startLine...(startLine + max(lineCount, 1) - 1) }
}
