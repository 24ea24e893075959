internal import CLibGit2
import Foundation

/// Makes the signature of a commit: given the commit object's bytes, returns the armored signature that
/// goes into its `gpgsig` header (for SSH, `-----BEGIN SSH SIGNATURE-----` …).
public struct CommitSigner: Sendable {
  /// Signs the commit buffer.
  public var sign: @Sendable (Data) throws -> String

  public init(sign: @escaping @Sendable (Data) throws -> String) {
    self.sign = sign
  }
}

/// A commit's signature as git stores it, and the bytes it was made over.
public struct CommitSignature: Sendable, Equatable {
  /// The `gpgsig` header's value, continuation spaces removed.
  public var armored: String
  /// The commit object without its signature header: what was signed.
  public var signedData: Data
}

extension Repository {
  /// Writes a signed commit object without moving any reference: libgit2 builds the commit's bytes
  /// (`git_commit_create_buffer`), `signer` signs them, and `git_commit_create_with_signature` stores
  /// the commit with the signature in its `gpgsig` header, as `git commit -S` does.
  public func createSignedCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String,
    signer: CommitSigner
  ) throws -> ObjectID {
    var buffer = git_buf()
    try withCommitParts(tree: tree, parents: parents, author: author, committer: committer) {
      (treeObject, parentObjects, authorSignature, committerSignature) throws(GitError) in
      try check(
        git_commit_create_buffer(
          &buffer, pointer, authorSignature, committerSignature, nil, message, treeObject, parentObjects.count,
          &parentObjects))
    }
    defer { git_buf_dispose(&buffer) }
    guard let content = buffer.ptr else { throw GitError(code: -1, message: "libgit2 returned an empty commit buffer") }
    // The exact bytes libgit2 will store, signed as they are.
    // Without the armor's last line break, the header ends as git's own signed commits end it.
    var signature = try signer.sign(Data(bytes: content, count: buffer.size))
    while signature.hasSuffix("\n") { signature.removeLast() }
    var oid = git_oid()
    try check(git_commit_create_with_signature(&oid, pointer, content, signature, nil))
    return ObjectID(oid)
  }

  /// The signature in commit `id`'s `gpgsig` header and the bytes it covers; nil for an unsigned commit.
  public func commitSignature(_ id: ObjectID) throws(GitError) -> CommitSignature? {
    var signature = git_buf()
    var signed = git_buf()
    var oid = id.oid
    let result = git_commit_extract_signature(&signature, &signed, pointer, &oid, nil)
    if result == GIT_ENOTFOUND.rawValue {
      git_buf_dispose(&signature)
      git_buf_dispose(&signed)
      return nil
    }
    try check(result)
    let signedData = signed.ptr.map { Data(bytes: $0, count: signed.size) } ?? Data()
    git_buf_dispose(&signed)
    return CommitSignature(armored: takeString(&signature), signedData: signedData)
  }

  /// The boolean value of configuration `key` ("true", "yes", "on", "1" …, as git reads them); nil
  /// when unset.
  public func configBool(_ key: String) throws(GitError) -> Bool? {
    var config: OpaquePointer?
    try check(git_repository_config_snapshot(&config, pointer))
    defer { git_config_free(config) }
    var value: Int32 = 0
    let result = git_config_get_bool(&value, config, key)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result)
    return value != 0
  }
}
