/// A day of the Gregorian calendar, written `YYYY-MM-DD`.
///
/// Waiver expiry dates and the `as of` date of an evaluation are calendar days: FairPolicy
/// never reads a clock, so the caller passes the day (from `--as-of`, `SOURCE_DATE_EPOCH` or
/// the current date) in.
public struct CalendarDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  /// The year, 1 through 9999.
  public let year: Int
  /// The month, 1 through 12.
  public let month: Int
  /// The day of the month, 1 through the month's length.
  public let day: Int

  /// Why a text is not a date.
  enum Problem: Error {
    /// The text is not written `YYYY-MM-DD`.
    case format
    /// The text is well formed but names no day, such as `2026-02-30`.
    case impossible(String)
  }

  /// Creates a date, or `nil` when the day does not exist (`2026-02-30`).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.length(ofMonth: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, or returns `nil` for any other text or an impossible day.
  public init?(_ text: String) {
    guard case .success(let date) = CalendarDate.validate(text) else { return nil }
    self = date
  }

  /// The date `daysSinceEpoch` days after 1970-01-01 (negative for earlier days).
  ///
  /// Converts a `SOURCE_DATE_EPOCH` or clock reading, divided by 86 400 and rounded down,
  /// into a date.
  public init(daysSinceEpoch: Int) {
    // Howard Hinnant's civil_from_days algorithm.
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }

  /// Orders dates chronologically.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Encodes the date as its `YYYY-MM-DD` text.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// Decodes a date from `YYYY-MM-DD` text.
  ///
  /// - Throws: `DecodingError.dataCorrupted` for any other text.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CalendarDate(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a date written YYYY-MM-DD, found '\(text)'")
    }
    self = date
  }

  /// Parses `text`, telling a malformed text from an impossible day.
  static func validate(_ text: String) -> Result<CalendarDate, Problem> {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else {
      return .failure(.format)
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let code = scalars[index].value
        guard code >= 48, code <= 57 else { return nil }
        value = value * 10 + Int(code - 48)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return .failure(.format)
    }
    guard (1...12).contains(month) else {
      return .failure(.impossible("there is no month \(month)"))
    }
    guard year >= 1 else { return .failure(.impossible("there is no year 0")) }
    let length = length(ofMonth: month, year: year)
    guard (1...length).contains(day) else {
      return .failure(
        .impossible("\(monthNames[month - 1]) \(year) has \(length) days"))
    }
    guard let date = CalendarDate(year: year, month: month, day: day) else {
      return .failure(.format)
    }
    return .success(date)
  }

  /// The number of days in `month` of `year`.
  static func length(ofMonth month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return isLeap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// English month names, for messages.
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
}
