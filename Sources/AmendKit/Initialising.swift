import DraftText
import Foundation
import GitStore

/// A draft read from a file, checked before anything is written.
public struct DraftSource: Sendable {
  /// The path the text was read from.
  public var path: String
  /// The file's exact text.
  public var text: String
  /// The text parsed into clauses.
  public var draft: Draft

  /// Reads and parses `path`, refusing what is not a draft: missing, empty, binary or non-UTF-8 files,
  /// and text with no clauses.
  public init(path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw AmendError(
        exists ? "\(path) cannot be read: check its permissions" : "\(path) does not exist: give the path of the draft's text file")
    }
    guard !data.isEmpty else { throw AmendError("\(path) is empty: give a file with the draft's text") }
    guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
      throw AmendError("\(path) is not UTF-8 text (binary or another encoding): save it as UTF-8 plain text")
    }
    do {
      draft = try Draft(parsing: text)
    } catch {
      throw AmendError("\(path): \(error)")
    }
    self.path = path
    self.text = text
  }
}

/// What `amend init` did.
public struct Initialised: Sendable {
  /// The numbered draft file committed.
  public var file: DraftFile
  /// The commit that records it.
  public var commit: ObjectID
  /// What the parser noticed in the text (numbering gaps, unusual markers), one line each.
  public var warnings: [String]
  /// Whether the folder was not a git repository before.
  public var createdRepository: Bool
}

extension Workspace {
  /// Makes `folder` a negotiation repository (git init through libgit2 if it is not one yet) and commits
  /// `source` as its first draft, numbered by the title's ordinal, else `number`, else 1.
  public static func initialise(
    folder: String, source: DraftSource, number: Int?, context: Context
  ) throws -> Initialised {
    if let number, !(1...999).contains(number) {
      throw AmendError("--number must be between 1 and 999, not \(number)")
    }
    let draftNumber = source.draft.ordinal ?? number ?? 1
    let existed = (try? Repository.open(at: folder)) != nil
    if !existed, FileManager.default.fileExists(atPath: folder) == false {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw AmendError("cannot create \(folder): \(error.localizedDescription)")
      }
    }
    let repository: Repository
    do {
      repository = try Repository.openOrCreate(at: folder)
    } catch {
      throw AmendError("cannot make \(folder) a git repository: \(error.message)")
    }
    do {
      let workspace = try Workspace(repository: repository, context: context)
      let file = DraftFile(number: draftNumber)
      let committer = try workspace.committer()
      let title = source.draft.titleBlock?.title ?? "Draft \(draftNumber)"
      let (commit, _) = try workspace.commit(
        author: committer,
        message: { _ in "\(CommitText.line(title))\n\nThe text as received, from \(CommitText.line((source.path as NSString).lastPathComponent)).\n\nAmend-Event: draft-produced\nAmend-Draft: \(draftNumber)" }
      ) { snapshot in
        if let existing = try snapshot.draftFiles.get().last {
          throw AmendError("this repository already holds a negotiation (\(existing.path)): table proposals with 'amend propose', or init in a new folder")
        }
        return [file.path: Data(source.text.utf8)]
      }
      if try repository.tagTarget("draft-\(draftNumber)") == nil {
        _ = try repository.createTag(
          "draft-\(draftNumber)", target: commit, tagger: workspace.signature(committer, at: context.now()),
          message: title)
      }
      return Initialised(
        file: file, commit: commit,
        warnings: source.draft.warnings.map(\.description) + workspace.warnings, createdRepository: !existed)
    } catch {
      if !existed { try? FileManager.default.removeItem(atPath: repository.gitDirectory) }
      throw error
    }
  }
}
