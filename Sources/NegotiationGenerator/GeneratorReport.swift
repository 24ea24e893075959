import AmendKit
import Foundation

/// What a generator run made, and how long each part took.
public struct GeneratorReport: Sendable {
  public var scale: Scale
  public var folder: String
  public var tabled = 0
  /// Proposals the library refused at tabling (a generated one that made no sense); tried again.
  public var refused = 0
  public var lastRefusal: String?
  public var accepted = 0
  public var rejected = 0
  public var deferred = 0
  /// The number of the last draft produced.
  public var drafts = 0
  public var tablingSeconds = 0.0
  public var decidingSeconds = 0.0
  public var nextSeconds = 0.0
  public var totalSeconds = 0.0

  mutating func count(_ decision: ChairAction) {
    switch decision {
    case .accept: accepted += 1
    case .reject: rejected += 1
    case .deferral: deferred += 1
    case .reopen, .reconsider: break
    }
  }

  /// Milliseconds per proposal tabled, commit included.
  public var tablingMillisecondsEach: Double {
    tabled == 0 ? 0 : tablingSeconds * 1_000 / Double(tabled)
  }

  public var summary: String {
    """
    scale \(scale.name): \(tabled) proposals tabled (\(refused) refused and redrawn), \(accepted) accepted, \
    \(rejected) rejected, \(deferred) deferred; last draft \(drafts)
    tabling \(String(format: "%.1f", tablingSeconds)) s (\(String(format: "%.1f", tablingMillisecondsEach)) ms each), \
    deciding \(String(format: "%.1f", decidingSeconds)) s, next \(String(format: "%.1f", nextSeconds)) s, \
    total \(String(format: "%.1f", totalSeconds)) s
    repository: \(folder)
    """
  }
}
