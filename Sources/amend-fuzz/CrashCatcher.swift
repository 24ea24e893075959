import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps a copy of the input being parsed so that a crash (a Swift trap is SIGILL or SIGTRAP)
/// writes it to a file before the process dies: only async-signal-safe calls in the handler.
enum CrashCatcher {
  nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  nonisolated(unsafe) static var length = 0
  nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?
  static let capacity = 4 << 20

  static func arm(path file: String) {
    path = strdup(file)
    for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
      signal(sig) { sig in
        if let path = CrashCatcher.path {
          let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
          if fd >= 0 {
            _ = write(fd, CrashCatcher.buffer, CrashCatcher.length)
            close(fd)
          }
        }
        _ = write(2, "amend-fuzz: crashed; the input is in the crash file\n", 52)
        _exit(128 + sig)
      }
    }
  }

  static func hold(_ text: String) {
    var copied = 0
    for byte in text.utf8 where copied < capacity {
      buffer[copied] = byte
      copied += 1
    }
    length = copied
  }
}
