import Foundation

/// `Date` as JSON: the timestamp JavaScript's `Date.prototype.toISOString` writes
/// (`2024-01-02T03:04:05.678Z`, UTC, milliseconds), read and written by `ISO8601Timestamp`.
/// Not `Date.ISO8601FormatStyle`: it truncates instead of rounding, so a date would not
/// survive a round trip.
enum JSONDateFormat {
    /// The timestamp of `date`; `nil` outside JavaScript's range of dates (±8.64e15 ms).
    static func string(from date: Date) -> String? {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard abs(milliseconds) <= Double(ISO8601Timestamp.validRange.upperBound) else { return nil }
        return ISO8601Timestamp.string(fromMilliseconds: Int(milliseconds))
    }

    static func date(from text: String) -> Date? {
        ISO8601Timestamp.milliseconds(from: text).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
}
