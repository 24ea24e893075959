import AmendKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /api/events`: Server-Sent Events, one per new commit on the branch (whoever made it), with its
/// `Amend-Event` kind and proposal id; a `:keepalive` comment now and then. A client that reconnects
/// with `Last-Event-ID` first gets the commits it missed.
enum EventsAPI {
  static func add(to router: Router<AmendRequestContext>, room: Room) {
    router.get("/api/events") { request, _ -> Response in
      // Subscribed before the missed commits are read, so that nothing falls between the two.
      let stream = room.events.subscribe()
      var missed: [BranchCommit] = []
      if let last = request.headers[HTTPField.Name("Last-Event-ID")!], !last.isEmpty {
        missed = try await room.reader.run { workspace -> [BranchCommit] in
          guard let tip = try workspace.branchTip(), tip != last else { return [] }
          return try workspace.branchCommits(after: last, upTo: tip, limit: 200)
        }
      }
      let replay = missed
      let seen = Set(replay.map(\.commit))
      return Response(
        status: .ok,
        headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
        body: ResponseBody { writer in
          try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
          for commit in replay { try await writer.write(ByteBuffer(string: EventHub.frame(commit))) }
          for await frame in stream {
            if !seen.isEmpty, let id = EventHub.commitID(of: frame), seen.contains(id) { continue }
            try await writer.write(ByteBuffer(string: frame))
          }
          try await writer.finish(nil)
        })
    }
  }
}

extension EventHub {
  /// The commit id of an event frame ("id: …" on its first line).
  static func commitID(of frame: String) -> String? {
    guard frame.hasPrefix("id: ") else { return nil }
    return frame.dropFirst(4).prefix { $0 != "\n" }.description
  }
}
