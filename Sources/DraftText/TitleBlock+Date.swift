import Foundation

extension TitleBlock {
  /// The date its date line gives ("as of 12 October 2010" → 2010-10-12), if it gives one.
  public var writtenDate: DateComponents? {
    guard let line = dateLine, let written = WrittenDate.find(in: line),
      let day = Int(line[written.day]), let year = Int(line[written.year])
    else { return nil }
    let spelled = line[written.month]
    guard let month = written.numericMonth ? Int(spelled) : WrittenDate.monthNumber(spelled) else { return nil }
    return DateComponents(year: year, month: month, day: day)
  }
}
