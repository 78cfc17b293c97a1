import Foundation

/// The two timestamp formats AWS sends: ISO 8601 in bodies (with or without
/// fractional seconds; emulators send microseconds) and RFC 1123 in `Date` headers.
enum AWSTimestamp {
    /// Parses `2024-01-02T03:04:05Z`, `2024-01-02T03:04:05.123456Z` or `...+00:00`.
    static func parse(_ text: String) -> Date? {
        var whole = text.trimmingCharacters(in: .whitespaces)
        var fraction = 0.0
        if let dot = whole.firstIndex(of: ".") {
            let digitsEnd = whole[dot...].dropFirst().firstIndex { !$0.isNumber } ?? whole.endIndex
            fraction = Double("0" + whole[dot..<digitsEnd]) ?? 0
            whole.removeSubrange(dot..<digitsEnd)
        }
        guard let date = try? Date(whole, strategy: .iso8601) else { return nil }
        return date.addingTimeInterval(fraction)
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
