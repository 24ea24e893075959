/// A record a command needs cannot be read.
public enum RecordError: Error, Equatable, Sendable {
  /// A proposal or event record is damaged (or missing); the value says how to restore it.
  case damaged(DamagedRecord)
  /// A record file does not decode.
  case unreadable(RecordProblem)
}
