import Foundation
internal import IAMClient

/// Dates as the screens write them, in the same ISO 8601 UTC form the
/// command line prints, so the two never disagree about a time.
public enum DisplayTime {
    /// `2024-01-02T03:04:05Z`.
    public static func instant(_ date: Date) -> String { AWSTimestamp.format(date) }

    /// `2024-01-02`: the day of `date` in UTC.
    public static func day(_ date: Date) -> String { AWSTimestamp.day(date) }
}
