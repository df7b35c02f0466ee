import Foundation

/// ISO 8601 timestamps as JavaScript's `Date.prototype.toISOString` writes them,
/// `2024-01-02T03:04:05.678Z`: UTC, millisecond precision. The parser also accepts no
/// fraction or a longer one, and a `±hh:mm` offset instead of `Z`.
///
/// Written by hand rather than with `Date.ISO8601FormatStyle`, which truncates instead of
/// rounding and so does not give back the same `Date` after a round trip.
enum JSONDateFormat {
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// The timestamp of `date`; `nil` outside JavaScript's range of dates (±8.64e15 ms).
    static func string(from date: Date) -> String? {
        let exactMilliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard abs(exactMilliseconds) <= 8.64e15 else { return nil }
        let milliseconds = Int64(exactMilliseconds)
        let days = milliseconds >= 0 ? milliseconds / millisecondsPerDay : (milliseconds + 1) / millisecondsPerDay - 1
        let (year, month, day) = civilDate(fromDays: days)
        let time = milliseconds - days * millisecondsPerDay
        var text = year >= 0 && year <= 9999 ? padded(year, 4) : (year < 0 ? "-" : "+") + padded(abs(year), 6)
        text += "-\(padded(month, 2))-\(padded(day, 2))T\(padded(time / 3_600_000, 2)):"
        text += "\(padded(time / 60_000 % 60, 2)):\(padded(time / 1000 % 60, 2)).\(padded(time % 1000, 3))Z"
        return text
    }

    static func date(from text: String) -> Date? {
        var reader = DigitReader(bytes: Array(text.utf8))
        guard let year = reader.year(), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
            let day = reader.number(2), reader.skip("T"), let hour = reader.number(2), reader.skip(":"),
            let minute = reader.number(2), reader.skip(":"), let second = reader.number(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var millisecond: Int64 = 0
        var subMillisecond = 0.0
        if reader.skip(".") {
            guard let fraction = reader.fraction() else { return nil }
            (millisecond, subMillisecond) = fraction
        }
        guard let offset = reader.utcOffset(), reader.isAtEnd else { return nil }
        let seconds = civilDays(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds * 1000 + millisecond) / 1000 + subMillisecond)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func civilDays(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civilDate(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
