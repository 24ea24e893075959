import AmendKit

extension Messages {
  static func deadline(_ error: DeadlineError) -> String {
    switch error {
    case .notAMoment(let text):
      return "'\(text)' is not a deadline: write YYYY-MM-DDTHH:MM in UTC, for example 2010-10-12T18:00Z"
    case .noSuchMoment(let text):
      return "'\(text)' is not a real moment: check the day, the hour (00-23) and the minutes (00-59)"
    case .passed(let deadline):
      return "the deadline for amendments passed at \(deadline): table it as a late amendment with --late, for the chair to decide whether to take"
    }
  }
}
