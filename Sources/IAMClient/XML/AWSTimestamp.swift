import Foundation
import SigV4

/// The timestamps AWS sends and rolewiz shows: ISO 8601 in UTC, read and
/// written with `UTCDate`'s arithmetic. Foundation's ISO 8601 styles build a
/// `Calendar`, which first looks the current time zone up in ICU's database;
/// in the wizard that paged in a megabyte or more for dates that are all UTC.
/// HTTP `Date` headers (read only after a clock-skew error) still go through
/// `DateFormatter`.
public enum AWSTimestamp {
    /// Parses `2024-01-02T03:04:05Z`, with fractional seconds of any length
    /// (emulators send microseconds) and `Z` or an offset (`+00:00`, `-0530`, `+01`).
    public static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(text.trimmingCharacters(in: .whitespaces).utf8)
        guard let year = scanner.number(digits: 4), scanner.take("-"),
              let month = scanner.number(digits: 2), scanner.take("-"),
              let day = scanner.number(digits: 2), scanner.take("T") || scanner.take("t"),
              let hour = scanner.number(digits: 2), scanner.take(":"),
              let minute = scanner.number(digits: 2), scanner.take(":"),
              let second = scanner.number(digits: 2),
              let utc = UTCDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        var fraction = 0.0
        if scanner.take(".") {
            let digits = scanner.digitRun()
            guard !digits.isEmpty else { return nil }
            fraction = Double("0." + digits) ?? 0
        }
        guard let offset = scanner.zoneOffsetSeconds(), scanner.isAtEnd else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(utc.secondsSince1970 - offset) + fraction)
    }

    /// `date` as `2024-01-02T03:04:05Z` (whole seconds, UTC).
    public static func format(_ date: Date) -> String {
        let utc = UTCDate(date)
        return utc.isoDay + "T" + utc.isoTime + "Z"
    }

    /// The day of `date` in UTC, `2024-01-02`.
    public static func day(_ date: Date) -> String {
        UTCDate(date).isoDay
    }

    /// Parses an HTTP `Date` header such as `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func parseHTTPDate(_ text: String) -> Date? {
        // A formatter per call: they are not Sendable, and this runs only after a clock-skew error.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) { return date }
        }
        return nil
    }
}

/// Reads the fixed-width fields of an ISO 8601 timestamp.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String.UTF8View) {
        bytes = Array(text)
    }

    var isAtEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` decimal digits as a number.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += digits
        return value
    }

    /// Every decimal digit from here on.
    mutating func digitRun() -> String {
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `Z`, or `±HH`, `±HHMM`, `±HH:MM`, as seconds east of UTC; nil when none is there.
    mutating func zoneOffsetSeconds() -> Int? {
        if take("Z") || take("z") { return 0 }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours < 24 else { return nil }
        var minutes = 0
        if !isAtEnd {
            _ = take(":")
            guard let value = number(digits: 2), value < 60 else { return nil }
            minutes = value
        }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
