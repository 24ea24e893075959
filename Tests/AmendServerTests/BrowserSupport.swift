import Foundation
import GitCLISupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A W3C WebDriver client, small and synchronous enough for a test: one chromedriver process, sessions
/// of headless Chromium, and the commands the browser test needs (navigate, find, click, type, run a
/// script, screenshot, the browser's console log). No Python, no download: Debian's chromium and
/// chromium-driver.
final class WebDriver {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let port: Int
  let process: Process
  let base: URL

  /// Starts chromedriver on a free loopback port and waits until it answers.
  init() throws {
    let driver: String
    do {
      driver = try InstalledTool.path("chromedriver", package: "chromium-driver")
      _ = try InstalledTool.path("chromium", package: "chromium")
    } catch {
      throw Failure(description: "\(error) (the browser test needs the Debian packages chromium and chromium-driver)")
    }
    port = try freeLoopbackPort()
    base = URL(string: "http://127.0.0.1:\(port)")!
    process = Process()
    process.executableURL = URL(fileURLWithPath: driver)
    process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    try waitUntil(seconds: 10, "chromedriver answers on port \(port)") {
      (try? HTTP.request("GET", base.appendingPathComponent("status")))?.status == 200
    }
  }

  /// Stops chromedriver (and with it any browser left): its own shutdown command, then SIGKILL if need be.
  func stop() {
    guard process.isRunning else { return }
    _ = try? HTTP.request("GET", base.appendingPathComponent("shutdown"), timeout: 3)
    let deadline = Date().addingTimeInterval(3)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { stop() }

  /// A new headless Chromium with its own profile (so its own cookies), logging the console.
  func session(profile: String, size: (Int, Int) = (1280, 900)) throws -> Browser {
    let capabilities: [String: Any] = [
      "capabilities": [
        "alwaysMatch": [
          "browserName": "chrome",
          "goog:loggingPrefs": ["browser": "ALL"],
          "goog:chromeOptions": [
            "binary": try InstalledTool.path("chromium", package: "chromium"),
            "args": [
              "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
              "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(profile)", "--window-size=\(size.0),\(size.1)",
              "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            ],
          ],
        ]
      ]
    ]
    let answer = try command("POST", "session", capabilities)
    guard let value = answer as? [String: Any], let id = value["sessionId"] as? String else {
      throw Failure(description: "chromedriver gave no session: \(String(describing: answer))")
    }
    return Browser(driver: self, id: id)
  }

  /// One WebDriver command; its `value`, or a failure with WebDriver's error and message.
  @discardableResult
  func command(_ method: String, _ path: String, _ body: Any? = nil) throws -> Any? {
    let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
    let answer = try HTTP.request(method, base.appendingPathComponent(path), body: data, timeout: 60)
    let json = try? JSONSerialization.jsonObject(with: answer.body)
    let value = (json as? [String: Any])?["value"]
    guard answer.status == 200 else {
      let error = (value as? [String: Any]).map { "\($0["error"] ?? "?"): \($0["message"] ?? "")" } ?? String(decoding: answer.body, as: UTF8.self)
      throw Failure(description: "WebDriver \(method) /\(path) answered \(answer.status): \(error)")
    }
    return value is NSNull ? nil : value
  }
}

/// One browser (one Chromium) driven through the WebDriver.
final class Browser {
  let driver: WebDriver
  let id: String
  static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

  init(driver: WebDriver, id: String) {
    self.driver = driver
    self.id = id
  }

  func close() {
    _ = try? driver.command("DELETE", "session/\(id)")
  }

  @discardableResult
  func command(_ method: String, _ path: String, _ body: Any? = nil) throws -> Any? {
    try driver.command(method, "session/\(id)/\(path)", body)
  }

  func open(_ url: String) throws { try command("POST", "url", ["url": url]) }

  var url: String { (try? command("GET", "url") as? String) ?? "" }

  /// The first element matching `css`, or nil.
  func find(_ css: String) -> String? {
    guard let value = try? command("POST", "element", ["using": "css selector", "value": css]) as? [String: Any] else { return nil }
    return value[Self.elementKey] as? String
  }

  func element(_ css: String, seconds: Double = 5) throws -> String {
    var found: String?
    try waitUntil(seconds: seconds, "an element \(css) on \(url)") {
      found = find(css)
      return found != nil
    }
    return found!
  }

  func click(_ css: String) throws { try command("POST", "element/\(try element(css))/click", [:]) }

  func clear(_ css: String) throws { try command("POST", "element/\(try element(css))/clear", [:]) }

  func type(_ css: String, _ text: String) throws {
    try clear(css)
    try command("POST", "element/\(try element(css))/value", ["text": text])
  }

  func text(_ css: String) -> String { read(css, "text") ?? "" }

  func attribute(_ css: String, _ name: String) -> String? { read(css, "attribute/\(name)") }

  /// One property of the first element matching `css`. A live page replaces its parts as events arrive,
  /// so an element found may be gone (stale) when it is read: then it is found again.
  private func read(_ css: String, _ property: String) -> String? {
    for _ in 0..<20 {
      guard let element = find(css) else { return nil }
      do { return try command("GET", "element/\(element)/\(property)") as? String } catch { Thread.sleep(forTimeInterval: 0.05) }
    }
    return nil
  }

  /// Runs `script` (a function body) in the page and gives back what it returns.
  @discardableResult
  func run(_ script: String, _ arguments: [Any] = []) throws -> Any? {
    try command("POST", "execute/sync", ["script": script, "args": arguments])
  }

  /// The page's whole source as the browser now holds it.
  var source: String { (try? command("GET", "source") as? String) ?? "" }

  func screenshot(to path: String) throws {
    guard let encoded = try command("GET", "screenshot") as? String, let png = Data(base64Encoded: encoded) else {
      throw WebDriver.Failure(description: "no screenshot")
    }
    try png.write(to: URL(fileURLWithPath: path))
  }

  /// Whether a JavaScript dialog (an alert) is open.
  var alertOpen: Bool { (try? command("GET", "alert/text")) != nil }

  /// The browser console's entries since the last call: "LEVEL message".
  func consoleLog() -> [String] {
    guard let entries = try? command("POST", "se/log", ["type": "browser"]) as? [[String: Any]] else { return [] }
    return entries.map { "\($0["level"] ?? "?") \($0["message"] ?? "")" }
  }
}

/// Polls `condition` every 50 ms until it holds, or fails naming `what` after `seconds`.
func waitUntil(seconds: Double, _ what: String, _ condition: () throws -> Bool) throws {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if try condition() { return }
    Thread.sleep(forTimeInterval: 0.05)
  }
  if try condition() { return }
  throw WebDriver.Failure(description: "waited \(seconds) s for \(what)")
}

/// Blocking HTTP/1.1 over a plain socket, for loopback only (chromedriver and the server under test): one
/// request per connection (`Connection: close`), the answer read to the end.
enum HTTP {
  struct Answer {
    var status: Int
    var body: Data
    var headers: [String: String]
  }

  static func request(
    _ method: String, _ url: URL, body: Data? = nil, headers: [String: String] = [:], timeout: TimeInterval = 10
  ) throws -> Answer {
    guard let host = url.host, let port = url.port else { throw WebDriver.Failure(description: "not a loopback address: \(url)") }
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw WebDriver.Failure(description: "no socket") }
    defer { close(descriptor) }
    var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw WebDriver.Failure(description: "cannot connect to \(url)") }
    var path = url.path.isEmpty ? "/" : url.path
    if let query = url.query { path += "?" + query }
    var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if let body {
      head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
    } else if method != "GET" {
      head += "Content-Length: 0\r\n"
    }
    let request = Data((head + "\r\n").utf8) + (body ?? Data())
    try request.withUnsafeBytes { bytes in
      var sent = 0
      while sent < bytes.count {
        let count = send(descriptor, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
        guard count > 0 else { throw WebDriver.Failure(description: "cannot send to \(url)") }
        sent += count
      }
    }
    var answer = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    // Read until the answer is complete: its Content-Length, the last chunk, or the end of the connection
    // (chromedriver keeps it open whatever Connection says).
    while !complete(answer) {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count < 0 { throw WebDriver.Failure(description: "no answer from \(url) within \(timeout) s") }
      if count == 0 { break }
      answer.append(contentsOf: buffer[0..<count])
    }
    return try parse(answer, from: url)
  }

  static func complete(_ answer: Data) -> Bool {
    guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else { return false }
    let head = String(decoding: answer[..<split.lowerBound], as: UTF8.self).lowercased()
    let bodyLength = answer.distance(from: split.upperBound, to: answer.endIndex)
    for line in head.components(separatedBy: "\r\n") where line.hasPrefix("content-length:") {
      return bodyLength >= Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }
    if head.contains("transfer-encoding: chunked") || head.contains("transfer-encoding:chunked") {
      return answer[split.upperBound...].range(of: Data("0\r\n\r\n".utf8)) != nil
    }
    return false
  }

  static func parse(_ answer: Data, from url: URL) throws -> Answer {
    guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else { throw WebDriver.Failure(description: "a broken answer from \(url)") }
    let head = String(decoding: answer[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body = Data(answer[split.upperBound...])
    if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunked(body) }
    return Answer(status: status, body: body, headers: headers)
  }

  static func dechunked(_ data: Data) -> Data {
    var out = Data()
    var rest = data[...]
    while let end = rest.range(of: Data("\r\n".utf8)) {
      let sizeText = String(decoding: rest[..<end.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
      guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
      let start = end.upperBound
      guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
      let stop = rest.index(start, offsetBy: size)
      out.append(rest[start..<stop])
      rest = rest[rest.index(stop, offsetBy: min(2, rest.distance(from: stop, to: rest.endIndex)))...]
    }
    return out
  }
}

/// A TCP port on 127.0.0.1 that nothing listens on now.
func freeLoopbackPort() throws -> Int {
  let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard socketDescriptor >= 0 else { throw WebDriver.Failure(description: "no socket") }
  defer { close(socketDescriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = 0
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, length) } }
  guard bound == 0 else { throw WebDriver.Failure(description: "cannot bind a loopback port") }
  let named = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
  }
  guard named == 0 else { throw WebDriver.Failure(description: "cannot read the bound port") }
  return Int(UInt16(bigEndian: address.sin_port))
}
