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
      throw exists ? InitError.sourceUnreadable(path) : InitError.sourceMissing(path)
    }
    guard !data.isEmpty else { throw InitError.sourceEmpty(path) }
    guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
      throw InitError.sourceNotText(path)
    }
    try self.init(path: path, text: text)
  }

  /// Parses `text`, read from `path` (or made from it, as from an Akoma Ntoso document), refusing
  /// text with no clauses.
  public init(path: String, text: String) throws {
    do {
      draft = try Draft(parsing: text)
    } catch {
      throw InitError.sourceNotDraft(path, error)
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
      throw InitError.numberOutOfRange(number)
    }
    let draftNumber = source.draft.ordinal ?? number ?? 1
    let existed = (try? Repository.open(at: folder)) != nil
    if !existed, FileManager.default.fileExists(atPath: folder) == false {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw InitError.cannotCreateFolder(folder, reason: error.localizedDescription)
      }
    }
    let repository: Repository
    do {
      repository = try Repository.openOrCreate(at: folder)
    } catch {
      throw InitError.cannotCreateRepository(folder, error)
    }
    do {
      let workspace = try Workspace(repository: repository, context: context)
      let file = DraftFile(number: draftNumber)
      let committer = try workspace.committer()
      let title = source.draft.titleBlock?.title ?? "Draft \(draftNumber)"
      let (commit, _) = try workspace.commit(
        author: committer,
        message: { _ in
          "\(CommitText.line(title))\n\nThe text as received, from \(CommitText.line((source.path as NSString).lastPathComponent)).\n\n"
            + "Amend-Event: draft-produced\nAmend-Draft: \(draftNumber)"
        }
      ) { snapshot in
        if let existing = try snapshot.draftFiles.get().last {
          throw InitError.alreadyNegotiation(existing: existing.path)
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
