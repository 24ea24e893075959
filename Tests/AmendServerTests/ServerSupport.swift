import Foundation
import GitCLISupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built `amend` binary (beside the test bundle), run as people run it.
enum Amend {
  static let binary = BuiltAmend.binary

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static let seed = URL(fileURLWithPath: packageRoot).deletingLastPathComponent()
    .appendingPathComponent("shared/seeds/seventh-draft-migration-2010-10-12.txt").path

  /// The pinned world every test runs in: the clock, the ids and the operator (committer).
  static let environment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    environment["AMEND_COMMITTER"] = "Secretariat <secretariat@example.org>"
    environment["AMEND_NOW"] = "2010-10-12T09:00:00Z"
    environment["AMEND_NONCE"] = "7"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    return environment
  }()

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The one line after "amend: error: ".
    var errorLine: String {
      stderr.split(separator: "\n").first.map { $0.hasPrefix("amend: error: ") ? String($0.dropFirst(14)) : String($0) } ?? ""
    }
  }

  @discardableResult
  static func run(_ arguments: [String], in folder: String, extra: [String: String] = [:]) throws -> Run {
    let run = try ProgramRun.run(binary, arguments, in: folder, environment: environment.merging(extra) { _, new in new })
    return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
  }

  /// A token granted with `amend access grant` (its first line).
  static func grant(_ role: String, _ name: String, in folder: String) throws -> String {
    let run = try run(["access", "grant", "--\(role)", name], in: folder)
    try #require(run.status == 0, "\(run.stderr)")
    return String(try #require(run.stdout.split(separator: "\n").first))
  }
}

/// A scratch folder with a negotiation on the seventh draft, removed when the test ends.
final class Negotiation {
  let folder: String
  var path: String { folder + "/repo" }

  /// `source`: the text to start from (the seventh draft unless said).
  init(from source: String = Amend.seed) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("amend-serve-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/repo", withIntermediateDirectories: true)
    let made = try Amend.run(["init", "--from", source], in: path)
    try #require(made.status == 0, "\(made.stderr)")
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  @discardableResult
  func git(_ arguments: [String]) throws -> String {
    try GitCLI.run(arguments, in: path).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  var head: String { (try? git(["rev-parse", "HEAD"])) ?? "" }
}

/// `amend serve` running on a free loopback port; stopped (SIGTERM, then waited for) when dropped.
final class ServerProcess: @unchecked Sendable {
  let process = Process()
  let base: String
  let port: Int
  private let errors = Pipe()

  init(_ negotiation: Negotiation, extra: [String: String] = [:], arguments: [String] = []) throws {
    process.executableURL = Amend.binary
    process.arguments = ["serve", "--repo", negotiation.path, "--port", "0", "--quiet"] + arguments
    process.environment = Amend.environment.merging(extra) { _, new in new }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // The first line says where it listens: "amend serve: listening on http://127.0.0.1:PORT (Ctrl-C stops it)".
    var line = Data()
    let handle = output.fileHandleForReading
    while !line.contains(0x0A) {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    let text = String(decoding: line, as: UTF8.self)
    guard let range = text.range(of: "http://127.0.0.1:") else {
      process.terminate()
      process.waitUntilExit()
      let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      throw ServerFailure(message: "amend serve did not start: \(text) \(stderr)")
    }
    base = String(text[range.lowerBound...].prefix { !$0.isWhitespace })
    port = Int(base.split(separator: ":").last ?? "") ?? 0
  }

  deinit { stop() }

  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    process.waitUntilExit()
  }

  /// One request on a new connection.
  func request(
    _ method: String, _ path: String, token: String? = nil, json: String? = nil, headers: [String: String] = [:]
  ) throws -> HTTPAnswer {
    var all = headers
    if let token { all["Authorization"] = "Bearer \(token)" }
    if json != nil { all["Content-Type"] = "application/json" }
    return try HTTPClient.exchange(port: port, method: method, path: path, headers: all, body: json.map { Data($0.utf8) })
  }
}

struct ServerFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// An HTTP answer.
struct HTTPAnswer {
  var status: Int
  var headers: [(String, String)]
  var body: Data

  var text: String { String(decoding: body, as: UTF8.self) }

  func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

  func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }

  /// The `{"error": "…"}` line.
  var error: String? {
    (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["error"] as? String
  }

  var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
}

/// HTTP/1.1 over a plain loopback socket: what a script would send, with nothing in between.
enum HTTPClient {
  static func connect(port: Int) throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw ServerFailure(message: "socket failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
      close(socket)
      throw ServerFailure(message: "connect to 127.0.0.1:\(port) failed")
    }
    var timeout = timeval(tv_sec: 30, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    return socket
  }

  static func send(_ socket: Int32, _ data: Data) throws {
    var sent = 0
    while sent < data.count {
      let count = data.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + sent, data.count - sent, Int32(MSG_NOSIGNAL)) }
      guard count > 0 else { throw ServerFailure(message: "send failed") }
      sent += count
    }
  }

  static func requestData(method: String, path: String, headers: [String: String], body: Data?) -> Data {
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body?.count ?? 0)\r\n\r\n"
    return Data(head.utf8) + (body ?? Data())
  }

  static func exchange(port: Int, method: String, path: String, headers: [String: String], body: Data?) throws -> HTTPAnswer {
    let socket = try connect(port: port)
    defer { close(socket) }
    try send(socket, requestData(method: method, path: path, headers: headers, body: body))
    var received = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      if count <= 0 { break }
      received.append(contentsOf: buffer[0..<count])
    }
    return try parse(received)
  }

  static func parse(_ data: Data) throws -> HTTPAnswer {
    guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw ServerFailure(message: "no HTTP head in \(data.count) bytes") }
    let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    let headers = head.dropFirst().compactMap { line -> (String, String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    var body = Data(data[end.upperBound...])
    if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked") }) {
      body = dechunk(body)
    }
    return HTTPAnswer(status: status, headers: headers, body: body)
  }

  static func dechunk(_ data: Data) -> Data {
    var result = Data()
    var rest = data[...]
    while let line = rest.range(of: Data("\r\n".utf8)) {
      let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self).split(separator: ";").first ?? "", radix: 16) ?? 0
      let start = line.upperBound
      guard size > 0, rest.distance(from: start, to: rest.endIndex) >= size else { break }
      let end = rest.index(start, offsetBy: size)
      result.append(rest[start..<end])
      rest = rest[rest.index(end, offsetBy: min(2, rest.distance(from: end, to: rest.endIndex)))...]
    }
    return result
  }
}

/// A screen: one open `GET /api/events`, read on a thread of its own, every event kept.
final class EventListener: @unchecked Sendable {
  private let socket: Int32
  private let lock = NSLock()
  private var frames: [String] = []
  private var raw = Data()
  private var thread: Thread?
  private(set) var headerText = ""

  init(port: Int, lastEventID: String? = nil) throws {
    socket = try HTTPClient.connect(port: port)
    var headers: [String: String] = ["Accept": "text/event-stream"]
    if let lastEventID { headers["Last-Event-ID"] = lastEventID }
    try HTTPClient.send(socket, HTTPClient.requestData(method: "GET", path: "/api/events", headers: headers, body: nil))
    let thread = Thread { [weak self] in self?.read() }
    self.thread = thread
    thread.start()
  }

  deinit { close() }

  func close() { shutdown(socket, Int32(SHUT_RDWR)) }

  private func read() {
    var buffer = [UInt8](repeating: 0, count: 16384)
    var head = true
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      if count <= 0 { break }
      lock.lock()
      raw.append(contentsOf: buffer[0..<count])
      if head, let end = raw.range(of: Data("\r\n\r\n".utf8)) {
        headerText = String(decoding: raw[..<end.lowerBound], as: UTF8.self)
        raw = Data(raw[end.upperBound...])
        head = false
      }
      if !head {
        // Chunked framing stripped as it arrives; events are the blocks between blank lines.
        let text = String(decoding: HTTPClient.dechunk(raw), as: UTF8.self)
        frames = text.components(separatedBy: "\n\n").dropLast().filter { $0.contains("data: ") }
      }
      lock.unlock()
    }
  }

  /// The events received so far, as their data's JSON objects.
  var events: [[String: Any]] {
    lock.lock()
    defer { lock.unlock() }
    return frames.compactMap { frame in
      guard let line = frame.split(separator: "\n").first(where: { $0.hasPrefix("data: ") }) else { return nil }
      return try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8)) as? [String: Any]
    }
  }

  /// Everything received after the head, chunked framing removed.
  var rawText: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: HTTPClient.dechunk(raw), as: UTF8.self)
  }

  var rawFrames: [String] {
    lock.lock()
    defer { lock.unlock() }
    return frames
  }

  /// Waits until at least `count` events arrived, or `timeout` seconds passed; returns the events.
  func wait(for count: Int, timeout: TimeInterval = 5) -> [[String: Any]] {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let now = events
      if now.count >= count { return now }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return events
  }
}
