import Foundation

/// A moment in UTC broken into calendar fields, by arithmetic on the
/// proleptic Gregorian calendar (Howard Hinnant's days-from-civil and
/// civil-from-days). AWS dates are all UTC; Foundation's calendars and
/// formatters are slow, not `Sendable`, and look the current time zone up
/// in ICU's database first. The signer's `X-Amz-Date` and IAMClient's
/// ISO 8601 timestamps are built on it.
package struct UTCDate: Sendable, Hashable {
    package let year: Int
    package let month: Int
    package let day: Int
    package let hour: Int
    package let minute: Int
    package let second: Int

    /// The whole second `date` falls in.
    package init(_ date: Date) {
        let (days, secondOfDay) = Self.floorDivision(Int(date.timeIntervalSince1970.rounded(.down)), 86_400)
        (year, month, day) = Self.civil(fromDays: days)
        (hour, minute, second) = (secondOfDay / 3_600, secondOfDay % 3_600 / 60, secondOfDay % 60)
    }

    /// Nil unless every field is in range (February 29 only in leap years; no leap seconds).
    package init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day),
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    package var secondsSince1970: Int {
        Self.days(fromCivil: year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// `YYYY-MM-DD`.
    package var isoDay: String { Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) }

    /// `HH:MM:SS`.
    package var isoTime: String { Self.padded(hour, 2) + ":" + Self.padded(minute, 2) + ":" + Self.padded(second, 2) }

    /// `YYYYMMDD'T'HHMMSS'Z'`, as SigV4 writes it.
    package var basicFormat: String {
        Self.padded(year, 4) + Self.padded(month, 2) + Self.padded(day, 2) + "T"
            + Self.padded(hour, 2) + Self.padded(minute, 2) + Self.padded(second, 2) + "Z"
    }

    package static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given day.
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivision(y, 400).quotient
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` after 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * monthIndex + 2) / 5 + 1)
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = (value % divisor + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
