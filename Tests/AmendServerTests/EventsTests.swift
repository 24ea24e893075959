import Foundation
import Testing

/// `GET /api/events`: one event per new commit on the branch, whoever made it (the server, the CLI), in
/// order, with its Amend-Event kind and proposal id.
@Suite struct EventsTests {
  @Test func oneEventPerCommitFromTheServerAndTheCLI() throws {
    let negotiation = try Negotiation()
    let path = negotiation.path
    let token = try Amend.grant("delegation", "European Union", in: path)
    let chair = try Amend.grant("chair", "Ambassador Ndiaye", in: path)
    let server = try ServerProcess(negotiation)
    let start = negotiation.head
    let screen = try EventListener(port: server.port)
    let other = try EventListener(port: server.port)
    Thread.sleep(forTimeInterval: 0.2)
    #expect(screen.headerText.contains("text/event-stream"))

    let tabled = try server.request("POST", "/api/proposals", token: token, json: #"{"clause": "7.b", "delete": "forced"}"#)
    let id = try #require(tabled.object["id"] as? String)
    let first = screen.wait(for: 1)
    #expect(first.count == 1)
    #expect(first.first?["kind"] as? String == "tabled" && first.first?["proposal"] as? String == id)
    #expect(first.first?["commit"] as? String == negotiation.head)

    // A commit made by the amend CLI in the same repository while the server runs: seen within a second.
    let before = Date()
    let cli = try Amend.run(["propose", "7.c", "--by", "Norway", "--delete-clause"], in: path, extra: ["AMEND_NONCE": "8"])
    #expect(cli.status == 0)
    let second = screen.wait(for: 2, timeout: 1)
    #expect(second.count == 2)
    #expect(Date().timeIntervalSince(before) < 1.5)
    #expect(second.last?["kind"] as? String == "tabled" && second.last?["commit"] as? String == negotiation.head)

    #expect(try server.request("POST", "/api/session/open", token: chair, json: #"{"name": "Second reading"}"#).status == 201)
    #expect(try server.request("POST", "/api/proposals/\(id)/accept", token: chair).status == 200)
    let all = screen.wait(for: 4)
    // Exactly one event per commit, in the branch's order.
    let commits = try negotiation.git(["rev-list", "--reverse", "--first-parent", "\(start)..HEAD"]).split(separator: "\n").map(String.init)
    #expect(all.compactMap { $0["commit"] as? String } == commits)
    #expect(all.map { $0["kind"] as? String ?? "" } == ["tabled", "tabled", "session-opened", "accepted"])
    #expect(all.last?["proposal"] as? String == id)
    #expect(other.wait(for: 4).compactMap { $0["commit"] as? String } == commits)
    // No `event:` line: EventSource's onmessage gets each; the id is the commit.
    #expect(screen.rawFrames.allSatisfy { !$0.contains("event:") && $0.contains("id: ") })

    // A screen reconnecting with Last-Event-ID gets what it missed, once.
    let late = try EventListener(port: server.port, lastEventID: commits[1])
    #expect(late.wait(for: 2).compactMap { $0["commit"] as? String } == Array(commits[2...]))
    screen.close()
    other.close()
    late.close()
  }

  /// A short version of the load test (Benchmarks/serve-load.sh): delegations tabling at once each get 201,
  /// every proposal is recorded exactly once, and every screen receives every event, in order.
  @Test func delegationsTablingAtOnce() throws {
    let negotiation = try Negotiation()
    let names = (1...12).map { "Delegation \($0)" }
    let tokens = try names.map { try Amend.grant("delegation", $0, in: negotiation.path) }
    let server = try ServerProcess(negotiation)
    let start = negotiation.head
    let screens = try (0..<10).map { _ in try EventListener(port: server.port) }
    Thread.sleep(forTimeInterval: 0.2)
    let answers = Answers()
    DispatchQueue.concurrentPerform(iterations: tokens.count * 3) { index in
      let token = tokens[index % tokens.count]
      let answer = try? server.request(
        "POST", "/api/proposals", token: token, json: #"{"clause": "7.b", "insert": " variant \#(index)", "at-end": true}"#)
      answers.add(answer?.status ?? 0, answer?.object["id"] as? String)
    }
    #expect(answers.statuses == Array(repeating: 201, count: tokens.count * 3))
    let commits = try negotiation.git(["rev-list", "--reverse", "\(start)..HEAD"]).split(separator: "\n").map(String.init)
    #expect(commits.count == tokens.count * 3)
    let recorded = try negotiation.git(["log", "--format=%(trailers:key=Amend-Proposal,valueonly)", "\(start)..HEAD"])
      .split(separator: "\n").map(String.init)
    #expect(recorded.sorted() == answers.ids.sorted())
    for screen in screens {
      #expect(screen.wait(for: commits.count).compactMap { $0["commit"] as? String } == commits)
      screen.close()
    }
  }

  @Test func keepaliveComments() throws {
    let negotiation = try Negotiation()
    let server = try ServerProcess(negotiation, extra: ["AMEND_SERVE_KEEPALIVE": "0.2"])
    let screen = try EventListener(port: server.port)
    Thread.sleep(forTimeInterval: 0.7)
    #expect(screen.rawText.contains(":keepalive\n\n"))
    screen.close()
  }
}

/// Answers collected from concurrent requests.
final class Answers: @unchecked Sendable {
  private let lock = NSLock()
  private var all: [(Int, String?)] = []

  func add(_ status: Int, _ id: String?) {
    lock.lock()
    all.append((status, id))
    lock.unlock()
  }

  var statuses: [Int] {
    lock.lock()
    defer { lock.unlock() }
    return all.map(\.0)
  }

  var ids: [String] {
    lock.lock()
    defer { lock.unlock() }
    return all.compactMap(\.1)
  }
}
