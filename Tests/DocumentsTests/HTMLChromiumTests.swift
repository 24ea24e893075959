import AmendKit
import Foundation
import Testing

@testable import Documents

@Suite("HTML documents in a real browser: headless Chromium loads them with nothing on its console")
struct HTMLChromiumTests {
  @Test("the compilation and the 7 → 8 redline load in headless Chromium without a console message; a screenshot is taken")
  func loadsWithoutConsoleErrors() throws {
    let example = try HTMLExample()
    let contents = Dictionary(uniqueKeysWithValues: try example.contents().map { ($0.name, $0.content) })
    let scratch = try HTMLScratch()
    // The check can fail: a page whose script throws puts a CONSOLE line in Chromium's log.
    let control = scratch.file("control.html")
    try Data(
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>c</title></head><body><script>undefinedFunction()</script></body></html>"
        .utf8
    )
    .write(to: URL(fileURLWithPath: control))
    let controlRun = try HTMLTool.chromiumConsole(page: control, screenshot: scratch.file("control.png"))
    #expect(controlRun.console.contains { $0.contains("undefinedFunction") }, "Chromium's console is not read: \(controlRun.result.stderr)")

    for name in ["compilation", "comparison"] {
      let page = scratch.file("\(name).html")
      try Data(try Documents.render(try #require(contents[name]), as: .html)).write(to: URL(fileURLWithPath: page))
      let screenshot = scratch.file("\(name).png")
      let run = try HTMLTool.chromiumConsole(page: page, screenshot: screenshot)
      #expect(run.result.status == 0, "\(name): chromium exited \(run.result.status): \(run.result.stderr)")
      #expect(run.console.isEmpty, "\(name): \(run.console)")
      let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
      #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "\(name): the screenshot is \(png.count) bytes")
      // AMEND_SCREENSHOTS=folder keeps the screenshots to look at.
      if let keep = ProcessInfo.processInfo.environment["AMEND_SCREENSHOTS"] {
        try? FileManager.default.removeItem(atPath: keep + "/\(name).png")
        try FileManager.default.copyItem(atPath: screenshot, toPath: keep + "/\(name).png")
      }
    }
  }
}
