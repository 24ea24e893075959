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

  private var plans: [[ObjectID]] = []

  /// The tips one commit's plans were built on, the last being the one published.
  func addPlans(_ tips: [ObjectID]) {
    lock.lock()
    plans.append(tips)
    lock.unlock()
  }

  var allPlans: [[ObjectID]] {
    lock.lock()
    defer { lock.unlock() }
    return plans
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
            // The tips this commit's plans were built on: each attempt re-reads the branch.
            var seen: [ObjectID?] = []
            let made = try repository.commitOnBranch("main") { tip in
              calls += 1
              seen.append(tip)
              let blob = try repository.writeBlob(Data("worker \(worker) commit \(index)\n".utf8))
              let base = try tip.map { try repository.treeID(ofCommit: $0) }
              return CommitPlan(
                tree: try repository.writeTree(
                  base: base, changes: [.upsert(path: path, blob: blob)]),
                signature: author, message: "Worker \(worker) commit \(index)\n")
            }
            let tips = seen.compactMap { $0 }
            errors.addPlans(tips)
            let parents = try repository.commit(made).parents
            if tips.count != seen.count || parents != Array(tips.suffix(1)) {
              errors.add("worker \(worker) commit \(index): made on \(parents), not on the tip its last plan saw")
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
    let commits = threads * commitsPerThread
    let plans = errors.allPlans
    print("concurrent commits: \(commits), plans built: \(errors.totalAttempts)")
    #expect(plans.count == commits)
    #expect(plans.map(\.count).reduce(0, +) == errors.totalAttempts)
    // Each attempt re-reads the branch, which only moves forward: the tips one commit's plans saw
    // stand in that order on the branch (equal when a lost race was for the reference's lock).
    let line = try scratch.repository.history(from: try #require(try scratch.repository.headCommitID())).map(\.id)
    let position = Dictionary(uniqueKeysWithValues: line.reversed().enumerated().map { ($1, $0) })
    for tips in plans {
      let places = tips.map { position[$0] ?? -1 }
      #expect(!places.contains(-1) && places == places.sorted(), "plans built on \(tips)")
    }
    // A plan that lost on a tip its commit was not finally made on left one commit no branch
    // reaches (the same plan on the same tip is the same object); nothing else was left.
    let lost = plans.map { tips in Set(tips.dropLast()).subtracting(tips.suffix(1)).count }.reduce(0, +)
    let dangling = try GitCLI.run(["fsck", "--dangling", "--no-reflogs"], in: path)
      .split(separator: "\n").filter { $0.hasPrefix("dangling commit") }.count
    #expect(dangling == lost, "\(lost) plans lost on another tip, \(dangling) dangling commits")

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
