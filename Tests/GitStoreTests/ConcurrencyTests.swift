import Foundation
import GitCLISupport
import GitStore
import Testing

/// Errors and attempt counts gathered from several threads.
private final class WorkerLog: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String] = []

  func add(_ entry: String) {
    lock.lock()
    entries.append(entry)
    lock.unlock()
  }

  private var attempts = 0

  func countAttempts(_ count: Int) {
    lock.lock()
    attempts += count
    lock.unlock()
  }

  var totalAttempts: Int {
    lock.lock()
    defer { lock.unlock() }
    return attempts
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return entries
  }
}

@Suite("Concurrent writers")
struct ConcurrencyTests {
  @Test func eightThreadsCommittingAtOnceLoseNothing() throws {
    let scratch = try ScratchRepository()
    let root = try scratch.repository.commitFiles(["README": "shared\n"], message: "Root\n")
    let path = scratch.path
    let threads = 8
    let commitsPerThread = 25
    let errors = WorkerLog()
    let group = DispatchGroup()
    for worker in 0..<threads {
      group.enter()
      let thread = Thread {
        defer { group.leave() }
        do {
          // One handle per thread: a Repository is not Sendable.
          let repository = try Repository.open(at: path)
          let author = Fixture.signature("Worker\(worker)", minutes: worker)
          var calls = 0
          defer { errors.countAttempts(calls) }
          for index in 0..<commitsPerThread {
            let path = "w\(worker)/c\(index).txt"
            _ = try repository.commitOnBranch("main") { tip in
              calls += 1
              let blob = try repository.writeBlob(Data("worker \(worker) commit \(index)\n".utf8))
              let base = try tip.map { try repository.treeID(ofCommit: $0) }
              return CommitPlan(
                tree: try repository.writeTree(
                  base: base, changes: [.upsert(path: path, blob: blob)]),
                signature: author, message: "Worker \(worker) commit \(index)\n")
            }
          }
        } catch {
          errors.add("worker \(worker): \(error)")
        }
      }
      thread.start()
    }
    group.wait()
    #expect(errors.all.isEmpty)
    // Every retry re-plans on the new tip; more calls than commits means writers collided.
    print("concurrent commits: \(threads * commitsPerThread), plans built: \(errors.totalAttempts)")
    #expect(errors.totalAttempts >= threads * commitsPerThread)

    let count = try GitCLI.run(["rev-list", "--count", "main"], in: path)
    #expect(count == "\(threads * commitsPerThread + 1)\n")
    let tip = try #require(try scratch.repository.headCommitID())
    for worker in 0..<threads {
      #expect(
        try scratch.repository.listTree(ofCommit: tip, under: "w\(worker)").count
          == commitsPerThread)
    }
    #expect(try scratch.repository.history(from: tip).last?.id == root)
    try GitCLI.run(["fsck", "--strict", "--no-dangling"], in: path)
  }
}
